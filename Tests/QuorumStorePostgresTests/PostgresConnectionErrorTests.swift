import Foundation
import XCTest
@testable import QuorumStorePostgres

/// What a curator sees when the store cannot be reached or refuses them: one message naming
/// the store and the cause, never a crash.
final class PostgresConnectionErrorTests: PostgresTestCase {
    func testWrongPasswordNamesTheStoreAndWhereThePasswordComesFrom() async throws {
        var environment = environment
        environment["PGPASSWORD"] = "not-the-password"
        do {
            _ = try await PostgresStore.open(location, environment: environment)
            XCTFail("a wrong password was accepted")
        } catch let error as PostgresStoreError {
            guard case .authentication(let store, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(store, location.description)
            XCTAssertTrue(reason.contains("password authentication failed"), reason)
            XCTAssertTrue(reason.contains("PGPASSWORD"), reason)
        }
    }

    func testNoPasswordAnywhereSaysSo() async throws {
        var environment = environment
        environment["PGPASSWORD"] = nil
        environment["PGPASSFILE"] = path("no-such-pgpass")
        do {
            _ = try await PostgresStore.open(location, environment: environment)
            XCTFail("a connection without a password was accepted")
        } catch let error as PostgresStoreError {
            XCTAssertTrue(error.description.contains("none was found"), error.description)
        }
    }

    func testAMissingDatabaseIsNamed() async throws {
        var missing = location!
        missing.database = "quorum_no_such_database"
        do {
            _ = try await PostgresStore.open(missing, environment: environment)
            XCTFail("a missing database was opened")
        } catch let error as PostgresStoreError {
            XCTAssertEqual(error, .noDatabase(missing.description))
        }
    }

    func testAnUnreachableServerIsNamed() async throws {
        let nobody = PostgresLocation(user: "quorum", host: "127.0.0.1", port: try freePort(), database: "x", sslMode: .disable)
        do {
            _ = try await PostgresStore.open(nobody, environment: environment)
            XCTFail("an unreachable server was opened")
        } catch let error as PostgresStoreError {
            XCTAssertTrue(error.isUnreachable, error.description)
            XCTAssertTrue(error.description.contains(nobody.description), error.description)
        }
    }

    func testTLSRequiredOnAServerWithoutItIsRefused() async throws {
        var tls = location!
        tls.sslMode = .require
        do {
            _ = try await PostgresStore.open(tls, environment: environment)
            XCTFail("sslmode=require connected to a server without TLS")
        } catch let error as PostgresStoreError {
            XCTAssertTrue(error.description.contains("TLS"), error.description)
        }
    }

    func testTheSchemaIsVersionedAndReopeningKeepsIt() async throws {
        _ = try await withStore { _ in }
        let version = try await withStore { store in
            try await store.query("SELECT version FROM quorum_schema").decode(Int.self).collect()
        }
        XCTAssertEqual(version, [PostgresSchema.currentVersion])
        _ = try await withStore { store in try await store.query("UPDATE quorum_schema SET version = 99") }
        do {
            _ = try await openStore()
            XCTFail("a store of a newer schema was opened")
        } catch let error as PostgresStoreError {
            XCTAssertEqual(error, .newerSchema(location.description, version: 99, known: PostgresSchema.currentVersion))
        }
    }
}
