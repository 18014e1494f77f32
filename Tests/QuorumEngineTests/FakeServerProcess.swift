import AsyncHTTPClient
import Foundation
import XCTest

/// `scripts/fake-llm/server.py` running as a child process on a free loopback port.
/// It exits by itself when its stdin closes, so a crashed test run never leaks it.
final class FakeServerProcess: @unchecked Sendable {
    struct Statistics: Decodable, Equatable {
        var requests: Int
        var completions: Int
        var inFlight: Int
        var maxInFlight: Int
        var finished: Int
        var aborted: Int

        enum CodingKeys: String, CodingKey {
            case requests, completions, finished, aborted
            case inFlight = "in_flight"
            case maxInFlight = "max_in_flight"
        }
    }

    enum StartFailure: Error, CustomStringConvertible {
        case noPortAnnounced(String)

        var description: String {
            switch self {
            case .noPortAnnounced(let line): return "the fake server announced no port: \(line)"
            }
        }
    }

    let port: Int
    private let process: Process
    private let input: Pipe

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repositoryRoot.appendingPathComponent("scripts/fake-llm/server.py")

    init(arguments: [String] = []) throws {
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
    func baseURL(mode: String = "ok") -> String {
        "http://127.0.0.1:\(port)/\(mode)/v1"
    }

    var isRunning: Bool { process.isRunning }

    /// Closes the server's stdin, which ends it; waits for it to exit.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
    }

    /// Closes stdin only, leaving the server to notice by itself.
    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    func statistics() async throws -> Statistics {
        try JSONDecoder().decode(Statistics.self, from: Data(await fetch("/stats").body.utf8))
    }

    /// The JSON bodies of the completion requests the server received, oldest first.
    func requestBodies() async throws -> [[String: Any]] {
        let data = Data(try await fetch("/requests").body.utf8)
        let entries = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return entries.compactMap { $0["body"] as? [String: Any] }
    }

    func fetch(_ path: String) async throws -> (status: Int, body: String) {
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

/// Polls `condition` until it holds, failing the test after `seconds`.
func eventually(
    within seconds: Double = 5, _ message: String = "condition", file: StaticString = #filePath, line: UInt = #line,
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try? await Task.sleep(for: .milliseconds(20))
    }
    XCTFail("\(message) did not hold within \(seconds) s", file: file, line: line)
}

/// A loopback port nothing listens on: bound, then closed.
func closedLoopbackPort() -> Int {
    #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
            bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
        }
    }
    precondition(bound, "cannot bind a loopback socket")
    return Int(UInt16(bigEndian: address.sin_port))
}
