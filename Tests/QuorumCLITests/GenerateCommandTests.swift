import Foundation
import QuorumStore
import QuorumTestSupport
import XCTest

/// `quorum generate` as a user runs it: the real binary, a config from `quorum init`, the fake server.
final class GenerateCommandTests: XCTestCase {
    private var server: FakeServerProcess!
    private var folder: URL!

    override func setUpWithError() throws {
        server = try FakeServerProcess(arguments: ["--latency", "0.05"])
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertEqual(try run(["init", folder.path]).waitForExit(), 0)
        try InitFolderConfig.pointMembers(in: folder, at: server.baseURL())
    }

    override func tearDownWithError() throws {
        server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    private func run(_ arguments: [String]) throws -> RunningQuorum {
        try RunningQuorum(executable: QuorumBinary.locate(), arguments: arguments, folder: folder)
    }

    private func storedItems() async throws -> [ItemDetail] {
        let store = try Store.open(at: folder.appendingPathComponent("quorum.sqlite").path, access: .read)
        defer { try? store.close() }
        return try await store.items(withStatus: ItemStatus.allCases, limit: 1_000)
    }

    func testCtrlCKeepsFinishedItemsAndTheSameCommandResumes() async throws {
        let first = try run(["generate", "--count", "40"])
        try first.waitForOutput(containing: "generate: 3/40", within: 60)
        first.interrupt()
        XCTAssertEqual(first.waitForExit(), 130)
        XCTAssertTrue(first.errors.contains("stopped:"), first.errors)
        let partial = try await storedItems()
        XCTAssertGreaterThanOrEqual(partial.count, 3)
        XCTAssertLessThan(partial.count, 40)
        for item in partial { XCTAssertNotNil(item.candidateSet.consensus, "only finished items are stored") }

        let second = try run(["generate", "--count", "40"])
        XCTAssertEqual(second.waitForExit(), 0, second.errors)
        XCTAssertTrue(second.errors.contains("resuming run 1: \(40 - partial.count) of 40"), second.errors)
        let all = try await storedItems()
        XCTAssertEqual(all.count, 40)
        XCTAssertEqual(Set(all.map(\.item.runID)).count, 1)
        XCTAssertEqual(Set(all.map(\.item.instruction)).count, 40)
    }

    func testAMemberServedByTwoReplicasUsesBothAndSaysSo() throws {
        let configURL = folder.appendingPathComponent("quorum.toml")
        var config = try String(contentsOf: configURL, encoding: .utf8)
        let single = "base_url = \"\(server.baseURL())\"\nname = \"few-shot-greedy\""
        let failing = server.baseURL(mode: "error500"), healthy = server.baseURL()
        XCTAssertTrue(config.contains(single))
        config = config.replacingOccurrences(
            of: single, with: "base_urls = [\"\(failing)\", \"\(healthy)\"]\nname = \"few-shot-greedy\"")
        try config.write(to: configURL, atomically: true, encoding: .utf8)
        let generate = try run(["generate", "--count", "6"])
        XCTAssertEqual(generate.waitForExit(), 0, generate.errors)
        XCTAssertTrue(generate.errors.contains("few-shot-greedy at \(healthy): 6 answered, 0 failed attempts"), generate.errors)
        let failingLine = generate.errors.split(separator: "\n").first { $0.contains("few-shot-greedy at \(failing): ") } ?? ""
        XCTAssertTrue(failingLine.contains(": 0 answered, "), "every answer came from the healthy replica: \(generate.errors)")
        let failures = failingLine.split(separator: " ").compactMap { Int($0) }
        XCTAssertEqual(failures.count, 3, String(failingLine))
        XCTAssertGreaterThan(failures.dropFirst().first ?? 0, 0, "the failing replica was tried")
        XCTAssertEqual(failures.dropFirst().first, failures.last, "and rested after each failure")
    }

    func testABadConfigExits78NamingTheKey() throws {
        let configURL = folder.appendingPathComponent("quorum.toml")
        let config = try String(contentsOf: configURL, encoding: .utf8)
        try config.replacingOccurrences(of: "temperature = 0.7", with: "temperature = \"hot\"")
            .write(to: configURL, atomically: true, encoding: .utf8)
        let result = try run(["generate", "--count", "1"])
        XCTAssertEqual(result.waitForExit(), 78)
        XCTAssertTrue(result.errors.contains("temperature"), result.errors)
    }
}

/// A `quorum` child process whose standard error is collected as it arrives.
final class RunningQuorum: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var collected = Data()

    init(executable: URL, arguments: [String], folder: URL) throws {
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        errorPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            lock.withLock { collected.append(data) }
        }
        try process.run()
    }

    var errors: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    func waitForOutput(containing text: String, within seconds: Double) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !errors.contains(text) {
            guard Date() < deadline, process.isRunning else {
                throw TimedOut(description: "did not see \"\(text)\" in time: \(errors)")
            }
            RunLoop.current.run(until: Date().addingTimeInterval(0.01))
        }
    }

    struct TimedOut: Error, CustomStringConvertible { let description: String }

    func interrupt() { process.interrupt() }

    func waitForExit() -> Int32 {
        process.waitUntilExit()
        RunLoop.current.run(until: Date().addingTimeInterval(0.05))
        return process.terminationStatus
    }
}
