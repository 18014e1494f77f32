import Foundation
import QuorumEngine
import QuorumTUI

/// What the workbench reads before it takes over the terminal: the configuration and the
/// themes, each failure one message of kind `.config`.
public enum WorkbenchSetup {
    /// The configuration when the file exists; nil when it does not.
    public static func configuration(path: String) throws -> QuorumConfig? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try QuorumConfigLoader.load(path: path)
        } catch {
            throw SessionError(.config, error.description)
        }
    }

    /// The guidelines `[workbench] guidelines` names, read now so that a missing file is said
    /// before the workbench takes the terminal (with the file, line and key that name it).
    public static func guidelines(_ workbench: WorkbenchConfig) throws -> Guidelines? {
        guard let path = workbench.guidelines else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return Guidelines(path: path, markdown: String(decoding: data, as: UTF8.self))
        } catch {
            var problem = workbench.guidelinesOrigin ?? QuorumConfigError(file: path, message: "")
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file"
            problem.message = "\(path): \(reason) (write one, or remove the key; quorum init writes a starter)"
            throw SessionError(.config, problem.description)
        }
    }

    public static func themes(folder: String?, environment: [String: String]) throws -> ThemeCatalog {
        let directory = ThemeCatalog.locateDirectory(
            explicit: folder, environment: environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            executablePath: CommandLine.arguments.first.map(absolutePath) ?? "")
        guard let directory else { return ThemeCatalog(themes: []) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw SessionError(.config, "\(directory): no such themes folder")
        }
        return ThemeCatalog.load(directory: directory)
    }

    /// The theme to start with: the one asked for, which must have loaded, else the first.
    /// `origin` names where the request came from when it was not the command line.
    public static func themeName(_ requested: String?, in catalog: ThemeCatalog, origin: String? = nil) throws -> String {
        guard let requested, !requested.isEmpty else {
            return catalog.names.contains("dark") ? "dark" : catalog.names[0]
        }
        if catalog.names.contains(requested) { return requested }
        let prefix = origin.map { "\($0): " } ?? ""
        if let problem = catalog.problems.first(where: { fileStem($0.file) == requested }) {
            throw SessionError(.config, prefix + problem.description)
        }
        let place = catalog.directory.map { " in \($0)" } ?? ""
        throw SessionError(
            .config, prefix + "no theme named \"\(requested)\"\(place) (themes: \(catalog.names.joined(separator: ", ")))")
    }

    private static func fileStem(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    private static func absolutePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if !path.contains("/"), let found = searchPath(path) { return found }
        return (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }

    private static func searchPath(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        return folders.map { (String($0) as NSString).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
