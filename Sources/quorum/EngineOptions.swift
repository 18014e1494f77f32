import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumEngine

/// Where the engine commands take their `[engine]` settings from.
struct EngineOptions: ParsableArguments {
    @Option(help: "The configuration whose [engine] table applies (default: ./quorum.toml when it exists).")
    var config: String?

    @Option(help: ArgumentHelp("The engine's data directory, instead of the configuration's.", valueName: "dir"))
    var dataDir: String?

    /// The settings, and the folder they put the engine in.
    func resolve() throws -> (EngineSettings, EngineDataDirectory) {
        let (settings, directory, _) = try resolveWithSlots()
        return (settings, directory)
    }

    /// The settings, their folder, and the server's slots: one for each request the
    /// configuration's members on the engine can have in flight (without a configuration,
    /// those of the one `quorum init` writes).
    func resolveWithSlots() throws -> (EngineSettings, EngineDataDirectory, Int) {
        var settings = EngineSettings(kind: .local)
        var slots = QuorumConfig.defaultLocalEngineSlots
        let path = config ?? QuorumConfigLoader.defaultFileName
        if config != nil || FileManager.default.fileExists(atPath: path) {
            do {
                let loaded = try QuorumConfigLoader.load(path: path)
                settings = loaded.engine
                slots = loaded.localEngineSlots
            } catch {
                throw failure(error.description, status: ExitStatus.config)
            }
        }
        if let dataDir {
            settings.dataDirectory = URL(fileURLWithPath: dataDir).standardizedFileURL.path
        }
        do {
            return (settings, try EngineDataDirectory.resolve(settings), slots)
        } catch {
            throw failure(error.description, status: ExitStatus.config)
        }
    }
}
