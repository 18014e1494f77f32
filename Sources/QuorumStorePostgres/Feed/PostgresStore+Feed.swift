// QuorumStorePostgres/Feed: One engine run feeding a team's store: each item the engine finishes in its local store
// is appended to the team's, in order, once.

import PostgresNIO
import QuorumStore

extension PostgresStore {
    /// The advisory lock that makes one engine at a time the owner of a team store's runs.
    static let feedLock: Int64 = 0x5155_4F52_554D_4645

    /// Takes (or keeps) this connection's ownership of the feed; false when another engine's
    /// connection holds it.
    func takeFeedOwnership() async throws -> Bool {
        try await query("SELECT pg_try_advisory_lock(\(Self.feedLock))").decode(Bool.self).first { _ in true } ?? false
    }

    /// How many items the run fed under `source` holds here (0 before its first feed).
    func fedItemCount(source: String) async throws -> Int {
        try await query("""
            SELECT COUNT(*) FROM items WHERE run_id = (SELECT id FROM runs WHERE source = \(source) ORDER BY id LIMIT 1)
            """).decode(Int.self).first { _ in true } ?? 0
    }

    /// Appends the next items of a run (`rows`, read from the engine's local store: the items
    /// with their sets, candidates, decisions and skips, and the run's row) under the run this
    /// store keeps for `source`, made at the first feed; ids are shifted past this store's.
    /// `alreadyFed` is how many of the run's items the caller knows are here: a retry of a
    /// feed that committed before its answer was lost finds them and stores nothing twice.
    /// Announces the items to every workbench. Returns the items appended.
    func feed(_ rows: StoreRows, source: String, alreadyFed: Int) async throws -> Int {
        guard case .integer(let localRun)? = rows.rows(of: "runs").first?.first else { return 0 }
        return try await transaction { connection in
            try await Self.lockTables(connection, self)
            var runID = try await connection.run("SELECT id FROM runs WHERE source = \(source) ORDER BY id LIMIT 1", self)
                .decode(Int64.self).first { _ in true }
            if let runID {
                let stored = try await connection.run("SELECT COUNT(*) FROM items WHERE run_id = \(runID)", self)
                    .decode(Int.self).first { _ in true } ?? 0
                if stored == alreadyFed + rows.itemCount { return 0 }
                guard stored == alreadyFed else {
                    throw PostgresStoreError.refused("the fed run \(runID) holds \(stored) items, not the \(alreadyFed) this engine fed")
                }
            }
            var offsets = try await Self.largestIDs(connection, self)
            var feeding = rows
            if let runID {
                offsets["runs"] = runID - localRun
                feeding.tables["runs"] = []
            } else {
                runID = offsets["runs", default: 0] + localRun
                feeding.tables["runs"] = rows.rows(of: "runs").map { row in
                    var row = row
                    row[2] = .text(source)
                    return row
                }
            }
            // The drops so far replace those fed before (the local store counts them all).
            try await connection.run("DELETE FROM filter_drops WHERE run_id = \(runID!)", self)
            let shifted = feeding.shifted(by: offsets)
            try await Self.insert(shifted, connection, self)
            try await Self.announce(.imported(runID: runID!, items: shifted.itemCount), connection, self)
            return shifted.itemCount
        }
    }
}
