import Foundation

/// Runs a program to completion, its standard output and error merged and handed over line by
/// line as they come, so long builds can show progress. Blocks the calling thread.
enum ChildProcess {
    struct Outcome: Sendable {
        var status: Int32
        /// The last lines of output, for error messages.
        var tail: [String]
        var output: String { tail.joined(separator: "\n") }
    }

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        keepingLast limit: Int = 40, onLine: (String) -> Void = { _ in }
    ) throws(LocalEngineError) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try SignalMask.unblocked { try process.run() }
        } catch {
            throw .commandFailed(
                ([executable] + arguments).joined(separator: " "), status: 127, tail: error.localizedDescription,
                log: "its output")
        }
        // Close our copy of the write end, so the read sees end-of-file when the child exits.
        try? pipe.fileHandleForWriting.close()
        var tail: [String] = []
        var splitter = LineSplitter()
        let reader = pipe.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            for line in splitter.feed(chunk) {
                onLine(line)
                tail.append(line)
                if tail.count > limit { tail.removeFirst(tail.count - limit) }
            }
        }
        if let last = splitter.finish() {
            onLine(last)
            tail.append(last)
        }
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, tail: Array(tail.suffix(limit)))
    }
}

/// Splits a byte stream into lines on `\n` and `\r` (pip redraws progress bars with `\r`).
struct LineSplitter {
    private var pending: [UInt8] = []

    mutating func feed(_ data: Data) -> [String] {
        var lines: [String] = []
        for byte in data {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if !pending.isEmpty { lines.append(String(decoding: pending, as: UTF8.self)) }
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(byte)
            }
        }
        return lines
    }

    mutating func finish() -> String? {
        defer { pending.removeAll() }
        return pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self)
    }
}
