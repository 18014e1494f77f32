import Foundation
import QuorumTestSupport
import XCTest
@testable import QuorumEngine

/// A member served by several replicas (`base_urls`): the least loaded takes each request,
/// each replica keeps its own limit, and a failing one is retried elsewhere and rested.
final class ClientReplicaTests: XCTestCase {
    private func fleet(
        _ urls: [String], maxConcurrency: Int, retries: Int, retryPolicy: RetryPolicy = quickRetries
    ) -> OpenAICompatibleModel {
        let member = MemberConfig(
            name: "fleet", baseURL: "", model: "fake-model", maxConcurrency: maxConcurrency, timeoutSeconds: 10,
            retries: retries, replicas: urls)
        return OpenAICompatibleModel(member: member, retryPolicy: retryPolicy)
    }

    private func modes(_ server: FakeServerProcess) async throws -> [String: Int] {
        let entries = try JSONSerialization.jsonObject(with: Data(try await server.fetch("/requests").body.utf8))
        return (entries as? [[String: Any]] ?? []).reduce(into: [:]) { counts, entry in
            counts[entry["mode"] as? String ?? "", default: 0] += 1
        }
    }

    func testRequestsSpreadOverTheReplicasEachWithItsOwnLimit() async throws {
        let first = try FakeServerProcess(arguments: ["--latency", "0.3"])
        let second = try FakeServerProcess(arguments: ["--latency", "0.3"])
        defer {
            first.stop()
            second.stop()
        }
        let model = fleet([first.baseURL(), second.baseURL()], maxConcurrency: 2, retries: 0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<8 {
                group.addTask { _ = try await model.complete(.prompt("Task number \(index)\n")) { _ in } }
            }
            try await group.waitForAll()
        }
        let statistics = [try await first.statistics(), try await second.statistics()]
        XCTAssertEqual(statistics.map(\.maxInFlight), [2, 2], "each replica had its own limit, and both were used to it")
        XCTAssertEqual(statistics.map(\.completions), [4, 4], "the least loaded replica took each request")
        XCTAssertEqual(model.statistics.replicas.map(\.completed), [4, 4])
        XCTAssertEqual(model.statistics.replicas.map(\.url), [first.baseURL(), second.baseURL()])
        XCTAssertEqual(model.statistics.completed, 8)
    }

    func testAFailingReplicaIsRetriedElsewhereAndRested() async throws {
        let server = try FakeServerProcess()
        defer { server.stop() }
        let resting = RetryPolicy(baseDelaySeconds: 30, maxDelaySeconds: 60, jitter: { $0 })
        let model = fleet([server.baseURL(mode: "error500"), server.baseURL(mode: "ok")], maxConcurrency: 1, retries: 2,
                          retryPolicy: resting)
        let started = ContinuousClock.now
        for index in 0..<5 {
            let completion = try await model.complete(.prompt("Task number \(index)\n")) { _ in }
            XCTAssertFalse(completion.text.isEmpty)
        }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(20), "no retry waited out a backoff")
        let counts = try await modes(server)
        XCTAssertEqual(counts["error500"], 1, "after its failure the replica rested: no request went to it again")
        XCTAssertEqual(counts["ok"], 5)
        let replicas = model.statistics.replicas
        XCTAssertEqual(replicas.map(\.failedAttempts), [1, 0])
        XCTAssertEqual(replicas.map(\.completed), [0, 5])
        XCTAssertTrue(replicas[0].isResting)
        XCTAssertGreaterThan(replicas[0].restingSeconds, 20)
        XCTAssertFalse(replicas[1].isResting)
        XCTAssertEqual(model.statistics.retries, 1)
    }

    func testWhenEveryReplicaFailsTheRequestFailsWithTheLastError() async throws {
        let server = try FakeServerProcess()
        defer { server.stop() }
        let model = fleet([server.baseURL(mode: "error500"), server.baseURL(mode: "unavailable503")], maxConcurrency: 1,
                          retries: 2)
        do {
            _ = try await model.complete(.prompt("Task\n")) { _ in }
            XCTFail("every replica fails")
        } catch let error as LMError {
            guard case .httpStatus = error else { return XCTFail("\(error)") }
        }
        let counts = try await modes(server)
        XCTAssertEqual(counts["error500", default: 0] + counts["unavailable503", default: 0], 3, "the first attempt and 2 retries")
        XCTAssertGreaterThan(counts["error500", default: 0], 0)
        XCTAssertGreaterThan(counts["unavailable503", default: 0], 0, "the retry went to the other replica")
        XCTAssertEqual(model.statistics.failed, 1)
        XCTAssertEqual(model.statistics.inFlight, 0)
        XCTAssertEqual(model.statistics.replicas.map(\.inFlight), [0, 0], "every slot was given back")
    }

    func testAMemberWithNoURLYetFailsInsteadOfWaitingForAReplica() async throws {
        let model = fleet([], maxConcurrency: 1, retries: 0)
        let attempt = Task { try await model.complete(.prompt("Task\n")) { _ in } }
        let watchdog = Task {
            try await Task.sleep(for: .seconds(20))
            attempt.cancel()
        }
        defer { watchdog.cancel() }
        do {
            _ = try await attempt.value
            XCTFail("a member with no URL answered")
        } catch {
            XCTAssertTrue(error is LMError, "it failed as a member error, not by the watchdog's cancellation: \(error)")
        }
        XCTAssertEqual(model.statistics.inFlight, 0)
    }
}
