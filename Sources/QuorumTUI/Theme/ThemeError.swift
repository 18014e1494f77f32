/// Why a theme file was refused: `themes/dark.toml:12: styles.selection.fg: expected …`.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based, when the problem could be traced to a line.
    public var line: Int?
    /// The key at fault, such as `styles.selection.fg`.
    public var key: String?
    public var message: String

    public init(file: String, line: Int? = nil, key: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let key { text += ": \(key)" }
        return text + ": " + message
    }
}
