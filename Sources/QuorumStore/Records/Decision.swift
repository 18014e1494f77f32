import Foundation
import GRDB

/// One event of the append-only decision log (the database refuses updates and deletes).
public struct Decision: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "decisions"

    public var id: Int64?
    public var itemID: Int64
    public var kind: DecisionKind
    /// The candidate set the decision was made on; for a rerun, the new set.
    public var setID: Int64?
    /// The candidate taken: the consensus choice for accept, the curator's for override,
    /// the starting point (if any) for edit.
    public var candidate: Int?
    /// The edited text.
    public var text: String?
    /// Why the item was rejected.
    public var reason: String?
    /// The event an undo cancels.
    public var targetID: Int64?
    public var curator: String
    public var at: Date
    public var note: String?
    /// The batch the decision was made in (the id of the batch's first decision); nil for a
    /// decision made alone.
    public var batchID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, kind, candidate, text, reason, curator, at, note
        case batchID = "batch_id"
        case itemID = "item_id"
        case setID = "set_id"
        case targetID = "target_id"
    }

    /// The table's columns, named once: decoders, exporters and SQL read them from here.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let kind = Column(CodingKeys.kind)
        public static let candidate = Column(CodingKeys.candidate)
        public static let text = Column(CodingKeys.text)
        public static let reason = Column(CodingKeys.reason)
        public static let curator = Column(CodingKeys.curator)
        public static let at = Column(CodingKeys.at)
        public static let note = Column(CodingKeys.note)
        public static let itemID = Column(CodingKeys.itemID)
        public static let setID = Column(CodingKeys.setID)
        public static let targetID = Column(CodingKeys.targetID)
        public static let batchID = Column(CodingKeys.batchID)
    }

    /// Decoded by hand: the write path reads each item's log before every append.
    public init(row: Row) throws {
        id = row[Columns.id]
        itemID = row[Columns.itemID]
        kind = try row.decodedEnum(Columns.kind, of: Self.databaseTableName)
        setID = row[Columns.setID]
        candidate = row[Columns.candidate]
        text = row.text(Columns.text)
        reason = row.text(Columns.reason)
        targetID = row[Columns.targetID]
        curator = row.text(Columns.curator) ?? ""
        at = row[Columns.at]
        note = row.text(Columns.note)
        batchID = row[Columns.batchID]
    }

    public init(
        id: Int64?, itemID: Int64, kind: DecisionKind, setID: Int64?, candidate: Int?, text: String?,
        reason: String?, targetID: Int64?, curator: String, at: Date, note: String?, batchID: Int64? = nil
    ) {
        self.batchID = batchID
        self.id = id
        self.itemID = itemID
        self.kind = kind
        self.setID = setID
        self.candidate = candidate
        self.text = text
        self.reason = reason
        self.targetID = targetID
        self.curator = curator
        self.at = at
        self.note = note
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
