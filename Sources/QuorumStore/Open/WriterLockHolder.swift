/// Who holds a store's writer lock, as the holder wrote it into the lock file.
public struct WriterLockHolder: Sendable, Equatable, CustomStringConvertible {
    public var pid: Int32
    public var command: String
    public var since: String

    public init(pid: Int32, command: String, since: String) {
        self.pid = pid
        self.command = command
        self.since = since
    }

    public var description: String { "pid \(pid) (\(command)) since \(since)" }

    var fileContents: String { "pid=\(pid)\ncommand=\(command)\nsince=\(since)\n" }

    init?(fileContents: String) {
        var fields: [Substring: Substring] = [:]
        for line in fileContents.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[line[..<equals]] = line[line.index(after: equals)...]
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }) else { return nil }
        self.init(pid: pid, command: String(fields["command"] ?? "?"), since: String(fields["since"] ?? "?"))
    }
}
