import Foundation
import QuorumStore

extension PostgresStore {
    /// Runs `body` on a SQLite copy of this store taken from one snapshot, in a temporary
    /// folder removed afterwards: the reads that only the SQLite store implements yet.
    func withSnapshot<T: Sendable>(_ body: (Store) async throws -> T) async throws -> T {
        let rows = try await readRows()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-snapshot-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/snapshot.sqlite"
        try await StoreCopy.writeSQLite(rows, to: path)
        let store = try Store.open(at: path, access: .read)
        defer { try? store.close() }
        return try await body(store)
    }
}
