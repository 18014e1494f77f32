import QuorumTestSupport
import XCTest
@testable import QuorumEngine

/// API keys come from the environment at request time and never reach an error message.
final class ClientAPIKeyTests: XCTestCase {
    static let key = "sk-quorum-test-0123456789abcdef"
    private var server: FakeServerProcess!

    override func setUpWithError() throws {
        server = try FakeServerProcess(arguments: ["--api-key", Self.key])
    }

    override func tearDown() {
        server?.stop()
    }

    func testKeyIsSentAsBearerToken() async throws {
        let model = server.model(apiKeyEnv: "QUORUM_TEST_KEY", environment: ["QUORUM_TEST_KEY": Self.key])
        let completion = try await model.complete(.prompt("Name three rivers.\n")) { _ in }
        XCTAssertFalse(completion.text.isEmpty)
    }

    func testMissingKeyVariableFailsWithoutARequest() async throws {
        let model = server.model(apiKeyEnv: "QUORUM_UNSET_KEY")
        let error = await lmError { try await model.complete(.prompt("Name three rivers.\n")) { _ in } }

        XCTAssertEqual(error, .missingAPIKey(variable: "QUORUM_UNSET_KEY"))
        let statistics = try await server.statistics()
        XCTAssertEqual(statistics.completions, 0)
        XCTAssertEqual(model.statistics.errorsByKind[.missingAPIKey], 1)
    }

    func testKeyIsReadAtRequestTime() async throws {
        let model = OpenAICompatibleModel(
            member: server.member(apiKeyEnv: "QUORUM_TEST_KEY"), retryPolicy: quickRetries,
            environment: { ProcessInfo.processInfo.environment[$0] })
        let error = await lmError { try await model.complete(.prompt("Name three rivers.\n")) { _ in } }
        XCTAssertEqual(error, .missingAPIKey(variable: "QUORUM_TEST_KEY"))

        setenv("QUORUM_TEST_KEY", Self.key, 1)
        defer { unsetenv("QUORUM_TEST_KEY") }
        let completion = try await model.complete(.prompt("Name three rivers.\n")) { _ in }
        XCTAssertFalse(completion.text.isEmpty)
    }

    func testKeyEchoedByAServerNeverAppearsInTheError() async throws {
        let model = server.model(mode: "echoauth", apiKeyEnv: "QUORUM_TEST_KEY", environment: ["QUORUM_TEST_KEY": Self.key])
        let error = await lmError { try await model.complete(.prompt("Name three rivers.\n")) { _ in } }

        guard case .httpStatus(401, let excerpt) = error else { return XCTFail("expected HTTP 401, got \(error)") }
        XCTAssertTrue(excerpt.contains("Bearer [redacted]"), excerpt)
        XCTAssertFalse(error.description.contains(Self.key))
        XCTAssertFalse(String(reflecting: error).contains(Self.key))
    }

    func testKeyNeverAppearsWhenTheServerIsUnreachable() async throws {
        let member = MemberConfig(
            name: "gone", baseURL: "http://127.0.0.1:\(closedLoopbackPort())/v1", model: "m", retries: 0,
            apiKeyEnv: "QUORUM_TEST_KEY")
        let model = OpenAICompatibleModel(member: member, environment: { _ in Self.key })
        let error = await lmError { try await model.complete(.prompt("Name three rivers.\n")) { _ in } }

        guard case .unreachable = error else { return XCTFail("expected unreachable, got \(error)") }
        XCTAssertFalse(String(reflecting: error).contains(Self.key))
    }
}
