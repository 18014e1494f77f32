import Foundation
import PostgresNIO
import QuorumStore
import QuorumTestSupport
import XCTest
@testable import QuorumStorePostgres

/// A test against the throwaway cluster `scripts/postgres-cluster.sh` starts: each test gets
/// a database of its own, dropped afterwards. Without `QUORUM_TEST_POSTGRES_URL` the test is
/// skipped, unless `QUORUM_TEST_POSTGRES_REQUIRED` is set (as `scripts/test.sh` does): then
/// it fails.
class PostgresTestCase: TemporaryFolderTestCase {
    /// The process's, with the workbench's kept mirrors in the test's folder.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        if let folder { environment["QUORUM_MIRROR_DIR"] = folder.appendingPathComponent("mirrors").path }
        return environment
    }
    private(set) var adminLocation: PostgresLocation!
    /// The test's own database.
    private(set) var location: PostgresLocation!
    private var databases: [String] = []

    // XCTest runs the async setUp before setUpWithError (the temporary folder's).
    override func setUp() async throws {
        try await super.setUp()
        guard let url = environment["QUORUM_TEST_POSTGRES_URL"], !url.isEmpty else {
            if environment["QUORUM_TEST_POSTGRES_REQUIRED"] != nil {
                XCTFail("QUORUM_TEST_POSTGRES_REQUIRED is set but QUORUM_TEST_POSTGRES_URL is not: start scripts/postgres-cluster.sh")
            }
            throw XCTSkip("no PostgreSQL server: set QUORUM_TEST_POSTGRES_URL (scripts/test.sh starts one)")
        }
        adminLocation = try PostgresLocation(parsing: url, environment: environment)
        location = try await makeDatabase()
    }

    override func tearDown() async throws {
        for database in databases {
            try? await admin("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        }
        try await super.tearDown()
    }

    /// A new empty database on the server; its location.
    func makeDatabase() async throws -> PostgresLocation {
        let name = "quorum_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await admin("CREATE DATABASE \(name)")
        databases.append(name)
        var location = adminLocation!
        location.database = name
        return location
    }

    func openStore(_ location: PostgresLocation? = nil) async throws -> PostgresStore {
        try await PostgresStore.open(location ?? self.location, environment: environment)
    }

    /// The URL of `location` as a user types it.
    func url(_ location: PostgresLocation) -> String {
        "postgresql://\(location.user)@\(location.host):\(location.port)/\(location.database)?sslmode=disable"
    }

    /// Runs one statement on the server's maintenance database.
    private func admin(_ sql: String) async throws {
        var logger = Logger(label: "quorum.tests")
        logger.logLevel = .critical
        let connection = try await PostgresConnector(location: adminLocation, environment: environment).connect(logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs `body` on the store and closes it, whatever happens.
    func withStore<T>(_ location: PostgresLocation? = nil, _ body: (PostgresStore) async throws -> T) async throws -> T {
        try await PostgresStore.with(location ?? self.location, environment: environment, body)
    }
}
