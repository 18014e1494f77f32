import Foundation

/// Building `llama-server`: the pinned source archive from PyPI, its vendored llama.cpp
/// unpacked, configured and built with CMake, the binary copied to `bin/`.
extension EngineInstaller {
    /// Builds the server (an up-to-date build tree makes this a matter of seconds) and
    /// returns the installed binary's path.
    func buildLlamaServer(log: InstallLog, onEvent: (Event) -> Void) throws(LocalEngineError) -> String {
        try directory.create([directory.sourceFolder, directory.buildFolder, directory.binFolder])
        try fetchSourceArchive(log: log, onEvent: onEvent)
        try unpackLlamaCpp(log: log, onEvent: onEvent)
        let cmake = try cmakeExecutable(log: log, onEvent: onEvent)
        let ninja = ExecutableSearch.find("ninja", environment: environment)
        onEvent(.step("configuring llama.cpp with CMake (\(cmake))"))
        let generator = ninja.map { ["-G", "Ninja", "-DCMAKE_MAKE_PROGRAM=\($0)"] } ?? []
        try run(
            cmake, ["-S", directory.llamaCppSource, "-B", directory.buildFolder] + generator
                + EnginePins.llamaServerConfiguration,
            what: "cmake (configure)", log: log, onLine: { _ in })
        let cores = ProcessInfo.processInfo.activeProcessorCount
        onEvent(
            .step("building llama-server on \(cores) cores (about 12 minutes on 2 busy cores; the log: \(log.path))"))
        var condenser = BuildOutputCondenser()
        try run(
            cmake, ["--build", directory.buildFolder, "--target", "llama-server", "-j", String(cores)],
            what: "cmake --build", log: log
        ) { line in
            if let update = condenser.condense(line) { onEvent(.build(update)) }
        }
        return try installBinary(log: log, onEvent: onEvent)
    }

    /// `pip download` of the source archive, unless a copy with the pinned hash is there.
    private func fetchSourceArchive(log: InstallLog, onEvent: (Event) -> Void) throws(LocalEngineError) {
        let archive = directory.sourceArchive
        if FileManager.default.fileExists(atPath: archive),
            (try? fileHash(archive, log: log))?.0 == EnginePins.llamaCppSourceSHA256
        {
            return
        }
        try? FileManager.default.removeItem(atPath: archive)
        onEvent(.step("downloading the llama.cpp source (\(EnginePins.llamaCppSourceArchive) from PyPI)"))
        try pip(
            [
                // The package's source only: `:all:` would also build its build backend's own
                // dependencies (CMake) from source, twenty minutes before llama.cpp's build began.
                "download", "--no-input", "--no-binary", "llama-cpp-python", "--no-deps", "-d", directory.sourceFolder,
                "llama-cpp-python==\(EnginePins.llamaCppPythonVersion)",
            ], what: "pip download", log: log, onEvent: onEvent)
        let (hash, _) = try fileHash(archive, log: log)
        guard hash == EnginePins.llamaCppSourceSHA256 else {
            try? FileManager.default.removeItem(atPath: archive)
            throw .sourceHashMismatch(path: archive, expected: EnginePins.llamaCppSourceSHA256, found: hash)
        }
        onEvent(.step("source checked: SHA-256 \(hash)"))
    }

    /// `vendor/llama.cpp` of the archive, unpacked beside its final name and then renamed.
    private func unpackLlamaCpp(log: InstallLog, onEvent: (Event) -> Void) throws(LocalEngineError) {
        let source = directory.llamaCppSource
        if FileManager.default.fileExists(atPath: source + "/CMakeLists.txt") { return }
        guard let tar = ExecutableSearch.find("tar", environment: environment) else {
            throw .missingPrerequisites([.init(what: "tar", remedy: "install tar", debianPackages: ["tar"])])
        }
        let partial = source + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        try directory.create([partial])
        let member = "llama_cpp_python-\(EnginePins.llamaCppPythonVersion)/vendor/llama.cpp"
        try run(
            tar, ["-xzf", directory.sourceArchive, "-C", partial, "--strip-components=3", member],
            what: "unpacking the llama.cpp source", log: log)
        do {
            try? FileManager.default.removeItem(atPath: source)
            try FileManager.default.moveItem(atPath: partial, toPath: source)
        } catch {
            throw .cannotWrite(source, reason: error.localizedDescription)
        }
    }

    /// The system's CMake, else one pip installs into the venv.
    private func cmakeExecutable(log: InstallLog, onEvent: (Event) -> Void) throws(LocalEngineError) -> String {
        if let cmake = ExecutableSearch.find("cmake", environment: environment) { return cmake }
        let venvCMake = directory.path("venv/bin/cmake")
        if !FileManager.default.isExecutableFile(atPath: venvCMake) {
            try pipInstall(["cmake"], what: "CMake (there is none on PATH)", log: log, onEvent: onEvent)
        }
        return venvCMake
    }

    /// Copies the built binary to `bin/llama-server` (beside it first, then renamed) and checks it runs.
    private func installBinary(log: InstallLog, onEvent: (Event) -> Void) throws(LocalEngineError) -> String {
        let built = directory.buildFolder + "/bin/llama-server"
        let target = directory.llamaServer
        let partial = target + ".partial"
        do {
            try? FileManager.default.removeItem(atPath: partial)
            try FileManager.default.copyItem(atPath: built, toPath: partial)
            try? FileManager.default.removeItem(atPath: target)
            try FileManager.default.moveItem(atPath: partial, toPath: target)
        } catch {
            throw .cannotWrite(target, reason: error.localizedDescription)
        }
        let version = try run(target, ["--version"], what: "llama-server --version", log: log)
        let line = version.tail.first { $0.hasPrefix("version:") } ?? version.tail.first ?? ""
        onEvent(.step("built \(target) (\(line.trimmingCharacters(in: .whitespaces)))"))
        return target
    }
}
