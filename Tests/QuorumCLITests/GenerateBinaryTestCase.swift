import Foundation
import QuorumStore
import XCTest
import QuorumTestSupport

/// `quorum generate` through the real binary against the fake server, in a folder made by
/// `quorum init` (issue 12: nothing lost, nothing leaked). Subclasses hold the tests.
class GenerateBinaryTestCase: XCTestCase {
    var server: FakeServerProcess!
    var folder: URL!
    /// A key long enough that a cut through it leaves a telling prefix.
    let key = "sk-SECRET-7f3a9c2e1b4d"

    override func setUpWithError() throws {
        server = try FakeServerProcess()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertEqual(try run(["init", folder.path]).status, 0)
    }

    override func tearDownWithError() throws {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    func assertNoKeyPrefix(in text: String, _ place: String, file: StaticString = #filePath, line: UInt = #line) {
        for length in stride(from: key.count, through: 4, by: -1) {
            let prefix = String(key.prefix(length))
            if text.contains(prefix) {
                return XCTFail("\(place) holds \"\(prefix)\": \(text)", file: file, line: line)
            }
        }
    }

    /// Points every member at the fake server in `outputs` mode, the generator in `generator`
    /// mode (overridden per member by `modes`), with no retries; `keyed` members send the key.
    func configure(
        generator: String, outputs: String, modes: [String: String] = [:], keyed: Set<String> = [], generation: String? = nil
    ) throws {
        let url = folder.appendingPathComponent("quorum.toml")
        var config = QuorumConfigTemplateText.original(in: folder)
        config = config.replacingOccurrences(of: "kind = \"local\"", with: "kind = \"none\"")
        config = config.replacingOccurrences(of: "retries = 3", with: "retries = 0")
        for name in ["generator", "zero-shot-greedy", "few-shot-greedy"] {
            let mode = modes[name] ?? (name == "generator" ? generator : outputs)
            var lines = "name = \"\(name)\"\nbase_url = \"\(server.baseURL(mode: mode))\"\n"
            if keyed.contains(name) { lines += "api_key_env = \"QUORUM_TEST_KEY\"\n" }
            config = config.replacingOccurrences(of: "name = \"\(name)\"\n", with: lines)
        }
        // The template's own line goes, so the default applies unless a test sets it.
        config = config.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("max_fruitless_rounds =") }.joined(separator: "\n")
        if let generation {
            config = config.replacingOccurrences(of: "[generation]\n", with: "[generation]\n\(generation)\n")
        }
        try config.write(to: url, atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> BoundedRun {
        try BoundedRun(arguments: arguments, folder: folder, environment: environment, within: 90)
    }
}

/// The `quorum.toml` that `quorum init` wrote, kept the first time it is read so that each
/// `configure` starts from it.
private enum QuorumConfigTemplateText {
    static func original(in folder: URL) -> String {
        let saved = folder.appendingPathComponent("quorum.toml.original")
        if let text = try? String(contentsOf: saved, encoding: .utf8) { return text }
        let text = (try? String(contentsOf: folder.appendingPathComponent("quorum.toml"), encoding: .utf8)) ?? ""
        try? text.write(to: saved, atomically: true, encoding: .utf8)
        return text
    }
}

/// `quorum ARGS` run to its end, or killed (and the test failed) after `within` seconds: a run
/// that never ends is the failure these tests look for, so none may wait forever.
struct BoundedRun {
    var status: Int32
    var errorBytes: [UInt8]
    var output: String
    var errors: String { String(decoding: errorBytes, as: UTF8.self) }

    init(
        arguments: [String], folder: URL, environment extra: [String: String], within seconds: Double,
        file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let result = try QuorumBinary.run(
            arguments, in: folder, input: "", environment: extra, timeout: seconds)
        status = result.status
        errorBytes = result.standardErrorBytes
        output = result.standardOutput
        if result.timedOut {
            XCTFail("quorum \(arguments.joined(separator: " ")) was still running after \(seconds) s: \(errors.suffix(2_000))", file: file, line: line)
        }
    }
}
