import QuorumTestSupport
import XCTest
@testable import QuorumEngine

/// Each fault an inference server can show, against the real fake server.
final class ClientFaultTests: XCTestCase {
    static let text = "A steady answer from a server that has recovered from its trouble."
    private var server: FakeServerProcess!

    override func setUpWithError() throws {
        let script = try writeServerScript([(match: "^Answer", text: Self.text)])
        server = try FakeServerProcess(arguments: ["--script", script, "--retry-after", "1"])
    }

    override func tearDown() {
        server?.stop()
    }

    func testConnectionRefusedIsUnreachableAfterRetries() async throws {
        let member = MemberConfig(
            name: "nobody", baseURL: "http://127.0.0.1:\(closedLoopbackPort())/v1", model: "m", retries: 2)
        let model = OpenAICompatibleModel(member: member, retryPolicy: quickRetries)
        let recorder = StreamRecorder()

        let error = await lmError { try await model.streamCompletion(.prompt("Answer"), onEvent: recorder.record) }
        guard case .unreachable(let endpoint, _) = error else { return XCTFail("expected unreachable, got \(error)") }
        XCTAssertEqual(endpoint, model.endpoint)
        XCTAssertEqual(recorder.restarts.count, 2)
        XCTAssertEqual(model.statistics.errorsByKind[.unreachable], 3)
        XCTAssertEqual(model.statistics.failed, 1)
    }

    func testServerErrorThenSuccessIsRetried() async throws {
        let recorder = StreamRecorder()
        let completion = try await server.model(mode: "error500-1", retries: 2).streamCompletion(
            .prompt("Answer"), onEvent: recorder.record)

        XCTAssertEqual(completion.text, Self.text)
        XCTAssertEqual(completion.attempts, 2)
        guard case .restart(2, .httpStatus(500, let body), _) = recorder.restarts.first else {
            return XCTFail("expected a restart after HTTP 500, got \(recorder.events)")
        }
        XCTAssertTrue(body.contains("the model crashed"))
    }

    func testPersistentServerErrorEndsWithStatusAndExcerpt() async throws {
        let error = await lmError { try await server.model(mode: "error500", retries: 1).complete(.prompt("Answer")) { _ in } }
        guard case .httpStatus(500, let excerpt) = error else { return XCTFail("expected HTTP 500, got \(error)") }
        XCTAssertTrue(excerpt.contains("the model crashed"))
        XCTAssertLessThanOrEqual(excerpt.count, 300)
        let completions = try await server.statistics().completions
        XCTAssertEqual(completions, 2)
    }

    func testClientErrorIsNotRetried() async throws {
        let guarded = try FakeServerProcess(arguments: ["--api-key", "right-key"])
        defer { guarded.stop() }
        let model = guarded.model(retries: 3, apiKeyEnv: "FAKE_KEY", environment: ["FAKE_KEY": "wrong-key"])

        let error = await lmError { try await model.complete(.prompt("Answer")) { _ in } }
        guard case .httpStatus(401, _) = error else { return XCTFail("expected HTTP 401, got \(error)") }
        let completions = try await guarded.statistics().completions
        XCTAssertEqual(completions, 1)
    }

    func testTooManyRequestsWaitsForRetryAfter() async throws {
        let recorder = StreamRecorder()
        let started = ContinuousClock.now
        let completion = try await server.model(mode: "busy429", retries: 1).streamCompletion(
            .prompt("Answer"), onEvent: recorder.record)
        let elapsed = ContinuousClock.now - started

        XCTAssertEqual(completion.text, Self.text)
        XCTAssertEqual(completion.attempts, 2)
        XCTAssertGreaterThanOrEqual(elapsed, .seconds(1), "Retry-After: 1 was honoured")
        XCTAssertEqual(recorder.restarts, [.restart(attempt: 2, reason: .httpStatus(429, bodyExcerpt: Self.busyBody), delaySeconds: 1)])
    }

    static let busyBody = #"{"error": {"message": "the server is busy", "type": "fake_llm_error", "code": 429}}"#

    func testUnavailableHonoursRetryAfter() async throws {
        let completion = try await server.model(mode: "unavailable503-1", retries: 1).complete(.prompt("Answer")) { _ in }
        XCTAssertEqual(completion.attempts, 2)
        XCTAssertGreaterThanOrEqual(completion.latencySeconds, 1)
    }

    func testHangingServerTimesOut() async throws {
        let started = ContinuousClock.now
        let error = await lmError { try await server.model(mode: "hang", timeoutSeconds: 0.3).complete(.prompt("Answer")) { _ in } }
        XCTAssertEqual(error, .timedOut(seconds: 0.3))
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2))
    }

    func testTimeoutCoversTheStream() async throws {
        let recorder = StreamRecorder()
        let model = server.model(mode: "stall", retries: 1, timeoutSeconds: 0.5)
        let error = await lmError { try await model.streamCompletion(.prompt("Answer"), onEvent: recorder.record) }

        XCTAssertEqual(error, .timedOut(seconds: 0.5))
        XCTAssertFalse(recorder.tokens.isEmpty, "tokens arrived before the stream stalled")
        XCTAssertEqual(recorder.restarts.count, 1)
        XCTAssertEqual(model.statistics.errorsByKind[.timedOut], 2)
    }

    func testMalformedStreamIsNotRetried() async throws {
        let error = await lmError { try await server.model(mode: "malformed", retries: 2).complete(.prompt("Answer")) { _ in } }
        guard case .malformedResponse(let detail) = error else { return XCTFail("expected malformed, got \(error)") }
        XCTAssertTrue(detail.contains("invalid JSON"), detail)
        let completions = try await server.statistics().completions
        XCTAssertEqual(completions, 1)
    }

    func testCutStreamIsRetriedFromScratchAndTheRestartIsAnnounced() async throws {
        let recorder = StreamRecorder()
        let completion = try await server.model(mode: "cut-1", retries: 1).streamCompletion(
            .prompt("Answer"), onEvent: recorder.record)

        XCTAssertEqual(completion.text, Self.text)
        XCTAssertEqual(completion.attempts, 2)
        XCTAssertEqual(recorder.currentText, Self.text)
        guard let restart = recorder.events.firstIndex(where: { if case .restart = $0 { true } else { false } }) else {
            return XCTFail("no restart announced")
        }
        XCTAssertGreaterThan(restart, 0, "the cut attempt had delivered tokens")
        guard case .restart(2, .streamCutShort(let partial), _) = recorder.events[restart] else {
            return XCTFail("expected a restart after a cut stream, got \(recorder.events[restart])")
        }
        XCTAssertTrue(Self.text.hasPrefix(partial))
    }

    func testCutStreamWithoutRetriesIsStreamCutShort() async throws {
        let error = await lmError { try await server.model(mode: "cut").complete(.prompt("Answer")) { _ in } }
        guard case .streamCutShort(let partial) = error else { return XCTFail("expected a cut stream, got \(error)") }
        XCTAssertFalse(partial.isEmpty)
        XCTAssertTrue(Self.text.hasPrefix(partial))
        XCTAssertLessThan(partial.count, Self.text.count)
    }

    func testCancellationEndsAHangingRequestPromptly() async throws {
        let model = server.model(mode: "hang", timeoutSeconds: 60)
        let task = Task { try await model.complete(.prompt("Answer")) { _ in } }
        try await eventually(within: 5, "the request reaches the server") { try await server.statistics().inFlight == 1 }

        let cancelled = ContinuousClock.now
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("a cancelled request returned")
        } catch {
            XCTAssertTrue(error is CancellationError, "got \(error)")
        }
        XCTAssertLessThan(ContinuousClock.now - cancelled, .seconds(1))
        try await eventually(within: 5, "the server sees the connection close") { try await server.statistics().inFlight == 0 }
        XCTAssertEqual(model.statistics.cancelled, 1)
        XCTAssertEqual(model.statistics.inFlight, 0)
    }
}

/// The `LMError` `operation` throws; fails the test when it throws something else or nothing.
func lmError<T>(
    file: StaticString = #filePath, line: UInt = #line, _ operation: () async throws -> T
) async -> LMError {
    do {
        _ = try await operation()
        XCTFail("expected an LMError", file: file, line: line)
    } catch let error as LMError {
        return error
    } catch {
        XCTFail("expected an LMError, got \(error)", file: file, line: line)
    }
    return .malformedResponse("no LMError")
}
