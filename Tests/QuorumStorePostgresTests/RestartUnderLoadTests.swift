import Foundation
import QuorumTestSupport
import XCTest
@testable import QuorumStorePostgres

/// The server restarts while a headless curator decides: the curator says so, reconnects and
/// goes on, and no decision is lost or stored twice. Every wait is bounded, so a query that
/// never comes back fails the test instead of hanging the suite.
final class RestartUnderLoadTests: PostgresTestCase {
    func testACuratorReconnectsAfterARestartWithoutDuplicatingADecision() async throws {
        let clusterFolder = environment["QUORUM_TEST_POSTGRES_DIR"] ?? ""
        try XCTSkipIf(clusterFolder.isEmpty, "the server is not a throwaway cluster this test may restart")
        let lines = (1...300).map { #"{"instruction": "Task \#($0).", "input": "", "output": "Answer \#($0)."}"# }
        let file = try write(lines.joined(separator: "\n"), to: "many.jsonl")
        _ = try await withStore { try await $0.importJSONL(from: .file(path: file)) }

        let curator = Process()
        curator.executableURL = try QuorumBinary.locate()
        curator.arguments = ["debug", "curate", "--store", url(location), "--curator", "ana", "--claim", "5"]
        curator.currentDirectoryURL = folder
        let output = CollectedOutput(), errors = CollectedOutput()
        curator.standardOutput = output.pipe
        curator.standardError = errors.pipe
        try curator.run()
        defer { if curator.isRunning { kill(curator.processIdentifier, SIGKILL) } }

        let started = try await poll(seconds: 120) { Self.acknowledged(output.text).count >= 30 }
        XCTAssertTrue(started, "the curator made fewer than 30 decisions in 2 minutes: \(errors.text)")
        let restart = Process()
        restart.executableURL = FakeServerProcess.repositoryRoot.appendingPathComponent("scripts/postgres-cluster.sh")
        restart.arguments = ["restart", clusterFolder]
        try restart.run()
        // Foundation does not see this child end (the server it starts keeps a descriptor
        // Foundation watches), so it is reaped here.
        var status: Int32 = 0
        let restarted = try await poll(seconds: 90) { waitpid(restart.processIdentifier, &status, WNOHANG) == restart.processIdentifier }
        XCTAssertTrue(restarted, "the cluster did not restart within 90 s")
        XCTAssertEqual((status >> 8) & 0xff, 0, "postgres-cluster.sh restart failed")
        let finished = try await poll(seconds: 240) { !curator.isRunning }
        XCTAssertTrue(finished, "the curator did not finish within 4 minutes after the restart: \(errors.text)")
        guard restarted, finished else { return }
        XCTAssertEqual(curator.terminationStatus, 0, errors.text)
        XCTAssertTrue(errors.text.contains("reconnecting"), "the curator did not say it lost the store: \(errors.text)")
        XCTAssertTrue(errors.text.contains("reconnected after"), "the curator did not say it reconnected: \(errors.text)")

        let acknowledged = Self.acknowledged(output.text)
        try await withStore { store in
            let decisions = try await store.query("SELECT id, item_id FROM decisions ORDER BY id").decode((Int64, Int64).self).collect()
            let stored = Set(decisions.map(\.0))
            for (item, decision) in acknowledged {
                XCTAssertTrue(stored.contains(decision), "acknowledged decision \(decision) on item \(item) is missing")
            }
            XCTAssertEqual(decisions.count, 300, "a decision was lost or stored twice")
            XCTAssertEqual(Set(decisions.map(\.1)).count, 300, "an item was decided twice")
            XCTAssertEqual(acknowledged.count, 300, "the curator did not acknowledge every decision once")
            let pending = try await store.query("SELECT COUNT(*) FROM items WHERE status = 'pending'").decode(Int.self).collect()
            XCTAssertEqual(pending, [0])
        }
    }

    private static func acknowledged(_ text: String) -> [(Int64, Int64)] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ").compactMap { Int64($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
    }

    /// Checks `condition` every 100 ms until it holds or `seconds` pass; returns whether it held.
    private func poll(seconds: Double, _ condition: () -> Bool) async throws -> Bool {
        // (`condition` may reap a child: it is called once per turn, never again after it held.)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }
}

/// What a child process writes to one pipe, gathered as it arrives (never a blocking read).
private final class CollectedOutput: @unchecked Sendable {
    let pipe = Pipe()
    private let lock = NSLock()
    private var data = Data()

    init() {
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self else { return }
            if chunk.isEmpty {
                handle.readabilityHandler = nil
                return
            }
            self.lock.lock()
            self.data.append(chunk)
            self.lock.unlock()
        }
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }
}
