// QuorumTUI/Theme: Themes: themes/*.toml loaded and checked, colours resolved per terminal colour mode.

/// The line each key of a small TOML file is written on (TOMLKit locates only syntax
/// errors), so a theme error can point at it. Follows `[table]` headers and `key = value`
/// lines; keys inside inline tables resolve to the line of the key holding the table.
struct TOMLKeyLines {
    private var lines: [String: Int] = [:]

    init(source: String) {
        var table: [String] = []
        for (offset, raw) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") && !line.hasPrefix("[[") {
                let name = line.dropFirst().prefix { $0 != "]" }
                table = Self.keyPath(name)
                lines[table.joined(separator: "."), default: offset + 1] = offset + 1
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let path = table + Self.keyPath(line[..<equals])
                lines[path.joined(separator: "."), default: offset + 1] = offset + 1
            }
        }
    }

    /// The line of `path`, or of its nearest ancestor written on a line of its own.
    func line(of path: [String]) -> Int? {
        var current = path
        while !current.isEmpty {
            if let line = lines[current.joined(separator: ".")] { return line }
            current.removeLast()
        }
        return nil
    }

    private static func keyPath(_ text: Substring) -> [String] {
        text.split(separator: ".").map { part in
            var key = part.trimmingCharacters(in: " \t")
            if key.count >= 2, let first = key.first, (first == "\"" || first == "'"), key.last == first {
                key = String(key.dropFirst().dropLast())
            }
            return key
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let start = firstIndex { !set.contains($0) } ?? endIndex
        let end = lastIndex { !set.contains($0) }.map(index(after:)) ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
