import QuorumJSON
import QuorumStore

/// A problem with one field of a seed line, before the file and line are attached.
struct SeedFieldProblem: Error {
    var field: String
    var problem: String
}

/// Reads typed fields of one JSON object, naming each field by its path in problems.
struct SeedFieldReader {
    let fields: [String: JSONValue]
    /// The path of this object in the line, with a trailing dot (empty at the top).
    let prefix: String

    init(_ value: JSONValue, at path: String) throws(SeedFieldProblem) {
        guard case .object(let fields) = value else {
            throw SeedFieldProblem(field: path, problem: "expected an object, found \(value.typeName)")
        }
        self.fields = fields
        self.prefix = path + "."
    }

    init(topLevel fields: [String: JSONValue]) {
        self.fields = fields
        self.prefix = ""
    }

    func path(_ key: String) -> String { prefix + key }

    func value(_ key: String) throws(SeedFieldProblem) -> JSONValue {
        guard let value = fields[key] else { throw SeedFieldProblem(field: path(key), problem: "missing") }
        return value
    }

    func string(_ key: String) throws(SeedFieldProblem) -> String {
        let value = try value(key)
        guard case .string(let text) = value else { throw mismatch(key, expected: "a string", found: value) }
        return text
    }

    func nonBlankString(_ key: String) throws(SeedFieldProblem) -> String {
        let text = try string(key)
        guard !text.allSatisfy(\.isWhitespace) else {
            throw SeedFieldProblem(field: path(key), problem: "must not be empty")
        }
        return text
    }

    func bool(_ key: String) throws(SeedFieldProblem) -> Bool {
        let value = try value(key)
        guard case .bool(let flag) = value else { throw mismatch(key, expected: "a boolean", found: value) }
        return flag
    }

    func array(_ key: String) throws(SeedFieldProblem) -> [JSONValue] {
        let value = try value(key)
        guard case .array(let elements) = value else { throw mismatch(key, expected: "an array", found: value) }
        return elements
    }

    private func mismatch(_ key: String, expected: String, found value: JSONValue) -> SeedFieldProblem {
        SeedFieldProblem(field: path(key), problem: "expected \(expected), found \(value.typeName)")
    }
}
