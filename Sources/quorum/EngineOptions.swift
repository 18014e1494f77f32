import ArgumentParser
import Foundation
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

extension ExitStatus {
    /// EX_UNAVAILABLE: the engine is not installed, or its server did not come up.
    static let unavailable: Int32 = 69
}

/// "4:07" for 247 seconds.
func clockText(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.down))
    return whole >= 3600
        ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
        : String(format: "%d:%02d", whole / 60, whole % 60)
}
