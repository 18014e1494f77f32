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
        var settings = EngineSettings(kind: .local)
        let path = config ?? QuorumConfigLoader.defaultFileName
        if config != nil || FileManager.default.fileExists(atPath: path) {
            do {
                settings = try QuorumConfigLoader.load(path: path).engine
            } catch {
                throw failure(error.description, status: ExitStatus.config)
            }
        }
        if let dataDir {
            settings.dataDirectory = URL(fileURLWithPath: dataDir).standardizedFileURL.path
        }
        do {
            return (settings, try EngineDataDirectory.resolve(settings))
        } catch {
            throw failure(error.description, status: ExitStatus.config)
        }
    }
}
