import Foundation
import QuorumStore

/// A store named on the command line: a SQLite path or a PostgreSQL URL.
public enum StoreEndpoint: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if PostgresLocation.isURL(text) {
            self = .postgres(try PostgresLocation(parsing: text, environment: environment))
        } else {
            self = .sqlite(path: text)
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let location): return location.description
        }
    }
}

/// `quorum store copy FROM TO`: every row of one store into a new (or empty) one, ids kept,
/// in one transaction on each side, so the copy is all there or not at all.
public enum StoreCopy {
    /// Returns the rows copied.
    public static func copy(
        from source: StoreEndpoint, to destination: StoreEndpoint,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> StoreRows {
        guard source != destination else { throw PostgresStoreError.refused("\(source) is both the source and the destination") }
        let rows = try await read(source, environment: environment)
        try await write(rows, to: destination, environment: environment)
        return rows
    }

    static func read(_ endpoint: StoreEndpoint, environment: [String: String]) async throws -> StoreRows {
        switch endpoint {
        case .sqlite(let path):
            let store = try Store.open(at: path, access: .read)
            defer { try? store.close() }
            return try await store.readRows()
        case .postgres(let location):
            let store = try await PostgresStore.open(location, environment: environment)
            do {
                let rows = try await store.readRows()
                await store.close()
                return rows
            } catch {
                await store.close()
                throw error
            }
        }
    }

    static func write(_ rows: StoreRows, to endpoint: StoreEndpoint, environment: [String: String]) async throws {
        switch endpoint {
        case .sqlite(let path):
            try await writeSQLite(rows, to: path)
        case .postgres(let location):
            let store = try await PostgresStore.open(location, environment: environment)
            do {
                try await store.writeRows(rows)
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// A SQLite destination this copy creates is removed again if the copy fails.
    static func writeSQLite(_ rows: StoreRows, to path: String) async throws {
        let existed = FileManager.default.fileExists(atPath: path)
        do {
            let store = try Store.open(at: path, access: .write(command: "store copy"))
            do {
                try await store.writeRows(rows)
                try store.close()
            } catch {
                try? store.close()
                throw error
            }
        } catch {
            if !existed {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            throw error
        }
    }
}
