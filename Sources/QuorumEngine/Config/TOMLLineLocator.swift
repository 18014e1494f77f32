import Foundation

/// Finds the line on which a key or table of a TOML document is written, so that messages
/// about values can point at them (TOMLKit reports positions only for syntax errors).
///
/// It follows table headers, arrays of tables and `key = value` lines, and skips multi-line
/// strings. Keys it cannot see (inside inline tables, say) fall back to the nearest enclosing
/// key or table it did see.
struct TOMLLineLocator: Sendable {
    private var lineOfPath: [TOMLKeyPath: Int] = [:]

    init(source: String) {
        var scanner = Scanner()
        for (offset, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            scanner.scan(Substring(line), number: offset + 1, into: &lineOfPath)
        }
    }

    /// The line of `path`, or of its nearest ancestor the scan found.
    func line(of path: TOMLKeyPath) -> Int? {
        var current: TOMLKeyPath? = path
        while let candidate = current {
            if let line = lineOfPath[candidate] { return line }
            current = candidate.parent
        }
        return nil
    }

    private struct Scanner {
        var table = TOMLKeyPath.root
        var arrayLengths: [TOMLKeyPath: Int] = [:]
        var openMultilineDelimiter: String?

        mutating func scan(_ line: Substring, number: Int, into lines: inout [TOMLKeyPath: Int]) {
            if let delimiter = openMultilineDelimiter {
                if line.components(separatedBy: delimiter).count % 2 == 0 { openMultilineDelimiter = nil }
                return
            }
            var text = line.drop { $0 == " " || $0 == "\t" }
            if text.hasPrefix("[[") {
                text = text.dropFirst(2)
                guard let keys = Self.parseKeys(&text), text.hasPrefix("]]") else { return }
                table = resolve(keys, newArrayElement: true)
                lines[table] = lines[table] ?? number
            } else if text.hasPrefix("[") {
                text = text.dropFirst()
                guard let keys = Self.parseKeys(&text), text.hasPrefix("]") else { return }
                table = resolve(keys, newArrayElement: false)
                lines[table] = lines[table] ?? number
            } else if let keys = Self.parseKeys(&text), text.hasPrefix("=") {
                var path = table
                for key in keys { path = path.appending(key) }
                lines[path] = lines[path] ?? number
                noteMultilineString(in: text.dropFirst())
            }
        }

        /// The path a header names, with each array of tables on the way at its last element.
        private mutating func resolve(_ keys: [String], newArrayElement: Bool) -> TOMLKeyPath {
            var path = TOMLKeyPath.root
            for (position, key) in keys.enumerated() {
                path = path.appending(key)
                let length = arrayLengths[path]
                if newArrayElement && position == keys.count - 1 {
                    arrayLengths[path] = (length ?? 0) + 1
                    path = path.appending(index: length ?? 0)
                } else if let length {
                    path = path.appending(index: length - 1)
                }
            }
            return path
        }

        private mutating func noteMultilineString(in value: Substring) {
            for delimiter in ["\"\"\"", "'''"] where value.components(separatedBy: delimiter).count % 2 == 0 {
                openMultilineDelimiter = delimiter
                return
            }
        }

        /// Parses `key`, `"quoted key"` or `a.b.c` and the blanks after it, leaving `text` past them.
        static func parseKeys(_ text: inout Substring) -> [String]? {
            var keys: [String] = []
            while true {
                text = text.drop { $0 == " " || $0 == "\t" }
                guard let key = parseKey(&text) else { return nil }
                keys.append(key)
                text = text.drop { $0 == " " || $0 == "\t" }
                guard text.hasPrefix(".") else { return keys }
                text = text.dropFirst()
            }
        }

        private static func parseKey(_ text: inout Substring) -> String? {
            guard let first = text.first else { return nil }
            if first == "\"" || first == "'" {
                var key = ""
                var index = text.index(after: text.startIndex)
                while index < text.endIndex {
                    let character = text[index]
                    if character == first {
                        text = text[text.index(after: index)...]
                        return key
                    }
                    if character == "\\" && first == "\"" {
                        index = text.index(after: index)
                        guard index < text.endIndex else { return nil }
                    }
                    key.append(text[index])
                    index = text.index(after: index)
                }
                return nil
            }
            let bare = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            guard !bare.isEmpty else { return nil }
            text = text.dropFirst(bare.count)
            return String(bare)
        }
    }
}
