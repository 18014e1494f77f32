import Foundation
import Synchronization
import XCTest
@testable import QuorumEngine

final class GenerationGateTests: XCTestCase {
    func testAnOpenGateLetsThrough() async throws {
        let gate = GenerationGate()
        try await gate.waitUntilOpen()
        let paused = await gate.isPaused
        XCTAssertFalse(paused)
    }

    func testAPausedGateHoldsUntilResumed() async throws {
        let gate = GenerationGate(paused: true)
        let passed = Mutex(false)
        let waiter = Task {
            try await gate.waitUntilOpen()
            passed.withLock { $0 = true }
        }
        await Task.yield()
        XCTAssertFalse(passed.withLock { $0 })
        await gate.setPaused(false)
        try await waiter.value
        XCTAssertTrue(passed.withLock { $0 })
    }

    func testCancellingAWaiterThrows() async {
        let gate = GenerationGate(paused: true)
        let waiter = Task { try await gate.waitUntilOpen() }
        waiter.cancel()
        do {
            try await waiter.value
            XCTFail("a cancelled waiter must not pass a closed gate")
        } catch {
            XCTAssertTrue(error is CancellationError, "\(error)")
        }
    }
}
