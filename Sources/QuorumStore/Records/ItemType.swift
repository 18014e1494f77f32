/// Self-Instruct's task types: A needs an input, B does not.
public enum ItemType: String, Sendable, Codable, CaseIterable {
    case a = "A"
    case b = "B"

    /// The type of an item with this input: A when the input has any non-whitespace text.
    public init(input: String) {
        self = input.allSatisfy(\.isWhitespace) ? .b : .a
    }
}
