import QuorumTestSupport
import XCTest
@testable import QuorumEngine

/// The per-member concurrency limit, against the server and on the replica pool alone.
final class ClientConcurrencyTests: XCTestCase {
    func testServerNeverSeesMoreThanTheLimit() async throws {
        let server = try FakeServerProcess(arguments: ["--latency", "0.3"])
        defer { server.stop() }
        let model = server.model(maxConcurrency: 3)

        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<6 {
                group.addTask { try await model.complete(.prompt("Task number \(index)\n")) { _ in }.text }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        XCTAssertEqual(texts.count, 6)
        let statistics = try await server.statistics()
        XCTAssertEqual(statistics.maxInFlight, 3)
        XCTAssertEqual(statistics.completions, 6)
        XCTAssertEqual(model.statistics.completed, 6)
        XCTAssertEqual(model.statistics.inFlight, 0)
        XCTAssertEqual(model.statistics.queued, 0)
    }

    func testWaitersAreServedFirstComeFirstServed() async throws {
        let pool = ReplicaPool(urls: ["http://one/v1"], limit: 1)
        let first = try await pool.acquire()
        let order = OrderLog()
        var waiters: [Task<Void, any Error>] = []
        for index in 0..<4 {
            waiters.append(Task {
                let slot = try await pool.acquire()
                order.append(index)
                pool.release(slot, .succeeded)
            })
            try await eventually("waiter \(index) queues") { pool.waiting == index + 1 }
        }
        pool.release(first, .succeeded)
        for waiter in waiters { try await waiter.value }

        XCTAssertEqual(order.values, [0, 1, 2, 3])
        XCTAssertEqual(pool.statistics.map(\.inFlight), [0])
        XCTAssertEqual(pool.statistics.map(\.completed), [5])
    }

    func testCancelledWaiterLeavesTheQueue() async throws {
        let pool = ReplicaPool(urls: ["http://one/v1"], limit: 1)
        let first = try await pool.acquire()
        let waiter = Task { try await pool.acquire() }
        try await eventually("the waiter queues") { pool.waiting == 1 }

        waiter.cancel()
        do {
            _ = try await waiter.value
            XCTFail("a cancelled waiter got the slot")
        } catch {
            XCTAssertTrue(error is CancellationError)
        }
        XCTAssertEqual(pool.waiting, 0)
        pool.release(first, .succeeded)
        XCTAssertEqual(pool.statistics.map(\.inFlight), [0], "the slot went back to the pool, not to the cancelled waiter")
    }

    func testQueuedRequestCancelledBeforeItsTurnNeverReachesTheServer() async throws {
        let server = try FakeServerProcess()
        defer { server.stop() }
        let model = server.model(mode: "hang", timeoutSeconds: 60, maxConcurrency: 1)
        let first = Task { try await model.complete(.prompt("first")) { _ in } }
        try await eventually("the first request reaches the server") { try await server.statistics().inFlight == 1 }
        let second = Task { try await model.complete(.prompt("second")) { _ in } }
        try await eventually("the second request queues") { model.statistics.queued == 1 }

        second.cancel()
        await XCTAssertThrowsCancellation { try await second.value }
        XCTAssertEqual(model.statistics.queued, 0)
        first.cancel()
        await XCTAssertThrowsCancellation { try await first.value }
        let completions = try await server.statistics().completions
        XCTAssertEqual(completions, 1)
    }
}

private final class OrderLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Int] = []

    var values: [Int] { lock.withLock { recorded } }
    func append(_ value: Int) { lock.withLock { recorded.append(value) } }
}

func XCTAssertThrowsCancellation<T>(
    file: StaticString = #filePath, line: UInt = #line, _ operation: () async throws -> T
) async {
    do {
        _ = try await operation()
        XCTFail("expected CancellationError", file: file, line: line)
    } catch {
        XCTAssertTrue(error is CancellationError, "got \(error)", file: file, line: line)
    }
}
