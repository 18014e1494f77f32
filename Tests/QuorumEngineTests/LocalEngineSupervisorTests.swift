import Foundation
import QuorumTestSupport
import XCTest
@testable import QuorumEngine

/// The no-orphan guarantee, with a real supervisor and a long-running child that never
/// watches its parent: whichever way the Quorum side ends, the server goes too.
final class LocalEngineSupervisorTests: LocalEngineTestCase {
    func testKillingTheOnlyHolderWithSignalNineStopsTheServer() async throws {
        let holder = try LeaseHolderProcess()
        let lease = try await engine().acquire(holder: try holder.identity)
        let server = try await serverIdentity()
        XCTAssertTrue(server.isAlive)
        XCTAssertTrue(lease.state.supervisor.isAlive)
        let answered = await EngineHealthCheck.answers(port: lease.state.port, path: "/")
        XCTAssertTrue(answered)

        holder.killNine()
        try await waitUntilGone([server, lease.state.supervisor], within: 5)
        XCTAssertNil(EngineServerState.read(from: directory.state))
        XCTAssertTrue(LocalEngine.leaseHolders(directory).isEmpty)
    }

    func testKillingTheSupervisorWithSignalNineTakesTheServerWithIt() async throws {
        let lease = try await engine().acquire()
        let server = try await serverIdentity()
        kill(lease.state.supervisor.pid, SIGKILL)
        try await waitUntilGone([server], within: 5)
        XCTAssertNil(LocalEngine.running(directory), "a state whose supervisor died is not a running server")
        lease.release()
    }

    func testTheServerStopsWithTheLastLeaseOnly() async throws {
        let holder = try LeaseHolderProcess()
        let first = try await engine().acquire(holder: try holder.identity)
        let server = try await serverIdentity()
        let second = try await engine().acquire()
        XCTAssertEqual(second.state.port, first.state.port, "the second process joins the running server")
        XCTAssertEqual(second.state.supervisor, first.state.supervisor)
        XCTAssertEqual(Set(LocalEngine.leaseHolders(directory)), [try holder.identity, ProcessIdentity.current])

        first.release()
        try await Task.sleep(for: .milliseconds(800))
        XCTAssertTrue(server.isAlive, "a holder is left")
        XCTAssertTrue(second.release(), "the last release waits until the server is gone")
        XCTAssertFalse(server.isAlive)
        XCTAssertFalse(first.state.supervisor.isAlive)
        XCTAssertNil(EngineServerState.read(from: directory.state))
    }

    func testAPinnedServerRunsWithoutHoldersUntilStopped() async throws {
        let lease = try await engine().acquire(pinned: true)
        let server = try await serverIdentity()
        lease.release()
        try await Task.sleep(for: .milliseconds(800))
        XCTAssertTrue(server.isAlive)
        XCTAssertEqual(LocalEngine.running(directory)?.port, lease.state.port)

        let stopped = try LocalEngine.stop(directory)
        XCTAssertEqual(stopped?.port, lease.state.port)
        XCTAssertFalse(server.isAlive)
        XCTAssertFalse(lease.state.supervisor.isAlive)
        XCTAssertNil(try LocalEngine.stop(directory), "nothing left to stop")
    }

    func testJoiningWithPinKeepsARunningServer() async throws {
        let lease = try await engine().acquire()
        let server = try await serverIdentity()
        let pinning = try await engine().acquire(pinned: true)
        pinning.release()
        lease.release()
        try await Task.sleep(for: .milliseconds(800))
        XCTAssertTrue(server.isAlive)
        try LocalEngine.stop(directory)
        XCTAssertFalse(server.isAlive)
    }

    func testAServerThatIgnoresSIGTERMIsKilled() async throws {
        let lease = try await engine(mode: "stubborn").acquire()
        let server = try await serverIdentity()
        let started = Date()
        XCTAssertTrue(lease.release(timeout: 15))
        XCTAssertFalse(server.isAlive)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 4, "SIGKILL comes after the grace period")
        XCTAssertTrue(try String(contentsOfFile: directory.serverLog, encoding: .utf8).contains("SIGKILL"))
    }

    func testAStaleStateIsReplaced() async throws {
        try directory.create([directory.runFolder, directory.leases])
        let dead = ProcessIdentity(pid: 999_999, startTime: 1)
        try EngineServerState(
            supervisor: dead, server: dead, port: 1, pinned: true, startedAt: Date(), model: "m", log: "l"
        ).write(to: directory.state)
        let lease = try await engine().acquire()
        XCTAssertNotEqual(lease.state.supervisor, dead)
        XCTAssertNotEqual(lease.state.port, 1)
        lease.release()
    }

    func testAServerThatExitsEarlyIsReportedWithItsLog() async throws {
        do {
            _ = try await engine(mode: "fail").acquire(timeout: 30)
            XCTFail("the engine started")
        } catch let LocalEngineError.serverExited(_, tail, log) {
            XCTAssertTrue(tail.contains("fatal: the model file is corrupt"), tail)
            XCTAssertEqual(log, directory.serverLog)
        }
        XCTAssertNil(LocalEngine.running(directory))
    }

    func testHealthPollingWaitsForALateServer() async throws {
        let started = Date()
        let lease = try await engine(mode: "late").acquire(timeout: 30)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 1.4)
        lease.release()
    }

    func testATakenFixedPortIsRefused() async throws {
        let fake = try FakeServerProcess()
        defer { fake.stop() }
        do {
            _ = try await engine(port: .fixed(fake.port)).acquire()
            XCTFail("the engine started on a taken port")
        } catch {
            XCTAssertEqual(error, .portInUse(fake.port))
        }
    }

    func testTheLogOfThePreviousRunIsKept() async throws {
        try await engine().acquire().release()
        try await engine().acquire().release()
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.serverLog + ".1"))
        XCTAssertTrue(try String(contentsOfFile: directory.serverLog, encoding: .utf8).contains("child starting"))
    }
}
