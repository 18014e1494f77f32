import Foundation
import XCTest
@testable import QuorumEngine

/// The installer's checks, its idempotence and its progress, without building anything.
final class LocalEngineInstallerTests: LocalEngineTestCase {
    func testPipOutputIsCondensedIntoPhasesAndBuildSteps() {
        let lines = [
            "Using pip 23.2.1 from /d/venv/lib/python3.11/site-packages/pip (python 3.11)",
            "Collecting llama-cpp-python[server]==0.3.36",
            "  Downloading llama_cpp_python-0.3.36.tar.gz (76.6 MB)",
            "     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 76.6/76.6 MB 105.5 MB/s eta 0:00:00",
            "  Installing build dependencies: started",
            "  Installing build dependencies: finished with status 'done'",
            "  *** scikit-build-core 1.1.2 using CMake 4.4.4 (wheel)",
            "  Building wheel for llama-cpp-python (pyproject.toml): started",
            "  [1/193] /usr/bin/g++ -DGGML_BUILD -O3 -c ggml.cpp",
            "  -- Found OpenMP: TRUE (found version \"4.5\")",
            "  [2/193] /usr/bin/gcc -c ggml-quants.c",
            "  Created wheel for llama-cpp-python: filename=llama_cpp_python-0.3.36-py3-none-linux_x86_64.whl",
            "Installing collected packages: numpy, llama-cpp-python",
            "ERROR: Could not build wheels for llama-cpp-python",
            "Successfully installed llama-cpp-python-0.3.36",
        ]
        var condenser = PipOutputCondenser()
        let updates = lines.compactMap { condenser.condense($0) }
        XCTAssertEqual(
            updates,
            [
                .phase("resolving llama-cpp-python[server]==0.3.36"),
                .phase("downloading llama_cpp_python-0.3.36.tar.gz (76.6 MB)"),
                .phase("installing the build tools"),
                .phase("configuring llama.cpp with CMake 4.4.4"),
                .phase("building llama-cpp-python (compiles llama.cpp: minutes)"),
                .buildStep(done: 1, total: 193),
                .buildStep(done: 2, total: 193),
                .phase("built llama-cpp-python"),
                .phase("installing the packages"),
                .problem("ERROR: Could not build wheels for llama-cpp-python"),
                .phase("installed the packages"),
            ])
    }

    func testMissingPrerequisitesAreNamedWithTheirDebianPackages() throws {
        let empty = EnginePrerequisites.check(needsBuild: true, environment: ["PATH": "/nonexistent"])
        XCTAssertNil(empty.python)
        XCTAssertEqual(empty.missing.map(\.what), ["python3 (Python 3.10 or later)", "a C compiler", "a C++ compiler"])
        XCTAssertEqual(empty.missing.flatMap(\.debianPackages), ["python3", "build-essential"])
        let message = LocalEngineError.missingPrerequisites(empty.missing).description
        XCTAssertTrue(message.hasSuffix("on Debian or Ubuntu: sudo apt-get install python3 build-essential"), message)

        let installedAlready = EnginePrerequisites.check(needsBuild: false, environment: ["PATH": "/nonexistent"])
        XCTAssertEqual(installedAlready.missing.map(\.what), ["python3 (Python 3.10 or later)"], "no compiler needed")

        let here = EnginePrerequisites.check(needsBuild: false)
        XCTAssertNotNil(here.python)
        XCTAssertEqual(here.missing, [], "this machine has python3 with venv")
    }

    func testAnInstallWhoseStampMatchesThePinsIsNotRedone() throws {
        try directory.create([directory.modelsFolder, directory.venv + "/bin"])
        _ = FileManager.default.createFile(atPath: directory.python, contents: Data(), attributes: [.posixPermissions: 0o755])
        _ = FileManager.default.createFile(atPath: directory.model, contents: Data(count: 1000))
        var stamp = EngineInstallStamp(
            llamaCppPython: EnginePins.llamaCppPythonVersion, modelPackage: EnginePins.modelPackageVersion,
            modelFile: directory.model, modelSHA256: EnginePins.modelSHA256, modelBytes: 1000, python: "3.11.7",
            installedAt: Date(timeIntervalSince1970: 1_800_000_000), buildOptions: EnginePins.llamaCppBuildOptions)
        try stamp.write(to: directory.installStamp)
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
    }

    func testATruncatedModelIsNotAnInstall() throws {
        try directory.create([directory.modelsFolder, directory.venv + "/bin"])
        _ = FileManager.default.createFile(atPath: directory.python, contents: Data(), attributes: [.posixPermissions: 0o755])
        _ = FileManager.default.createFile(atPath: directory.model, contents: Data(count: 999))
        try EngineInstallStamp(
            llamaCppPython: EnginePins.llamaCppPythonVersion, modelPackage: EnginePins.modelPackageVersion,
            modelFile: directory.model, modelSHA256: EnginePins.modelSHA256, modelBytes: 1000, python: "3.11.7",
            installedAt: Date()
        ).write(to: directory.installStamp)
        XCTAssertNil(EngineInstaller(directory: directory).currentInstall())
    }

    func testTheServerCommandLine() throws {
        try directory.create([directory.modelsFolder, directory.venv + "/bin"])
        _ = FileManager.default.createFile(atPath: directory.python, contents: Data(), attributes: [.posixPermissions: 0o755])
        XCTAssertThrowsError(try EngineServerLaunch.llamaCpp(directory, settings: EngineSettings(kind: .local))) { error in
            XCTAssertEqual(error as? LocalEngineError, .notInstalled(directory))
        }
        _ = FileManager.default.createFile(atPath: directory.model, contents: Data(count: 10))
        try EngineInstallStamp(
            llamaCppPython: EnginePins.llamaCppPythonVersion, modelPackage: EnginePins.modelPackageVersion,
            modelFile: directory.model, modelSHA256: EnginePins.modelSHA256, modelBytes: 10, python: "3.11.7",
            installedAt: Date()
        ).write(to: directory.installStamp)
        let launch = try EngineServerLaunch.llamaCpp(
            directory, settings: EngineSettings(kind: .local, contextSize: 8192, threads: 3))
        XCTAssertEqual(
            launch.command(41_000),
            [
                directory.python, "-m", "llama_cpp.server", "--model", directory.model, "--model_alias", "gemma-3-270m",
                "--host", "127.0.0.1", "--port", "41000", "--n_ctx", "8192", "--n_threads", "3",
                "--n_threads_batch", "3", "--interrupt_requests", "False",
            ])
        XCTAssertEqual(launch.environment["OMP_WAIT_POLICY"], "PASSIVE")
        XCTAssertThrowsError(
            try EngineServerLaunch.llamaCpp(directory, settings: EngineSettings(kind: .local, modelPath: "/none.gguf"))
        ) { error in
            XCTAssertEqual(error as? LocalEngineError, .modelMissing("/none.gguf"))
        }
    }
}
