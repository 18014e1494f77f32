// QuorumStore/Records: The records of the store's tables and their columns, decoded column by column.

import GRDB

/// One ensemble member's output for a candidate set.
public struct Candidate: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "candidates"

    public var id: Int64?
    public var setID: Int64
    /// Index in the set; position 0 is the instance generator's own output.
    public var position: Int
    public var member: String
    public var text: String
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var latencyMilliseconds: Double?
    /// Why the member produced no usable text; such a candidate cannot be chosen.
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case id, position, member, text, error
        case setID = "set_id"
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case latencyMilliseconds = "latency_ms"
    }

    /// The table's columns, named once: decoders, exporters and SQL read them from here.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let position = Column(CodingKeys.position)
        public static let member = Column(CodingKeys.member)
        public static let text = Column(CodingKeys.text)
        public static let error = Column(CodingKeys.error)
        public static let setID = Column(CodingKeys.setID)
        public static let promptTokens = Column(CodingKeys.promptTokens)
        public static let completionTokens = Column(CodingKeys.completionTokens)
        public static let latencyMilliseconds = Column(CodingKeys.latencyMilliseconds)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
