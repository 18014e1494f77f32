/// Why a filter did not parse, and where: `offset` counts characters from the filter's start.
public struct FilterSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var offset: Int
    public var message: String

    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "at character \(offset + 1): \(message)" }

    /// The filter with a caret under the offending character, for a terminal message.
    public func pointing(into filter: String) -> String {
        filter + "\n" + String(repeating: " ", count: offset) + "^ " + message
    }
}
