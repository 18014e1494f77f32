/// Any JSON value, parsed without losing which type each field had (see `JSONParser`).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The name a message uses for this value's type.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Compact JSON text with keys sorted, so equal values give equal text.
    public var canonicalText: String {
        var writer = JSONTextWriter()
        writer.value(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
