import Foundation
import GRDB

/// One engine run or import: the configuration it used, with secrets removed.
public struct Run: Sendable, Equatable, Codable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runs"

    public var id: Int64?
    public var startedAt: Date
    /// What produced the items: "generate", "import", "bench", ...
    public var source: String
    public var configJSON: String
    /// SHA-256 of `configJSON`, hex.
    public var configHash: String

    enum CodingKeys: String, CodingKey {
        case id, source
        case startedAt = "started_at"
        case configJSON = "config_json"
        case configHash = "config_hash"
    }

    /// The table's columns, named once: decoders, exporters and SQL read them from here.
    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let source = Column(CodingKeys.source)
        public static let startedAt = Column(CodingKeys.startedAt)
        public static let configJSON = Column(CodingKeys.configJSON)
        public static let configHash = Column(CodingKeys.configHash)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
