import XCTest
@testable import QuorumEngine

/// The client's pure parts: server-sent events, chunks, stop sequences, retry timing.
final class ClientParsingTests: XCTestCase {
    func testEventsSplitAnywhereAndWithAnyLineEnding() {
        let stream = Array("data: {\"a\":1}\n\n: comment\r\nevent: x\r\ndata: first\r\ndata: second\r\n\r\ndata:[DONE]\r\r".utf8)
        for split in 0...stream.count {
            var parser = ServerSentEventParser()
            let events = parser.feed(stream[..<split]) + parser.feed(stream[split...])
            XCTAssertEqual(events, ["{\"a\":1}", "first\nsecond", "[DONE]"], "split at \(split)")
            XCTAssertNil(parser.finish())
        }
    }

    func testAnEventWithoutItsBlankLineIsKeptForTheEnd() {
        var parser = ServerSentEventParser()
        XCTAssertEqual(parser.feed(Array("data: tail".utf8)), [])
        XCTAssertEqual(parser.finish(), "tail")
    }

    func testChunksOfEveryShape() throws {
        XCTAssertEqual(
            try CompletionChunk.decode(#"{"choices":[{"index":0,"text":"Hi","finish_reason":null}]}"#),
            CompletionChunk(text: "Hi"))
        XCTAssertEqual(
            try CompletionChunk.decode(#"{"choices":[{"delta":{"role":"assistant","content":null}}]}"#),
            CompletionChunk(text: ""))
        XCTAssertEqual(
            try CompletionChunk.decode(
                #"{"choices":[{"message":{"content":"Yes"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1}}"#),
            CompletionChunk(text: "Yes", finishReason: "stop", promptTokens: 5, completionTokens: 1))
        XCTAssertEqual(
            try CompletionChunk.decode(#"{"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":9}}"#),
            CompletionChunk(text: "", promptTokens: 5, completionTokens: 9))
    }

    func testErrorsInsideAnAnswer() {
        XCTAssertThrowsError(try CompletionChunk.decode(#"{"error":{"message":"overloaded","code":503}}"#)) {
            XCTAssertEqual($0 as? CompletionChunk.DecodingFailure, .serverError(status: 503, message: "overloaded"))
        }
        XCTAssertThrowsError(try CompletionChunk.decode(#"{"error":"boom"}"#)) {
            XCTAssertEqual($0 as? CompletionChunk.DecodingFailure, .serverError(status: 500, message: "boom"))
        }
        for bad in [#"{"choices": [{"text": "#, "[1, 2]", #"{"id": 1}"#, #"{"choices":[{"text":3}]}"#] {
            XCTAssertThrowsError(try CompletionChunk.decode(bad), bad) {
                guard case .malformed = $0 as? CompletionChunk.DecodingFailure else { return XCTFail("\($0)") }
            }
        }
    }

    func testStopSequencesAcrossPieces() {
        var scanner = StopSequenceScanner(stops: ["\n\n", " |EoS|"])
        let pieces = ["The an", "swer |", "Eo", "S| and more"]
        let released = pieces.map { scanner.feed($0) }
        XCTAssertEqual(released, ["The an", "swer", "", ""])
        XCTAssertTrue(scanner.stopped)
        XCTAssertEqual(scanner.finish(), "")
    }

    func testHeldBackTextIsReleasedWhenItIsNotAStop() {
        var scanner = StopSequenceScanner(stops: [" |EoS|"])
        XCTAssertEqual(scanner.feed("a | b |E"), "a | b")
        XCTAssertEqual(scanner.feed("nd"), " |End")
        XCTAssertEqual(scanner.feed(" |Eo"), "")
        XCTAssertEqual(scanner.finish(), " |Eo")
        XCTAssertFalse(scanner.stopped)
    }

    func testTheEarliestStopWinsAndScalarsAreCompared() {
        var scanner = StopSequenceScanner(stops: ["###", "\n"])
        XCTAssertEqual(scanner.feed("one\ntwo###"), "one")
        var combining = StopSequenceScanner(stops: ["\u{E9}"])
        XCTAssertEqual(combining.feed("cafe\u{301} caf\u{E9}"), "cafe\u{301} caf", "no canonical equivalence")
    }

    func testDecoderSniffsJSONWithoutAContentType() throws {
        var decoder = CompletionStreamDecoder(contentType: nil, stops: ["\n"])
        XCTAssertEqual(try decoder.feed(Array(#"  {"choices":[{"text":"line one\nline two"}]}"#.utf8)), [])
        XCTAssertEqual(try decoder.finish(), ["line one"])
        XCTAssertTrue(decoder.isComplete)
        XCTAssertEqual(decoder.text, "line one")
    }

    func testDecoderKnowsACutStream() throws {
        var decoder = CompletionStreamDecoder(contentType: "text/event-stream", stops: [])
        let pieces = try decoder.feed(Array("data: {\"choices\":[{\"text\":\"Hel\"}]}\n\ndata: {\"choices\":[{\"te".utf8))
        XCTAssertEqual(pieces, ["Hel"])
        XCTAssertEqual(try decoder.finish(), [])
        XCTAssertFalse(decoder.isComplete)
        XCTAssertEqual(decoder.text, "Hel")
    }

    func testBackoffIsExponentialCappedAndJittered() {
        let upper = RetryPolicy(baseDelaySeconds: 0.5, maxDelaySeconds: 30, jitter: { $0 })
        XCTAssertEqual((0..<8).map { upper.delaySeconds(beforeRetry: $0, retryAfterSeconds: nil) },
                       [0.5, 1, 2, 4, 8, 16, 30, 30])
        let half = RetryPolicy(jitter: { $0 / 2 })
        XCTAssertEqual(half.delaySeconds(beforeRetry: 2, retryAfterSeconds: nil), 1)
        XCTAssertEqual(half.delaySeconds(beforeRetry: 2, retryAfterSeconds: 7), 7, "Retry-After wins")
        XCTAssertEqual(half.delaySeconds(beforeRetry: 0, retryAfterSeconds: 9999), 300, "within reason")
        let random = RetryPolicy()
        for retry in 0..<10 {
            let delay = random.delaySeconds(beforeRetry: retry, retryAfterSeconds: nil)
            XCTAssertTrue((0...min(30, 0.5 * Double(1 << retry))).contains(delay))
        }
    }

    func testWhatIsRetried() {
        let retried: [LMError] = [
            .unreachable(endpoint: "e", reason: "r"), .timedOut(seconds: 1), .streamCutShort(partial: ""),
        ] + [429, 500, 502, 503, 504].map { .httpStatus($0, bodyExcerpt: "") }
        let final: [LMError] = [.malformedResponse(""), .missingAPIKey(variable: "K")]
            + [400, 401, 403, 404, 422].map { .httpStatus($0, bodyExcerpt: "") }
        XCTAssertTrue(retried.allSatisfy(RetryPolicy.isRetryable))
        XCTAssertFalse(final.contains(where: RetryPolicy.isRetryable))
    }

    func testRetryAfterInSecondsOrAsADate() {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        XCTAssertEqual(RetryAfterHeader.seconds(from: "120", now: now), 120)
        XCTAssertEqual(RetryAfterHeader.seconds(from: " 1.5 ", now: now), 1.5)
        XCTAssertEqual(RetryAfterHeader.seconds(from: "Wed, 21 Oct 2015 07:28:30 GMT", now: now), 30)
        XCTAssertEqual(RetryAfterHeader.seconds(from: "Wednesday, 21-Oct-15 07:28:10 GMT", now: now), 10)
        XCTAssertEqual(RetryAfterHeader.seconds(from: "Wed Oct 21 07:28:05 2015", now: now), 5)
        XCTAssertEqual(RetryAfterHeader.seconds(from: "Wed, 21 Oct 2015 07:00:00 GMT", now: now), 0, "a past date")
        XCTAssertNil(RetryAfterHeader.seconds(from: "soon", now: now))
    }

    func testErrorsAreRedacted() {
        let error = LMError.httpStatus(401, bodyExcerpt: "bad key sk-123 for you").redacting("sk-123")
        XCTAssertEqual(error, .httpStatus(401, bodyExcerpt: "bad key [redacted] for you"))
    }

    func testTokenRateOverTheRecentWindow() {
        var window = TokenRateWindow(window: .seconds(10))
        let start = ContinuousClock.now
        for second in 0..<4 {
            window.add(10, now: start + .seconds(second))
        }
        XCTAssertEqual(window.rate(now: start + .seconds(3)), 10, accuracy: 2.6)
        XCTAssertEqual(window.rate(now: start + .seconds(30)), 0)
    }
}
