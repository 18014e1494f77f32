import Foundation
import QuorumTestSupport
import XCTest
@testable import QuorumEngine

/// Process identities, leases, the state file, free ports and health polling.
final class LocalEngineProcessTests: LocalEngineTestCase {
    func testThisProcessIsAliveAndADeadOneIsNot() throws {
        let me = ProcessIdentity.current
        XCTAssertEqual(me.pid, getpid())
        XCTAssertGreaterThan(me.startTime, 0)
        XCTAssertTrue(me.isAlive)
        XCTAssertFalse(ProcessIdentity(pid: me.pid, startTime: me.startTime + 1).isAlive, "a reused pid is not the same process")
        XCTAssertNil(ProcessIdentity.of(999_999))
    }

    func testAZombieCountsAsGone() throws {
        let holder = try LeaseHolderProcess()
        let identity = try holder.identity
        XCTAssertTrue(identity.isAlive)
        holder.killNine()
        let deadline = Date().addingTimeInterval(5)
        while identity.isAlive && Date() < deadline { usleep(10_000) }
        XCTAssertFalse(identity.isAlive)
    }

    func testLeasesOfDeadProcessesDoNotCount() throws {
        try directory.create([directory.leases])
        let holder = try LeaseHolderProcess()
        try EngineLeases.add(.current, in: directory)
        try EngineLeases.add(try holder.identity, in: directory)
        try EngineLeases.add(ProcessIdentity(pid: 999_999, startTime: 5), in: directory)
        XCTAssertEqual(Set(EngineLeases.live(in: directory)), [.current, try holder.identity])
        holder.killNine()
        usleep(200_000)
        XCTAssertEqual(EngineLeases.live(in: directory), [.current])
        EngineLeases.remove(.current, in: directory)
        XCTAssertEqual(EngineLeases.live(in: directory), [])
    }

    func testTheStateFileRoundTrips() throws {
        try directory.create([directory.runFolder])
        let state = EngineServerState(
            supervisor: ProcessIdentity(pid: 10, startTime: 20), server: ProcessIdentity(pid: 11, startTime: 21),
            port: 43_210, pinned: true, startedAt: Date(timeIntervalSince1970: 1_800_000_000), model: "/m.gguf",
            log: "/l.log")
        try state.write(to: directory.state)
        XCTAssertEqual(EngineServerState.read(from: directory.state), state)
        XCTAssertEqual(state.baseURL, "http://127.0.0.1:43210/v1")
        let text = try String(contentsOfFile: directory.state, encoding: .utf8)
        XCTAssertTrue(text.contains("\"start_time\" : 21"), text)
        XCTAssertTrue(text.contains("\"started_at\" : \"2027-01-15T08:00:00Z\""), text)
    }

    func testAFreePortCanBeBoundAndATakenOneCannot() throws {
        let port = try LoopbackPort.free()
        XCTAssertTrue((1024...65535).contains(port))
        XCTAssertTrue(LoopbackPort.isFree(port))
        let fake = try FakeServerProcess()
        defer { fake.stop() }
        XCTAssertFalse(LoopbackPort.isFree(fake.port))
    }

    func testHealthPollingAgainstARealServer() async throws {
        let fake = try FakeServerProcess()
        defer { fake.stop() }
        let ready = await EngineHealthCheck.wait(port: fake.port, timeout: 10)
        XCTAssertEqual(ready, .ready)
        let health = await EngineHealthCheck.answers(port: fake.port, path: "/health")
        XCTAssertTrue(health)

        let closed = closedLoopbackPort()
        var started = Date()
        let gone = await EngineHealthCheck.wait(port: closed, timeout: 10) { false }
        XCTAssertEqual(gone, .processGone)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "a dead process is not waited for")
        started = Date()
        let late = await EngineHealthCheck.wait(port: closed, timeout: 0.5)
        XCTAssertEqual(late, .timedOut)
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
    }
}

/// Children are spawned with no signal blocked, even from a Dispatch worker thread.
final class LocalEngineSignalMaskTests: XCTestCase {
    func testAChildStartsWithNoSignalBlocked() async throws {
        let outcome = try await Task.detached {
            try ChildProcess.run("/bin/grep", ["-E", "^Sig(Blk|Ign)", "/proc/self/status"])
        }.value
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.tail.contains("SigBlk:\t0000000000000000"), outcome.output)
    }
}
