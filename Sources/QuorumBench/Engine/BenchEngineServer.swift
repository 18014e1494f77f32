import Foundation

/// `scripts/fake-llm/server.py` as a child process; it exits when our end of its stdin closes.
final class BenchEngineServer {
    let port: Int
    private let process: Process
    private let input: Pipe

    init(script: URL, latency: Double) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--latency", "\(latency)", "--max-seconds", "900"]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), let first = byte.first, first != 0x0A {
            line.append(first)
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.count == 2, words[0] == "LISTENING", let port = Int(words[1]) else {
            process.terminate()
            throw ReferenceFailure(command: "python3 \(script.path)", status: process.processIdentifier)
        }
        self.port = port
    }

    func baseURL(mode: String) -> String { "http://127.0.0.1:\(port)/\(mode)/v1" }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
