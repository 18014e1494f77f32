/// Why the embedded engine could not be installed, started or stopped. Each message says
/// what to do next.
public enum LocalEngineError: Error, Sendable, Equatable, CustomStringConvertible {
    case noDataDirectory
    case cannotWrite(String, reason: String)
    case missingPrerequisites([EnginePrerequisites.Missing])
    case commandFailed(String, status: Int32, tail: String, log: String)
    case modelHashMismatch(path: String, expected: String, found: String)
    case sourceHashMismatch(path: String, expected: String, found: String)
    case notInstalled(EngineDataDirectory)
    case modelMissing(String)
    case lockFailed(String, reason: String)
    case serverExited(status: Int32?, tail: String, log: String)
    case healthTimeout(seconds: Double, tail: String, log: String)
    case portInUse(Int)

    public var description: String {
        switch self {
        case .noDataDirectory:
            return "no data directory for the engine: HOME is not set; set XDG_DATA_HOME or [engine] data_dir"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        case .missingPrerequisites(let missing):
            let lines = missing.map { "  - \($0.what): \($0.remedy)" }
            var text = "the engine cannot be built; missing:\n" + lines.joined(separator: "\n")
            let packages = missing.flatMap(\.debianPackages)
            if !packages.isEmpty {
                text += "\non Debian or Ubuntu: sudo apt-get install \(packages.joined(separator: " "))"
            }
            return text
        case .commandFailed(let command, let status, let tail, let log):
            return "\(command) failed (exit status \(status)); the last lines of \(log):\n\(tail)"
        case .modelHashMismatch(let path, let expected, let found):
            return "the model \(path) has SHA-256 \(found), expected \(expected); it was removed, run "
                + "`quorum engine install` again"
        case .sourceHashMismatch(let path, let expected, let found):
            return "the llama.cpp source archive \(path) has SHA-256 \(found), expected \(expected); it was removed, "
                + "run `quorum engine install` again"
        case .notInstalled(let directory):
            return "the embedded engine is not installed in \(directory.root); run `quorum engine install` "
                + "(it builds llama.cpp's llama-server, about 12 minutes on 2 busy cores)"
        case .modelMissing(let path):
            return "the model file \(path) does not exist; run `quorum engine install`, or fix [engine] model"
        case .lockFailed(let path, let reason):
            return "cannot lock \(path): \(reason)"
        case .serverExited(let status, let tail, let log):
            let how = status.map { "with status \($0)" } ?? ""
            return "the engine's server exited \(how) before it was ready; the last lines of \(log):\n\(tail)"
        case .healthTimeout(let seconds, let tail, let log):
            return "the engine's server was not ready within \(Int(seconds)) s; the last lines of \(log):\n\(tail)"
        case .portInUse(let port):
            return "port \(port) on 127.0.0.1 is in use; pick another [engine] port, or port = \"auto\""
        }
    }
}
