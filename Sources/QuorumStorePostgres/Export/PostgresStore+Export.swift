import Foundation
import PostgresNIO
import QuorumCore
import QuorumStore

extension PostgresStore {
    /// Streams the selected items from one snapshot, through the row writers of SQLite's
    /// export (`ExportSink`), so the bytes are the same. The training formats unfiltered read
    /// three columns; the full format and filtered exports read each item whole, a batch at a
    /// time, and evaluate the filter on it in Swift.
    public func export(_ request: ExportRequest, to destination: ExportDestination) async throws -> ExportSummary {
        try await export(request, to: destination, batchSize: ExportedItem.batchSize)
    }

    func export(_ request: ExportRequest, to destination: ExportDestination, batchSize: Int) async throws -> ExportSummary {
        guard !request.statuses.isEmpty else { return ExportSummary(lines: 0, bytes: 0, skippedWithoutOutput: 0) }
        if request.format == .full || request.filter != nil {
            return try await transaction(isolation: .repeatableRead) { connection in
                let sink = try ExportSink(format: request.format, destination: destination)
                try await ExportedItem.forEach(statuses: request.statuses, batchSize: batchSize, connection, self) { exported in
                    if exported.passes(request.filter) { try sink.write(exported.item) }
                }
                return try sink.finish()
            }
        }
        let statuses = request.statuses.map(\.rawValue)
        return try await transaction(isolation: .repeatableRead) { connection in
            let skipped = try await connection.run(
                "SELECT COUNT(*) FROM items WHERE status = ANY(\(statuses)) AND output IS NULL", self
            ).decode(Int64.self).first { _ in true } ?? 0
            let sink = try ExportSink(format: request.format, destination: destination)
            let rows = try await connection.run(
                "SELECT instruction, input, output FROM items WHERE status = ANY(\(statuses)) AND output IS NOT NULL ORDER BY id",
                self)
            for try await (instruction, input, output) in rows.decode((String, String, String).self) {
                try sink.write(instruction: instruction, input: input, output: output)
            }
            return try sink.finish(skippedWithoutOutput: Int(skipped))
        }
    }

    /// `quorum stats` on this store, computed by the SQLite store's statistics over a snapshot.
    public func stats(filter: FilterExpression? = nil) async throws -> StoreStats {
        try await withSnapshot { try await $0.stats(filter: filter) }
    }

    /// Per-curator figures and the agreement between curators, from one snapshot of the log
    /// (the only table they read).
    public func teamAgreement() async throws -> TeamAgreement {
        try await transaction(isolation: .repeatableRead) { connection in
            TeamAgreement(rows: try await Self.readRows(connection, self) { $0.name == "decisions" ? nil : "FALSE" })
        }
    }
}
