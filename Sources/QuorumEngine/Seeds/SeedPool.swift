import QuorumJSON
import QuorumStore

/// Loads seed tasks from JSON Lines in Self-Instruct's format, one task a line (blank lines
/// are skipped). Any problem stops the load with a `SeedLoadError` naming the file, the line
/// and, when it is about a field, the field.
public enum SeedPool {
    public static func load(path: String) throws(SeedLoadError) -> [SeedTask] {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.contents(of: path)
        } catch {
            throw SeedLoadError(file: path, problem: error.message, isUnreadable: true)
        }
        return try parse(bytes, file: path)
    }

    /// Parses JSONL `bytes`; `file` names them in errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(SeedLoadError) -> [SeedTask] {
        var tasks: [SeedTask] = []
        var lineOfID: [String: Int] = [:]
        for (number, line) in lines(of: bytes) {
            let task = try decodeLine(line, file: file, number: number)
            if let first = lineOfID[task.id] {
                throw SeedLoadError(
                    file: file, line: number, field: "id", problem: "duplicate id \"\(task.id)\" (first on line \(first))")
            }
            lineOfID[task.id] = number
            tasks.append(task)
        }
        guard !tasks.isEmpty else { throw SeedLoadError(file: file, problem: "no seed tasks (the file is empty)") }
        return tasks
    }

    private static func decodeLine(_ line: ArraySlice<UInt8>, file: String, number: Int) throws(SeedLoadError) -> SeedTask {
        if let offset = FileBytes.firstInvalidUTF8Byte(in: line) {
            throw SeedLoadError(file: file, line: number, problem: "invalid UTF-8 at byte \(offset)")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            throw SeedLoadError(file: file, line: number, problem: "invalid JSON: \(error)")
        }
        guard case .object(let fields) = value else {
            throw SeedLoadError(file: file, line: number, problem: "expected a JSON object, found \(value.typeName)")
        }
        do {
            return try SeedTask(json: fields)
        } catch {
            throw SeedLoadError(file: file, line: number, field: error.field, problem: error.problem)
        }
    }

    /// Non-blank lines with their 1-based numbers; a final `\r` and a leading byte order mark are dropped.
    private static func lines(of bytes: [UInt8]) -> [(Int, ArraySlice<UInt8>)] {
        var result: [(Int, ArraySlice<UInt8>)] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var number = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            number += 1
            var line = bytes[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { result.append((number, line)) }
            start = end + 1
        }
        return result
    }
}
