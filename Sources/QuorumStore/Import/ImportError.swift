/// Why an import stopped; nothing of it was stored.
public enum ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotRead(source: String, message: String)
    /// A bad line: `source:line: field "name": message`.
    case badRecord(source: String, line: Int, field: String?, message: String)

    public var description: String {
        switch self {
        case .cannotRead(let source, let message):
            return "cannot read \(source): \(message)"
        case .badRecord(let source, let line, let field?, let message):
            return "\(source):\(line): field \"\(field)\": \(message)"
        case .badRecord(let source, let line, nil, let message):
            return "\(source):\(line): \(message)"
        }
    }
}
