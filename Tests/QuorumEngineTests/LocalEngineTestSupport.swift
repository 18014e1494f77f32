import Foundation
import XCTest
@testable import QuorumEngine

/// A stand-in for the llama.cpp server: a small Python HTTP server that answers every GET with
/// 200 and, unlike the fake LLM server, never watches its parent, so only the supervisor's
/// mechanisms can end it.
enum LongRunningChild {
    static let script = #"""
        import http.server, signal, sys, time
        port, mode = int(sys.argv[1]), sys.argv[2]
        print("child starting on port %d in mode %s" % (port, mode), flush=True)
        if mode == "stubborn":
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if mode == "late":
            time.sleep(1.5)
        if mode == "fail":
            print("fatal: the model file is corrupt", flush=True)
            sys.exit(3)
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")
            def log_message(self, *args):
                pass
        http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
        """#

    static var python: String {
        ExecutableSearch.find("python3", environment: ProcessInfo.processInfo.environment) ?? "/usr/bin/python3"
    }

    static func launch(mode: String = "normal") -> EngineServerLaunch {
        let python = python
        return EngineServerLaunch(python: python, model: "/nonexistent/fake.gguf", healthPath: "/") { port in
            [python, "-c", script, String(port), mode]
        }
    }
}

/// A process that only holds a lease: `sleep`, killed by the tests to play a crashed Quorum.
final class LeaseHolderProcess {
    let process = Process()

    init() throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["600"]
        try process.run()
    }

    var identity: ProcessIdentity {
        get throws { try XCTUnwrap(ProcessIdentity.of(process.processIdentifier)) }
    }

    func killNine() {
        kill(process.processIdentifier, SIGKILL)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

class LocalEngineTestCase: XCTestCase {
    var directory: EngineDataDirectory!
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        directory = EngineDataDirectory(root: folder.path)
    }

    override func tearDownWithError() throws {
        _ = try? LocalEngine.stop(directory, timeout: 5)
        try? FileManager.default.removeItem(at: folder)
    }

    func engine(mode: String = "normal", port: EngineSettings.Port = .auto) -> LocalEngine {
        LocalEngine(
            directory: directory, settings: EngineSettings(kind: .local, port: port),
            launch: LongRunningChild.launch(mode: mode))
    }

    /// The server's identity as the supervisor recorded it.
    func serverIdentity(file: StaticString = #filePath, line: UInt = #line) async throws -> ProcessIdentity {
        var server: ProcessIdentity?
        try await eventually(within: 10, "the supervisor records the server") {
            server = EngineServerState.read(from: directory.state)?.server
            return server != nil
        }
        return try XCTUnwrap(server, file: file, line: line)
    }

    func waitUntilGone(_ processes: [ProcessIdentity], within seconds: Double = 10) async throws {
        try await eventually(within: seconds, "processes \(processes) are gone") {
            !processes.contains(where: \.isAlive)
        }
    }
}
