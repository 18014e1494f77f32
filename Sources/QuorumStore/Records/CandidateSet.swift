import Foundation
import GRDB
import QuorumCore

/// The candidates competing for one item, and their consensus once every candidate is in.
/// Ordinal 0 is the engine's first set; each rerun adds the next ordinal.
public struct CandidateSet: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "candidate_sets"

    public var id: Int64?
    public var itemID: Int64
    public var ordinal: Int
    public var createdAt: Date
    public var consensusChoice: Int?
    public var consensusRule: ConsensusRule?
    public var consensusScores: [Double]?
    public var consensusMargin: Double?
    public var consensusMatrix: [[Double]]?
    public var consensusDiscard: ConsensusDiscard?

    enum CodingKeys: String, CodingKey {
        case id, ordinal
        case itemID = "item_id"
        case createdAt = "created_at"
        case consensusChoice = "consensus_choice"
        case consensusRule = "consensus_rule"
        case consensusScores = "consensus_scores"
        case consensusMargin = "consensus_margin"
        case consensusMatrix = "consensus_matrix"
        case consensusDiscard = "consensus_discard"
    }

    /// The table's columns, named once: decoders, exporters and SQL read them from here.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let ordinal = Column(CodingKeys.ordinal)
        public static let itemID = Column(CodingKeys.itemID)
        public static let createdAt = Column(CodingKeys.createdAt)
        public static let consensusChoice = Column(CodingKeys.consensusChoice)
        public static let consensusRule = Column(CodingKeys.consensusRule)
        public static let consensusScores = Column(CodingKeys.consensusScores)
        public static let consensusMargin = Column(CodingKeys.consensusMargin)
        public static let consensusMatrix = Column(CodingKeys.consensusMatrix)
        public static let consensusDiscard = Column(CodingKeys.consensusDiscard)
        /// `consensus?.fragility`, written with the set: the queue and filters read it.
        public static let consensusFragility = Column("consensus_fragility")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The consensus, or nil while the set is still streaming.
    public var consensus: ConsensusResult? {
        get {
            guard let rule = consensusRule else { return nil }
            return ConsensusResult(
                choice: consensusChoice, rule: rule, scores: consensusScores ?? [],
                margin: consensusMargin ?? 0, matrix: consensusMatrix ?? [], discard: consensusDiscard)
        }
        set {
            consensusChoice = newValue?.choice
            consensusRule = newValue?.rule
            consensusScores = newValue?.scores
            consensusMargin = newValue?.margin
            consensusMatrix = newValue?.matrix
            consensusDiscard = newValue?.discard
        }
    }
}

extension CandidateSet {
    /// A set whose consensus is still to come.
    init(id: Int64?, itemID: Int64, ordinal: Int, createdAt: Date) {
        self.init(
            id: id, itemID: itemID, ordinal: ordinal, createdAt: createdAt, consensusChoice: nil,
            consensusRule: nil, consensusScores: nil, consensusMargin: nil, consensusMatrix: nil,
            consensusDiscard: nil)
    }
}
