/// Accessors that also check the value's range, so every rule is stated once, at the key.
extension TOMLTableReader {
    /// One of `Choice`'s raw values.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _: Choice.Type) throws(QuorumConfigError) -> Choice?
    where Choice.RawValue == String {
        guard let text = try string(key) else { return nil }
        if let choice = Choice(rawValue: text) { return choice }
        let names = Choice.allCases.map { "\"\($0.rawValue)\"" }
        let listed = names.count == 2 ? "\(names[0]) or \(names[1])" : "one of " + names.joined(separator: ", ")
        throw error(key, "expected \(listed), found \"\(text)\"")
    }

    func integer(_ key: String, atLeast minimum: Int) throws(QuorumConfigError) -> Int? {
        guard let value = try integer(key) else { return nil }
        guard value >= minimum else { throw error(key, "must be at least \(minimum), found \(value)") }
        return value
    }

    func number(_ key: String, _ requirement: String, _ isValid: (Double) -> Bool) throws(QuorumConfigError) -> Double? {
        guard let value = try number(key) else { return nil }
        guard isValid(value) else { throw error(key, "must be \(requirement), found \(Self.format(value))") }
        return value
    }

    func fraction(_ key: String) throws(QuorumConfigError) -> Double? {
        try number(key, "between 0 and 1") { (0...1).contains($0) }
    }

    /// A string with some non-blank text.
    func text(_ key: String) throws(QuorumConfigError) -> String? {
        guard let value = try string(key) else { return nil }
        guard !value.allSatisfy(\.isWhitespace) else { throw error(key, "must not be empty") }
        return value
    }

    /// An array of strings, none of them empty.
    func texts(_ key: String) throws(QuorumConfigError) -> [String]? {
        guard let values = try strings(key) else { return nil }
        if let empty = values.firstIndex(of: "") {
            throw source.error(at: path.appending(key).appending(index: empty), "must not be empty")
        }
        return values
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
