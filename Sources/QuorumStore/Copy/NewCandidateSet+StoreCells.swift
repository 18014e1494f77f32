import Foundation
import GRDB
import QuorumCore

extension NewCandidateSet {
    /// The set's row and its candidates' rows in `StoreTableLayout`'s columns, each value as
    /// the SQLite store writes it (the same JSON, the same time text), the ids and the
    /// candidates' set id left null: what another backend stores for a rerun.
    public func storeCells(itemID: Int64, ordinal: Int, at date: Date) throws -> (set: [StoreCell], candidates: [[StoreCell]]) {
        if let consensus { try StoreTransaction.validate(consensus, candidateCount: candidates.count) }
        let set: [String: StoreCell] = [
            "item_id": .integer(itemID), "ordinal": .integer(Int64(ordinal)), "created_at": Self.text(date),
            "consensus_choice": Self.integer(consensus?.choice), "consensus_rule": Self.text(consensus?.rule.rawValue),
            "consensus_scores": Self.text(consensus.map { StoreTransaction.json(numbers: $0.scores) }),
            "consensus_margin": Self.real(consensus?.margin),
            "consensus_matrix": Self.text(consensus.map { StoreTransaction.json(matrix: $0.matrix) }),
            "consensus_discard": Self.text(consensus?.discard?.rawValue), "consensus_fragility": Self.real(consensus?.fragility),
        ]
        let rows = candidates.enumerated().map { position, candidate -> [String: StoreCell] in
            [
                "position": .integer(Int64(position)), "member": .text(candidate.member), "text": .text(candidate.text),
                "prompt_tokens": Self.integer(candidate.promptTokens), "completion_tokens": Self.integer(candidate.completionTokens),
                "latency_ms": Self.real(candidate.latencyMilliseconds), "error": Self.text(candidate.error),
            ]
        }
        return (Self.ordered(set, as: "candidate_sets"), rows.map { Self.ordered($0, as: "candidates") })
    }

    private static func ordered(_ cells: [String: StoreCell], as table: String) -> [StoreCell] {
        StoreTableLayout.tables.first { $0.name == table }!.columns.map { cells[$0.name] ?? .null }
    }

    private static func text(_ date: Date) -> StoreCell {
        .text(String.fromDatabaseValue(date.databaseValue) ?? "")
    }

    private static func text(_ value: String?) -> StoreCell { value.map(StoreCell.text) ?? .null }
    private static func integer(_ value: Int?) -> StoreCell { value.map { .integer(Int64($0)) } ?? .null }
    private static func real(_ value: Double?) -> StoreCell { value.map(StoreCell.real) ?? .null }
}
