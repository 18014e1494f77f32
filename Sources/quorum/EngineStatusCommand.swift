import ArgumentParser
import Foundation
import QuorumEngine
import QuorumSession

struct EngineStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what is installed and whether the server is running.")

    @OptionGroup var options: EngineOptions

    func run() throws {
        let (settings, directory) = try options.resolve()
        let installer = EngineInstaller(directory: directory)
        var lines = ["data directory:   \(directory.root)"]
        if let stamp = installer.currentInstall() {
            lines += [
                "installed:        llama-server (llama.cpp of llama-cpp-python \(stamp.llamaCppPython)), "
                    + "\(EnginePins.modelPackage) \(stamp.modelPackage), on \(Self.format(stamp.installedAt))",
                "server binary:    \(stamp.llamaServer ?? directory.llamaServer)",
                "model:            \(settings.modelPath ?? stamp.modelFile)",
                "model sha256:     \(stamp.modelSHA256) (\(stamp.modelBytes) bytes)"
                    + (settings.modelPath == nil ? "" : " for the installed model; [engine] model overrides it"),
            ]
        } else if let stamp = EngineInstallStamp.read(from: directory.installStamp), stamp.servesLlamaCppPython {
            lines.append(
                "installed:        llama-cpp-python's server, by an earlier Quorum; `quorum engine install` "
                    + "replaces it with llama.cpp's llama-server")
        } else if let stamp = EngineInstallStamp.read(from: directory.installStamp) {
            lines.append(
                "installed:        an older or incomplete install (llama-cpp-python \(stamp.llamaCppPython)); "
                    + "run `quorum engine install`")
        } else {
            lines.append("installed:        no; run `quorum engine install`")
        }
        if let state = LocalEngine.running(directory) {
            let uptime = Date().timeIntervalSince(state.startedAt)
            let users = LocalEngine.leaseHolders(directory).map { "\($0.pid)" }
            lines += [
                "server:           running at \(state.baseURL)",
                "pid:              \(state.server.map { "\($0.pid)" } ?? "starting") (supervisor \(state.supervisor.pid))",
                "port:             \(state.port)",
                "uptime:           \(clockText(uptime))",
                "kept running by:  "
                    + (state.pinned ? "`quorum engine start` (until `quorum engine stop`)" : "")
                    + (state.pinned && !users.isEmpty ? "; " : "")
                    + (users.isEmpty ? "" : "Quorum processes \(users.joined(separator: ", "))"),
                "log:              \(state.log)",
            ]
        } else {
            lines += ["server:           not running", "log:              \(directory.serverLog)"]
        }
        print(lines.joined(separator: "\n"))
    }

    private static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
