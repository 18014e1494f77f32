import Foundation

/// Lets the curator edit a text in their own editor: `$VISUAL`, else `$EDITOR`, else `vi`,
/// run through `sh` (so `EDITOR="code --wait"` works) on a private temporary file. Call it
/// while the terminal is suspended.
/// Lets the curator edit a text (the second argument names it) and says how that ended.
public typealias ExternalEditing = (String, String) -> ExternalEditor.Outcome

public enum ExternalEditor {
    public enum Outcome: Sendable, Equatable {
        case edited(String)
        /// The editor exited non-zero or could not run; `problem` says why when it is not
        /// the curator's own doing.
        case cancelled(problem: String?)
    }

    public static func edit(
        _ text: String, name: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Outcome {
        let command = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }
            .first { !$0.allSatisfy(\.isWhitespace) } ?? "vi"
        let folder = FileManager.default.temporaryDirectory.path
        let path = (folder as NSString).appendingPathComponent("quorum-\(getpid())-\(name).txt")
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { return .cancelled(problem: "cannot write \(path) for the editor") }
        defer { try? FileManager.default.removeItem(atPath: path) }

        let status: Int32
        switch ForegroundProcess.run(["/bin/sh", "-c", command + " \"$1\"", "sh", path]) {
        case .success(let exit): status = exit
        case .failure(let problem): return .cancelled(problem: "cannot start the editor \(command): \(problem)")
        }
        guard status == 0 else {
            return .cancelled(problem: status == 127 ? "the editor \(command) was not found (set $EDITOR)" : nil)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .cancelled(problem: "the editor left no file at \(path)")
        }
        guard var edited = String(data: data, encoding: .utf8) else {
            return .cancelled(problem: "the edited text is not valid UTF-8; nothing was saved")
        }
        // Editors end the file with a newline the text did not have.
        if edited.hasSuffix("\n") && !text.hasSuffix("\n") { edited.removeLast() }
        return .edited(edited)
    }
}

/// Runs a program on the terminal and waits for it (see `CleanSpawnAttributes`), errors as text.
enum ForegroundProcess {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ arguments: [String]) -> Result<Int32, Failure> {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = CleanSpawnAttributes.with { posix_spawn(&pid, arguments[0], nil, &$0, &argv, environ) }
        guard spawned == 0 else { return .failure(Failure(description: String(cString: strerror(spawned)))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return .failure(Failure(description: String(cString: strerror(errno)))) }
        }
        return .success(CleanSpawnAttributes.exitStatus(fromWaitStatus: status))
    }
}
