import Foundation
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
@testable import QuorumEngine

/// The supervisor with the real `llama-server` of the install in the default data directory
/// (linked into a data directory of the test's own, so its state is private): the server
/// answers the client's streamed completions and chats with the slots it was given, and
/// dies with the last holder or with its supervisor. Skipped when the engine is not
/// installed (a failure on CI, where scripts/test.sh installs it).
final class LlamaServerSupervisorTests: LocalEngineTestCase {
    private var installedEngine: LocalEngine!

    override func setUpWithError() throws {
        try super.setUpWithError()
        let installed = try EngineDataDirectory.resolve()
        guard EngineInstaller(directory: installed).currentInstall() != nil else {
            let message = "llama-server is not installed in \(installed.root); `quorum engine install`"
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail(message) }
            throw XCTSkip(message)
        }
        for name in ["bin", "venv", "models", "install.json"] {
            try FileManager.default.createSymbolicLink(
                atPath: directory.root + "/" + name, withDestinationPath: installed.root + "/" + name)
        }
        let settings = EngineSettings(kind: .local, contextSize: 1024, threads: 1)
        installedEngine = LocalEngine(
            directory: directory, settings: settings, launch: try .llamaServer(directory, settings: settings, slots: 2))
    }

    func testTheClientStreamsFromItsSlotsAndTheServerDiesWithItsOnlyHolder() async throws {
        let holder = try LeaseHolderProcess()
        let lease = try await installedEngine.acquire(holder: try holder.identity, timeout: 240)
        let server = try await serverIdentity()
        let slots = try await fetch(port: lease.state.port, "/slots")
        XCTAssertEqual(slots.status, 200)
        let slotList = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(slots.body.utf8)) as? [[String: Any]])
        XCTAssertEqual(slotList.count, 2, "--parallel 2")
        XCTAssertEqual(slotList.first?["n_ctx"] as? Int, 1024, "context_size is per slot")
        let models = try await fetch(port: lease.state.port, "/v1/models")
        XCTAssertTrue(models.body.contains("\"\(EnginePins.modelAlias)\""), models.body)

        for api in [MemberAPI.completions, .chat] {
            let member = MemberConfig(
                name: "probe", baseURL: lease.baseURL, model: EnginePins.modelAlias, api: api, prompting: .zeroShot,
                decoding: Decoding(temperature: 0, maxTokens: 8), timeoutSeconds: 120,
                // As the default members do: llama-server closes a keep-alive connection idle
                // for 5 s, and a request can meet one the pool still holds.
                retries: 2)
            let completion = try await OpenAICompatibleModel(member: member).complete(
                LMRequest(body: .prompt("The capital of France is"), decoding: member.decoding)) { _ in }
            XCTAssertFalse(completion.text.isEmpty, "\(api): an answer")
        }
        let read = await LlamaServerMetrics.read(port: lease.state.port)
        let metrics = try XCTUnwrap(read, "--metrics")
        XCTAssertGreaterThan(metrics.evaluatedPromptTokens, 0)

        holder.killNine()
        try await waitUntilGone([server, lease.state.supervisor], within: 15)
        XCTAssertNil(EngineServerState.read(from: directory.state))
        XCTAssertTrue(LocalEngine.leaseHolders(directory).isEmpty)
    }

    func testKillingTheSupervisorWithSignalNineTakesLlamaServerWithIt() async throws {
        let lease = try await installedEngine.acquire(timeout: 240)
        let server = try await serverIdentity()
        kill(lease.state.supervisor.pid, SIGKILL)
        try await waitUntilGone([server], within: 15)
        XCTAssertNil(LocalEngine.running(directory))
        lease.release()
    }

    private func fetch(port: Int, _ path: String) async throws -> (status: Int, body: String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
