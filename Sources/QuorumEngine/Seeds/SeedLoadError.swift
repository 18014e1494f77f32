/// Why a seed pool could not be loaded, located as precisely as the problem allows:
/// `seed_tasks.jsonl:12: field "instances[0].output": expected a string, found a number`.
public struct SeedLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as it was named to the loader.
    public var file: String
    /// 1-based; nil for problems with the whole file.
    public var line: Int?
    /// The field's path in the line's object, such as `instances[0].output`.
    public var field: String?
    public var problem: String
    /// The file could not be read at all (missing, a folder, no permission): an unreadable
    /// input (exit 66), where every other problem is bad data (65).
    public var isUnreadable: Bool

    public init(file: String, line: Int? = nil, field: String? = nil, problem: String, isUnreadable: Bool = false) {
        self.file = file
        self.line = line
        self.field = field
        self.problem = problem
        self.isUnreadable = isUnreadable
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let field { text += ": field \"\(field)\"" }
        return text + ": " + problem
    }
}
