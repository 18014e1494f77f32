import ArgumentParser

struct EngineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Install, start, stop and inspect the embedded local engine.",
        discussion: """
            The embedded engine is llama.cpp's OpenAI-compatible llama-server with the small base \
            model Gemma 3 270M, built and installed in Quorum's data directory ([engine] data_dir, else \
            $XDG_DATA_HOME/quorum, else ~/.local/share/quorum). `quorum generate` starts it on demand \
            for the members that name no base_url and stops it when done; `engine start` keeps it \
            running until `engine stop`.
            """,
        subcommands: [
            EngineInstallCommand.self, EngineStartCommand.self, EngineStopCommand.self, EngineStatusCommand.self,
        ]
    )
}
