// QuorumStorePostgres: The curation store on PostgreSQL: where it is, how to connect, its schema, copies, leases.

import Foundation
import PostgresNIO

/// A curation store on a PostgreSQL server: the same tables, decision log and derived state
/// as the SQLite store (`StoreTableLayout`), shared by many curators at once.
///
/// One `PostgresStore` is one connection: use it from one task at a time, and open one per
/// curator or worker (each claims its own leases).
public final class PostgresStore: Sendable {
    public let location: PostgresLocation
    let connection: PostgresConnection
    let logger: Logger

    private init(location: PostgresLocation, connection: PostgresConnection, logger: Logger) {
        self.location = location
        self.connection = connection
        self.logger = logger
    }

    /// Connects, and creates or migrates the schema (`PostgresSchema`) under an advisory lock,
    /// so two curators opening a new store at once do not both create it.
    public static func open(
        _ location: PostgresLocation, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> PostgresStore {
        var logger = Logger(label: "quorum.postgres")
        logger.logLevel = .critical
        let connection = try await PostgresConnector(location: location, environment: environment).connect(logger: logger)
        let store = PostgresStore(location: location, connection: connection, logger: logger)
        do {
            try await PostgresSchema.migrate(store)
        } catch {
            await store.close()
            throw error
        }
        return store
    }

    public func close() async {
        try? await connection.close()
    }

    /// Opens the store, runs `body` on it and closes it, whatever happens.
    public static func with<T>(
        _ location: PostgresLocation, environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: (PostgresStore) async throws -> T
    ) async throws -> T {
        let store = try await open(location, environment: environment)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    /// Runs one statement outside any transaction of this connection's.
    @discardableResult
    func query(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        do {
            return try await connection.query(query, logger: logger)
        } catch {
            throw PostgresErrors.translate(error, store: location.description)
        }
    }

    /// Runs `body` in one transaction: all of it is stored, or none of it.
    func transaction<T: Sendable>(
        isolation: IsolationLevel = .readCommitted, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        do {
            return try await connection.withTransaction(logger: logger) { connection in
                if isolation != .readCommitted {
                    try await connection.query(PostgresQuery(unsafeSQL: "SET TRANSACTION ISOLATION LEVEL \(isolation.rawValue)"), logger: logger)
                }
                return try await body(connection)
            }
        } catch {
            throw PostgresErrors.translate(error, store: location.description)
        }
    }

    enum IsolationLevel: String {
        case readCommitted = "READ COMMITTED"
        case repeatableRead = "REPEATABLE READ"
    }
}

extension PostgresConnection {
    /// Runs a statement with the store's quiet logger (for use inside `PostgresStore.transaction`).
    @discardableResult
    func run(_ query: PostgresQuery, _ store: PostgresStore) async throws -> PostgresRowSequence {
        try await self.query(query, logger: store.logger)
    }
}
