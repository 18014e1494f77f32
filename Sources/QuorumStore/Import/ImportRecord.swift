import QuorumJSON

/// One valid line of an import file.
///
/// Accepted shapes: `{"instruction", "input", "candidates": [string, ...], "members"?: [string, ...]}`
/// or Alpaca `{"instruction", "input", "output"}`. A missing "input" means "" (type B).
public struct ImportRecord: Sendable, Equatable {
    public var instruction: String
    public var input: String
    public var candidates: [String]
    /// Who wrote each candidate, when the file says.
    public var members: [String]?
    public var isAlpaca: Bool

    /// Parses one line, or throws a message naming `source`, `line` and the field at fault.
    static func parse(_ bytes: ArraySlice<UInt8>, source: String, line: Int) throws -> ImportRecord {
        func fail(_ field: String?, _ message: String) -> ImportError {
            .badRecord(source: source, line: line, field: field, message: message)
        }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw fail(nil, "invalid UTF-8 at byte \(offset + 1) of the line")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw fail((error as? JSONParser.SyntaxError)?.field, "invalid JSON: \(error)")
        }
        guard case .object(let fields) = value else {
            throw fail(nil, "expected a JSON object, found \(value.typeName)")
        }
        let instruction = try requiredString("instruction", in: fields, fail)
        guard !instruction.allSatisfy(\.isWhitespace) else { throw fail("instruction", "empty") }
        let input = try optionalString("input", in: fields, fail) ?? ""

        switch (fields["candidates"], fields["output"]) {
        case (nil, nil):
            throw fail("candidates", "missing (a record needs \"candidates\" or \"output\")")
        case (.some, .some):
            throw fail("candidates", "give \"candidates\" or \"output\", not both")
        case (nil, .some):
            let output = try requiredString("output", in: fields, fail)
            return ImportRecord(instruction: instruction, input: input, candidates: [output], members: nil, isAlpaca: true)
        case (.some(let candidates), nil):
            let texts = try stringArray("candidates", candidates, fail)
            guard !texts.isEmpty else { throw fail("candidates", "expected at least one candidate") }
            var members: [String]?
            if let names = fields["members"], names != .null {
                let list = try stringArray("members", names, fail)
                guard list.count == texts.count else {
                    throw fail("members", "expected \(texts.count) names, one per candidate, found \(list.count)")
                }
                members = list
            }
            return ImportRecord(instruction: instruction, input: input, candidates: texts, members: members, isAlpaca: false)
        }
    }

    private static func requiredString(
        _ name: String, in fields: [String: JSONValue], _ fail: (String?, String) -> ImportError
    ) throws -> String {
        guard let value = fields[name] else { throw fail(name, "missing") }
        guard case .string(let text) = value else { throw fail(name, "expected a string, found \(value.typeName)") }
        return text
    }

    private static func optionalString(
        _ name: String, in fields: [String: JSONValue], _ fail: (String?, String) -> ImportError
    ) throws -> String? {
        guard fields[name] != nil else { return nil }
        return try requiredString(name, in: fields, fail)
    }

    private static func stringArray(
        _ name: String, _ value: JSONValue, _ fail: (String?, String) -> ImportError
    ) throws -> [String] {
        guard case .array(let elements) = value else {
            throw fail(name, "expected an array of strings, found \(value.typeName)")
        }
        return try elements.enumerated().map { index, element in
            guard case .string(let text) = element else {
                throw fail(name, "expected an array of strings (element \(index) is \(element.typeName))")
            }
            return text
        }
    }
}
