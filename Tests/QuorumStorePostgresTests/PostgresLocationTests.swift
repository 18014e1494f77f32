import Foundation
import QuorumTestSupport
import XCTest
@testable import QuorumStorePostgres

/// Store URLs and the password file, without a server.
final class PostgresLocationTests: TemporaryFolderTestCase {
    func testParsesEveryPart() throws {
        let location = try PostgresLocation(parsing: "postgresql://ana@db.example:6543/curation?sslmode=verify-full", environment: [:])
        XCTAssertEqual(location, PostgresLocation(user: "ana", host: "db.example", port: 6543, database: "curation", sslMode: .verifyFull))
        let defaults = try PostgresLocation(parsing: "postgres://bo@localhost", environment: [:])
        XCTAssertEqual(defaults, PostgresLocation(user: "bo", host: "localhost", port: 5432, database: "bo", sslMode: .prefer))
        let socket = try PostgresLocation(parsing: "postgresql:///team?host=/run/pg&user=cy", environment: [:])
        XCTAssertTrue(socket.isUnixSocket)
        XCTAssertEqual(socket.socketPath, "/run/pg/.s.PGSQL.5432")
        XCTAssertEqual(try PostgresLocation(parsing: "postgresql://db/x", environment: ["USER": "dee"]).user, "dee")
    }

    func testRefusesPasswordsAndNamesWhatIsWrong() {
        let cases: [(String, String)] = [
            ("postgresql://ana:secret@db/x", "holds a password"),
            ("postgresql://ana@db/x?password=secret", "holds a password"),
            ("postgresql://ana@db/x?sslmode=sometimes", "sslmode sometimes is not one of disable, allow, prefer, require, verify-ca, verify-full"),
            ("postgresql://ana@db/x?colour=blue", "unknown parameter colour"),
            ("postgresql://ana@db:0/x", "port 0 is out of range"),
            ("postgresql://ana@db/x/y", "contains a /"),
        ]
        for (url, expected) in cases {
            XCTAssertThrowsError(try PostgresLocation(parsing: url, environment: [:])) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains(expected), "\(url): \(message)")
                XCTAssertFalse(message.contains("secret"), "the password was repeated in the message: \(message)")
            }
        }
    }

    func testPasswordComesFromTheEnvironmentThenThePasswordFile() throws {
        let file = try write("""
            # team servers
            other:5432:*:ana:wrong
            db.example:6543:curation:ana:pa\\:ss\\\\word
            *:*:*:*:fallback
            """, to: "pgpass")
        let location = PostgresLocation(user: "ana", host: "db.example", port: 6543, database: "curation")
        XCTAssertEqual(PGPassFile.password(for: location, environment: ["PGPASSFILE": file]), "pa:ss\\word")
        XCTAssertEqual(PGPassFile.password(for: location, environment: ["PGPASSFILE": file, "PGPASSWORD": "env"]), "env")
        var elsewhere = location
        elsewhere.host = "elsewhere"
        XCTAssertEqual(PGPassFile.password(for: elsewhere, environment: ["PGPASSFILE": file]), "fallback")
        XCTAssertNil(PGPassFile.password(for: location, environment: ["PGPASSFILE": path("missing")]))
    }
}
