import Foundation
import QuorumCore
import QuorumStore

extension PostgresStore {
    /// Imports JSONL exactly as the SQLite store does (the same parser, consensus, fragility
    /// and derived state, into a temporary SQLite store), then appends those rows here in one
    /// transaction: every line is stored, or none is. Duplicates are detected among the
    /// file's own lines, not yet against what the store already holds.
    public func importJSONL(
        from source: ImportSource, allowDuplicates: Bool = true,
        consensus: @escaping @Sendable ([String]) -> ConsensusResult = { Consensus.decide($0) }
    ) async throws -> ImportSummary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-import-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let staging = try Store.open(at: folder + "/import.sqlite", access: .write(command: "import"))
        var summary: ImportSummary
        let rows: StoreRows
        do {
            summary = try await staging.importJSONL(from: source, allowDuplicates: allowDuplicates, consensus: consensus)
            rows = try await staging.readRows()
            try staging.close()
        } catch {
            try? staging.close()
            throw error
        }
        let stored = try await appendRows(rows)
        if case .integer(let runID)? = stored.rows(of: "runs").first?.first { summary.runID = runID }
        return summary
    }
}
