/// Why `quorum.toml` was rejected, located as precisely as the problem allows:
/// `quorum.toml:31: members[2].decoding.temperature: expected a number, found a string`.
public struct QuorumConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as it was named to the loader.
    public var file: String
    /// 1-based, when the problem could be traced to a line.
    public var line: Int?
    /// 1-based; only TOML syntax errors have one.
    public var column: Int?
    /// The key the problem is about, such as `members[2].decoding.temperature`.
    public var keyPath: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, keyPath: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        if let keyPath { text += ": \(keyPath)" }
        return text + ": " + message
    }
}
