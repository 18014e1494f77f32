import TOMLKit

/// Typed, located access to one TOML table. Creating a reader rejects every key the table
/// does not know (with a suggestion) and every key that looks like a secret; the accessors
/// return nil for an absent key and throw when a present one has the wrong type.
struct TOMLTableReader {
    let path: TOMLKeyPath
    let source: ConfigSource
    private let table: TOMLTable

    init(_ table: TOMLTable, at path: TOMLKeyPath, allowedKeys: [String], source: ConfigSource) throws(QuorumConfigError) {
        self.table = table
        self.path = path
        self.source = source
        let unknown = table.keys.filter { !allowedKeys.contains($0) }.sorted { a, b in
            let lineA = source.locator.line(of: path.appending(a)) ?? .max
            let lineB = source.locator.line(of: path.appending(b)) ?? .max
            return (lineA, a) < (lineB, b)
        }
        guard let key = unknown.first else { return }
        if SecretKeyName.looksSecret(key) {
            throw source.error(
                at: path.appending(key),
                "secrets are not read from quorum.toml; put the key in an environment variable and name "
                    + "that variable with api_key_env = \"VARIABLE_NAME\" in the member's table")
        }
        var message = "unknown key \"\(key)\" \(path.tableName)"
        if let suggestion = KeySuggestion.closest(to: key, among: allowedKeys) {
            message += " (did you mean \"\(suggestion)\"?)"
        }
        var error = source.error(at: path.appending(key), message)
        error.keyPath = nil
        throw error
    }

    func contains(_ key: String) -> Bool {
        table[key] != nil
    }

    func error(_ key: String?, _ message: String) -> QuorumConfigError {
        source.error(at: key.map(path.appending) ?? path, message)
    }

    /// The value of `key`, or a "missing" error that says what the key is for.
    func required<Value>(_ value: Value?, _ key: String, _ purpose: String) throws(QuorumConfigError) -> Value {
        guard let value else { throw error(key, "is missing (\(purpose))") }
        return value
    }

    func string(_ key: String) throws(QuorumConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw mismatch(key, expected: "a string", found: value) }
        return text
    }

    func integer(_ key: String) throws(QuorumConfigError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let number = value.int else { throw mismatch(key, expected: "an integer", found: value) }
        return number
    }

    /// A float or an integer, as a Double; infinities and NaN are refused.
    func number(_ key: String) throws(QuorumConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        let number: Double
        if let integer = value.int {
            number = Double(integer)
        } else if let float = value.double {
            number = float
        } else {
            throw mismatch(key, expected: "a number", found: value)
        }
        guard number.isFinite else { throw error(key, "must be a finite number") }
        return number
    }

    func bool(_ key: String) throws(QuorumConfigError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw mismatch(key, expected: "true or false", found: value) }
        return flag
    }

    func strings(_ key: String) throws(QuorumConfigError) -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw mismatch(key, expected: "an array of strings", found: value) }
        var strings: [String] = []
        for (index, element) in array.enumerated() {
            guard let text = element.string else {
                throw source.error(
                    at: path.appending(key).appending(index: index),
                    "expected a string, found \(Self.phrase(for: element.type))")
            }
            strings.append(text)
        }
        return strings
    }

    func table(_ key: String, allowedKeys: [String]) throws(QuorumConfigError) -> TOMLTableReader? {
        guard let value = table[key] else { return nil }
        guard let nested = value.table else { throw mismatch(key, expected: "a table", found: value) }
        return try TOMLTableReader(nested, at: path.appending(key), allowedKeys: allowedKeys, source: source)
    }

    /// The tables of an array of tables (`[[key]]`), each with its index in the path.
    func arrayOfTables(_ key: String, allowedKeys: [String]) throws(QuorumConfigError) -> [TOMLTableReader]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            throw mismatch(key, expected: "an array of tables ([[\(key)]])", found: value)
        }
        var readers: [TOMLTableReader] = []
        for (index, element) in array.enumerated() {
            let elementPath = path.appending(key).appending(index: index)
            guard let nested = element.table else {
                throw source.error(at: elementPath, "expected a table, found \(Self.phrase(for: element.type))")
            }
            readers.append(try TOMLTableReader(nested, at: elementPath, allowedKeys: allowedKeys, source: source))
        }
        return readers
    }

    private func mismatch(_ key: String, expected: String, found value: any TOMLValueConvertible) -> QuorumConfigError {
        error(key, "expected \(expected), found \(Self.phrase(for: value.type))")
    }

    static func phrase(for type: TOMLType) -> String {
        switch type {
        case .table: return "a table"
        case .array: return "an array"
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a float"
        case .bool: return "a boolean"
        case .date: return "a date"
        case .time: return "a time"
        case .dateTime: return "a date-time"
        }
    }
}
