import Foundation
import XCTest

/// A tmux server of its own (its own socket, in the foreground as a child process) with one
/// pane running a command, for driving the real binary: send keys, poll the screen.
public final class TmuxSession {
    public let socket: String
    private let server: CleanSpawn

    public init(folder: URL, width: Int, height: Int, command: String) throws {
        guard let tmux = Self.executable("tmux") else { throw XCTSkip("tmux is not installed") }
        socket = folder.appendingPathComponent("tmux.sock").path
        server = try CleanSpawn(tmux, ["-S", socket, "-f", "/dev/null", "-D"])
        try waitUntil("the tmux server to listen", timeout: 10) { FileManager.default.fileExists(atPath: self.socket) }
        try waitUntil("the tmux server to answer", timeout: 10) { (try? self.run(["start-server"])) != nil }
        // After the program, the shell reports its exit status and the terminal's line
        // discipline, then waits, so the pane keeps the modes the program left behind. Its
        // trap lets it outlive a Ctrl-C meant for the program (children get the default back).
        let script = "trap true INT; " + command + #"; echo "EXIT=$? TTY=$(stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(icanon|echo)' | tr '\n' ' ')"; exec cat"#
        try run(["new-session", "-d", "-x", String(width), "-y", String(height), "env", "LANG=C.UTF-8", "TERM=xterm-256color",
                 "sh", "-c", script])
    }

    deinit {
        _ = try? run(["kill-server"], allowFailure: true)
        server.reap(timeout: 5)
    }

    @discardableResult
    public func run(_ arguments: [String], allowFailure: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable("tmux")!)
        process.arguments = ["-S", socket] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 && !allowFailure {
            throw NSError(domain: "tmux", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "tmux \(arguments.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    public func screen() throws -> String {
        try run(["capture-pane", "-p"])
    }

    public func sendKeys(_ keys: String...) throws {
        try run(["send-keys"] + keys)
    }

    public func format(_ format: String) throws -> String {
        try run(["display-message", "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until it contains `text`; fails with the last screen after `timeout`.
    public func waitForScreen(containing text: String, timeout: TimeInterval = 15, file: StaticString = #filePath, line: UInt = #line) throws {
        var last = ""
        do {
            try waitUntil("\"\(text)\" on screen", timeout: timeout) {
                last = (try? self.screen()) ?? ""
                return last.contains(text)
            }
        } catch {
            XCTFail("\(error)\n--- screen ---\n\(last)", file: file, line: line)
            throw error
        }
    }

    /// Waits for the program to end; returns its exit status and the terminal's `icanon` and
    /// `echo` settings as the shell found them (`"icanon echo"` when the terminal was restored).
    public func waitForExit(timeout: TimeInterval = 15) throws -> (status: Int, tty: String) {
        var report: Substring = ""
        try waitUntil("the program to exit", timeout: timeout) {
            let screen = (try? self.screen()) ?? ""
            guard let line = screen.split(separator: "\n").last(where: { $0.hasPrefix("EXIT=") }),
                  line.contains("TTY=") else { return false }
            report = line
            return true
        }
        let status = Int(report.dropFirst(5).prefix { $0.isNumber }) ?? -1
        let tty = report.components(separatedBy: "TTY=").last?.trimmingCharacters(in: .whitespaces) ?? ""
        return (status, tty)
    }

    /// The program the pane's shell is running (its one child), from /proc.
    public func programPID() throws -> pid_t {
        let shell = try format("#{pane_pid}")
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        guard let pid = children.split(separator: " ").first.flatMap({ pid_t($0) }) else {
            throw WaitTimeout(what: "a program under the pane's shell")
        }
        return pid
    }

    public static func executable(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

public struct WaitTimeout: Error, CustomStringConvertible {
    public var what: String
    public var description: String { "timed out waiting for \(what)" }

    public init(what: String) {
        self.what = what
    }
}

/// Polls `condition` every few milliseconds until it holds or `timeout` passes.
public func waitUntil(_ what: String, timeout: TimeInterval, _ condition: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while !condition() {
        if Date() > deadline { throw WaitTimeout(what: what) }
        usleep(20_000)
    }
}
