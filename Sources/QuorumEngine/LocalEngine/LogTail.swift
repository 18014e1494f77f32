import Foundation

/// The server log: its last lines for error messages, and one previous log kept on restart.
enum LogTail {
    static func read(_ path: String, lines: Int = 20) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "(no log at \(path))" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > 16_384 ? size - 16_384 : 0
        try? handle.seek(toOffset: start)
        let data = (try? handle.readToEnd()) ?? Data()
        let text = String(decoding: data, as: UTF8.self)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines)
        return kept.map { "  " + $0 }.joined(separator: "\n")
    }

    static func saysAddressInUse(_ tail: String) -> Bool {
        tail.contains("address already in use") || tail.contains("Address already in use")
    }

    /// Moves `path` to `path.1`, replacing the older one.
    static func rotate(_ path: String) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let previous = path + ".1"
        try? FileManager.default.removeItem(atPath: previous)
        try? FileManager.default.moveItem(atPath: path, toPath: previous)
    }
}
