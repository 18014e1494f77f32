import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumEngine
import QuorumSession

struct EngineStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start the embedded engine and keep it running until `quorum engine stop`.",
        discussion: """
            Starts the server on a free loopback port (or [engine] port), waits until it answers, \
            prints its endpoint and returns. Quorum processes started later use it instead of \
            starting their own. When a server is already running, it is kept running from now on.
            """)

    @OptionGroup var options: EngineOptions

    @Option(help: "Seconds to wait for the server to answer.")
    var timeout: Double = 180

    func run() async throws {
        let (settings, directory, slots) = try options.resolveWithSlots()
        let lease: LocalEngineLease
        do {
            lease = try await EngineOnDemand.start(
                settings, slots: slots, directory: directory, pinned: true, timeout: timeout, report: printError)
        } catch {
            throw commandFailure(error)
        }
        lease.release()
        let state = lease.state
        print(state.baseURL)
        printError(
            "the engine is running at \(state.baseURL) (supervisor pid \(state.supervisor.pid), log \(state.log)); "
                + "`quorum engine stop` stops it")
    }
}
