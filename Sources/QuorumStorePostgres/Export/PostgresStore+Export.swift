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

    /// `quorum stats` on this store from one snapshot: every item read whole a batch at a time,
    /// the filter evaluated on it in Swift, the figures added up as SQLite's queries count them
    /// (`StatsAccumulator`).
    public func stats(filter: FilterExpression? = nil) async throws -> StoreStats {
        try await transaction(isolation: .repeatableRead) { connection in
            var accumulator = StatsAccumulator()
            var scope = Set<Int64>()
            try await ExportedItem.forEach(statuses: ItemStatus.allCases, connection, self) { exported in
                guard exported.passes(filter) else { return }
                if filter != nil { scope.insert(exported.item.id) }
                accumulator.add(exported.item, fragility: exported.fragility)
            }
            let skips = try await connection.run("SELECT item_id, curator FROM skips ORDER BY id", self)
            for try await (itemID, curator) in skips.decode((Int64, String).self) where filter == nil || scope.contains(itemID) {
                accumulator.addSkip(curator: curator)
            }
            var drops: [FilterDropCount] = []
            let rows = try await connection.run(
                "SELECT stage, reason, SUM(count)::bigint FROM filter_drops GROUP BY stage, reason", self)
            for try await (stage, reason, count) in rows.decode((String, String, Int64).self) {
                if let stage = FilterStage(rawValue: stage) { drops.append(FilterDropCount(stage: stage, reason: reason, count: Int(count))) }
            }
            return accumulator.stats(filterDrops: FilterDropCount.reportOrder(drops))
        }
    }

    /// Per-curator figures and the agreement between curators, from one snapshot of the log
    /// (the only table they read).
    public func teamAgreement() async throws -> TeamAgreement {
        try await transaction(isolation: .repeatableRead) { connection in
            TeamAgreement(rows: try await Self.readRows(connection, self) { $0.name == "decisions" ? nil : "FALSE" })
        }
    }
}
