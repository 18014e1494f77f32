import QuorumTestSupport
import XCTest
@testable import QuorumEngine

/// Completions and chat against the real fake server: streaming, usage, request bodies, stops.
final class ClientCompletionTests: XCTestCase {
    static let greeting = "Hello there! The harbor lantern glows while the orchard sleeps. |EoS| and then more"
    private var server: FakeServerProcess!

    override func setUpWithError() throws {
        let script = try writeServerScript([(match: "^Say hello", text: Self.greeting)])
        server = try FakeServerProcess(arguments: ["--script", script, "--chunk-chars", "3"])
    }

    override func tearDown() {
        server?.stop()
    }

    func testCompletionsStreamTokensInOrderWithUsage() async throws {
        let model = server.model()
        let recorder = StreamRecorder()
        let completion = try await model.streamCompletion(.prompt("Say hello"), onEvent: recorder.record)

        XCTAssertEqual(completion.text, Self.greeting)
        XCTAssertEqual(recorder.tokens.joined(), Self.greeting)
        XCTAssertGreaterThan(recorder.tokens.count, 10, "the server streams a few characters at a time")
        XCTAssertEqual(completion.completionTokens, recorder.tokens.count)
        XCTAssertEqual(completion.promptTokens, 3)
        XCTAssertEqual(completion.finishReason, "stop")
        XCTAssertEqual(completion.attempts, 1)
        XCTAssertTrue(recorder.restarts.isEmpty)
    }

    func testChatStreamsDeltaContent() async throws {
        let model = server.model(api: .chat)
        let recorder = StreamRecorder()
        let completion = try await model.complete(.prompt("Say hello")) { recorder.record(.token($0)) }

        XCTAssertEqual(completion.text, Self.greeting)
        XCTAssertEqual(recorder.tokens.joined(), Self.greeting)
        XCTAssertEqual(completion.completionTokens, recorder.tokens.count)
    }

    func testPromptBecomesOneUserMessageAndChatBecomesJoinedPrompt() async throws {
        _ = try await server.model(api: .chat).complete(.prompt("Say hello")) { _ in }
        let messages = [ChatMessage(role: "system", content: "Be brief."), ChatMessage(role: "user", content: "Say hi")]
        let chat = LMRequest(body: .chat(messages), decoding: Decoding())
        _ = try await server.model(api: .completions).complete(chat) { _ in }

        let bodies = try await server.requestBodies()
        XCTAssertEqual(bodies.count, 2)
        let sentMessages = bodies[0]["messages"] as? [[String: String]]
        XCTAssertEqual(sentMessages ?? [], [["role": "user", "content": "Say hello"]])
        XCTAssertNil(bodies[0]["prompt"])
        XCTAssertEqual(bodies[1]["prompt"] as? String, "Be brief.\n\nSay hi")
        XCTAssertNil(bodies[1]["messages"])
    }

    func testSamplingFieldsAreSentAndTopKOnlyWhenSet() async throws {
        let model = server.model()
        let stops = ["\n\n", " |EoS|", "###", "END", "FIFTH"]
        _ = try await model.complete(.prompt("Say hello", stop: stops, seed: 7, topK: 40)) { _ in }
        _ = try await model.complete(.prompt("Say hello", topK: nil)) { _ in }

        let bodies = try await server.requestBodies()
        XCTAssertEqual(bodies.count, 2)
        let first = bodies[0]
        XCTAssertEqual(first["model"] as? String, "fake-model")
        XCTAssertEqual(first["prompt"] as? String, "Say hello")
        XCTAssertEqual(first["max_tokens"] as? Int, 256)
        XCTAssertEqual(first["temperature"] as? Double, 0.7)
        XCTAssertEqual(first["top_p"] as? Double, 0.9)
        XCTAssertEqual(first["top_k"] as? Int, 40)
        XCTAssertEqual(first["seed"] as? Int, 7)
        XCTAssertEqual(first["stream"] as? Bool, true)
        XCTAssertEqual(first["stop"] as? [String], Array(stops.prefix(4)), "servers accept at most four")
        XCTAssertNil(bodies[1]["top_k"])
        XCTAssertNil(bodies[1]["stop"])
        XCTAssertNil(bodies[1]["seed"])
    }

    func testStopSequencesTheServerHonoursEndTheText() async throws {
        let completion = try await server.model().complete(.prompt("Say hello", stop: [" |EoS|"])) { _ in }
        XCTAssertEqual(completion.text, "Hello there! The harbor lantern glows while the orchard sleeps.")
    }

    func testStopSequenceIgnoredByTheServerIsEnforcedAndEndsTheRequest() async throws {
        let script = try writeServerScript([(match: "^Say hello", text: Self.greeting)])
        // About a thousand chunks follow the stop: five seconds of streaming the client must not wait for.
        let slow = try FakeServerProcess(arguments: ["--script", script, "--token-delay", "0.005"])
        defer { slow.stop() }
        let recorder = StreamRecorder()
        let started = ContinuousClock.now
        let completion = try await slow.model(mode: "ignorestop").streamCompletion(
            .prompt("Say hello", stop: ["orchard", " |EoS|"]), onEvent: recorder.record)

        XCTAssertLessThan(ContinuousClock.now - started, .seconds(2))
        XCTAssertEqual(completion.text, "Hello there! The harbor lantern glows while the ")
        XCTAssertEqual(recorder.tokens.joined(), completion.text, "no token past the stop is delivered")
        XCTAssertEqual(completion.finishReason, "stop")
        try await eventually(within: 5, "the server sees the client hang up mid-stream") {
            let statistics = try await slow.statistics()
            return statistics.aborted == 1 && statistics.inFlight == 0
        }
    }

    func testStopSequenceSplitAcrossChunksIsFound() async throws {
        let script = try writeServerScript([(match: "^split", text: "one two three STOPWORD four five")])
        let splitting = try FakeServerProcess(arguments: ["--script", script, "--chunk-chars", "2"])
        defer { splitting.stop() }
        let recorder = StreamRecorder()
        let completion = try await splitting.model(mode: "ignorestop").streamCompletion(
            .prompt("split", stop: ["STOPWORD"]), onEvent: recorder.record)

        XCTAssertEqual(completion.text, "one two three ")
        XCTAssertFalse(recorder.tokens.contains { $0.contains("S") }, "the held-back prefix is never delivered")
    }

    func testNonStreamingAnswerIsAccepted() async throws {
        let recorder = StreamRecorder()
        let completion = try await server.model(mode: "nostream", api: .chat).streamCompletion(
            .prompt("Say hello", stop: [" |EoS|"]), onEvent: recorder.record)

        XCTAssertEqual(completion.text, "Hello there! The harbor lantern glows while the orchard sleeps.")
        XCTAssertEqual(recorder.tokens, [completion.text])
        XCTAssertNotNil(completion.completionTokens)
    }

    func testEmptyCompletionIsEmptyTextNotAnError() async throws {
        let recorder = StreamRecorder()
        let completion = try await server.model(mode: "empty").streamCompletion(
            .prompt("Say hello"), onEvent: recorder.record)

        XCTAssertEqual(completion.text, "")
        XCTAssertTrue(recorder.tokens.isEmpty)
        XCTAssertEqual(completion.finishReason, "stop")
    }

    func testMaxTokensEndsWithLength() async throws {
        var request = LMRequest.prompt("Say hello")
        request.decoding.maxTokens = 3
        let completion = try await server.model().complete(request) { _ in }

        XCTAssertEqual(completion.finishReason, "length")
        XCTAssertEqual(completion.completionTokens, 3)
        XCTAssertTrue(Self.greeting.hasPrefix(completion.text))
    }
}
