import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumEngine

struct EngineStopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop",
        abstract: "Stop the embedded engine's server, whichever Quorum process started it.")

    @OptionGroup var options: EngineOptions

    func run() throws {
        let (_, directory) = try options.resolve()
        let stopped: EngineServerState?
        do {
            stopped = try LocalEngine.stop(directory)
        } catch {
            throw failure(error.description, status: ExitStatus.ioError)
        }
        guard let stopped else {
            printError("no engine is running (\(directory.root))")
            return
        }
        let pid = stopped.server.map { "server pid \($0.pid)" } ?? "supervisor pid \(stopped.supervisor.pid)"
        printError("stopped the engine on port \(stopped.port) (\(pid))")
    }
}
