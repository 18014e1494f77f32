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

    enum CodingKeys: String, CodingKey {
        case id, kind, candidate, text, reason, curator, at, note
        case itemID = "item_id"
        case setID = "set_id"
        case targetID = "target_id"
    }

    /// Decoded by hand: the write path reads each item's log before every append.
    public init(row: Row) throws {
        id = row["id"]
        itemID = row["item_id"]
        kind = try row.decodedEnum("kind", of: Self.databaseTableName)
        setID = row["set_id"]
        candidate = row["candidate"]
        text = row.text(named: "text")
        reason = row.text(named: "reason")
        targetID = row["target_id"]
        curator = row.text(named: "curator") ?? ""
        at = row["at"]
        note = row.text(named: "note")
    }

    public init(
        id: Int64?, itemID: Int64, kind: DecisionKind, setID: Int64?, candidate: Int?, text: String?,
        reason: String?, targetID: Int64?, curator: String, at: Date, note: String?
    ) {
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
