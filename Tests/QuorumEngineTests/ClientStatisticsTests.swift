import QuorumTestSupport
import XCTest
@testable import QuorumEngine

/// The counts the workbench's status bar shows for each member.
final class ClientStatisticsTests: XCTestCase {
    func testCountsCompletionsFailuresAndTokens() async throws {
        let server = try FakeServerProcess()
        defer { server.stop() }
        let model = server.model(mode: "error500-1", retries: 1)

        _ = try await model.complete(.prompt("Describe a harbor at dawn.\n")) { _ in }
        _ = try await model.complete(.prompt("Describe a harbor at dawn.\n")) { _ in }
        let failing = server.model(mode: "error500", retries: 0)
        _ = await lmError { try await failing.complete(.prompt("Describe a harbor at dawn.\n")) { _ in } }

        let statistics = model.statistics
        XCTAssertEqual(statistics.member, "error500-1-completions")
        XCTAssertEqual(statistics.completed, 2)
        XCTAssertEqual(statistics.failed, 0)
        XCTAssertEqual(statistics.retries, 1)
        XCTAssertEqual(statistics.errorsByKind, [.httpStatus: 1])
        XCTAssertEqual(statistics.inFlight, 0)
        XCTAssertGreaterThan(statistics.tokens, 0)
        XCTAssertGreaterThan(statistics.tokensPerSecond, 0)
        XCTAssertEqual(failing.statistics.failed, 1)
        XCTAssertEqual(failing.statistics.errors, 1)
    }

    func testDefaultStatisticsForMembersThatDoNotMeasure() {
        struct Silent: LanguageModel {
            let member = MemberConfig(name: "silent", baseURL: "http://127.0.0.1:9/v1", model: "m")
            func complete(_ request: LMRequest, onToken: @escaping @Sendable (String) -> Void) async throws -> LMCompletion {
                onToken("hi")
                return LMCompletion(text: "hi", latencySeconds: 0)
            }
        }
        XCTAssertEqual(Silent().statistics, LMMemberStatistics(member: "silent"))
    }
}
