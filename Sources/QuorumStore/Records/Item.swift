import Foundation
import GRDB

/// One generated (or imported) instruction with its input.
///
/// `status`, `output`, `chosen` and `currentSetID` are a cache of the decision log's
/// derivation (see `ItemStateDerivation`); only `StoreTransaction` writes them.
public struct Item: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "items"

    public var id: Int64?
    public var runID: Int64
    public var type: ItemType
    public var instruction: String
    public var input: String
    /// The ensemble member that generated the instruction, when known.
    public var generator: String?
    /// Ids of the seed tasks shown in the generating prompt.
    public var seedIDs: [String]
    public var createdAt: Date
    public var status: ItemStatus
    /// The text this item contributes to a dataset: the curated output, or for a pending
    /// item the consensus choice; nil when rejected, discarded or streaming.
    public var output: String?
    /// Position, in the current set, of the candidate `output` comes from (nil for edits).
    public var chosen: Int?
    public var currentSetID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, type, instruction, input, generator, status, output, chosen
        case runID = "run_id"
        case seedIDs = "seed_ids"
        case createdAt = "created_at"
        case currentSetID = "current_set_id"
    }

    /// The table's columns, named once: decoders, exporters and SQL read them from here.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let type = Column(CodingKeys.type)
        public static let instruction = Column(CodingKeys.instruction)
        public static let input = Column(CodingKeys.input)
        public static let generator = Column(CodingKeys.generator)
        public static let status = Column(CodingKeys.status)
        public static let output = Column(CodingKeys.output)
        public static let chosen = Column(CodingKeys.chosen)
        public static let runID = Column(CodingKeys.runID)
        public static let seedIDs = Column(CodingKeys.seedIDs)
        public static let createdAt = Column(CodingKeys.createdAt)
        public static let currentSetID = Column(CodingKeys.currentSetID)
        /// The current set's consensus margin, cached beside the status for the margin order.
        public static let margin = Column("margin")
        /// The current set's consensus fragility, cached for the queue's fragile-first order.
        public static let fragility = Column("fragility")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    mutating func apply(_ state: DerivedItemState) {
        status = state.status
        output = state.output
        chosen = state.chosen
        currentSetID = state.currentSetID
    }

    var derivedState: DerivedItemState {
        DerivedItemState(status: status, output: output, chosen: chosen, currentSetID: currentSetID ?? 0)
    }
}
