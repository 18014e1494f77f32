import AsyncHTTPClient
import Foundation

/// `scripts/fake-llm/server.py` running as a child process on a free loopback port.
/// It exits by itself when its stdin closes, so a crashed test run never leaks it.
public final class FakeServerProcess: @unchecked Sendable {
    public struct Statistics: Decodable, Equatable, Sendable {
        public var requests: Int
        public var completions: Int
        public var inFlight: Int
        public var maxInFlight: Int
        public var finished: Int
        public var aborted: Int

        enum CodingKeys: String, CodingKey {
            case requests, completions, finished, aborted
            case inFlight = "in_flight"
            case maxInFlight = "max_in_flight"
        }
    }

    public enum StartFailure: Error, CustomStringConvertible {
        case noPortAnnounced(String)

        public var description: String {
            switch self {
            case .noPortAnnounced(let line): return "the fake server announced no port: \(line)"
            }
        }
    }

    public let port: Int
    private let process: Process
    private let input: Pipe

    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let script = repositoryRoot.appendingPathComponent("scripts/fake-llm/server.py")

    public init(arguments: [String] = []) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, "--max-seconds", "300"] + arguments
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = Self.firstLine(of: output.fileHandleForReading, within: 30)
        let words = line.split(separator: " ")
        guard words.count == 2, words[0] == "LISTENING", let port = Int(words[1]) else {
            process.terminate()
            throw StartFailure.noPortAnnounced(line)
        }
        self.port = port
    }

    /// The base URL a member uses to reach behaviour `mode` (see scripts/fake-llm/README.md).
    public func baseURL(mode: String = "ok") -> String {
        "http://127.0.0.1:\(port)/\(mode)/v1"
    }

    public var isRunning: Bool { process.isRunning }

    /// Closes the server's stdin, which ends it; waits for it to exit.
    public func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
    }

    /// Closes stdin only, leaving the server to notice by itself.
    public func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    public func statistics() async throws -> Statistics {
        try JSONDecoder().decode(Statistics.self, from: Data(await fetch("/stats").body.utf8))
    }

    /// The JSON bodies of the completion requests the server received, oldest first.
    public func requestBodies() async throws -> [[String: Any]] {
        let data = Data(try await fetch("/requests").body.utf8)
        let entries = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return entries.compactMap { $0["body"] as? [String: Any] }
    }

    public func fetch(_ path: String) async throws -> (status: Int, body: String) {
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        var bytes: [UInt8] = []
        for try await buffer in response.body {
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return (Int(response.status.code), String(decoding: bytes, as: UTF8.self))
    }

    private static func firstLine(of handle: FileHandle, within seconds: Double) -> String {
        let line = LineBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var bytes: [UInt8] = []
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                bytes.append(contentsOf: chunk)
                if bytes.contains(UInt8(ascii: "\n")) { break }
            }
            line.set(String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self))
            done.signal()
        }
        _ = done.wait(timeout: .now() + seconds)
        return line.get()
    }
}

private final class LineBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = ""

    func set(_ text: String) { lock.withLock { value = text } }
    func get() -> String { lock.withLock { value } }
}
