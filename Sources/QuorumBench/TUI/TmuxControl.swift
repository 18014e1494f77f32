import Foundation
import QuorumSession

/// A tmux server of our own (its own socket, in the foreground as our child, so no daemon
/// holds anyone's pipes) with one window of a fixed size, driven through a control-mode
/// client: each command is a line written and a `%begin`…`%end` block read back, a round
/// trip of a fraction of a millisecond instead of a process per command.
final class TmuxControl {
    static let target = "bench:0.0"
    let socket: String
    private let tmux: String
    private let environment: [String: String]
    private let server: CleanProcess
    private var client: CleanProcess?
    private var reader: TimedLineReader?

    init(folder: String, width: Int, height: Int) throws {
        guard let tmux = StoreBenchProcess.find("tmux") else {
            throw BenchTUIError("tmux is not installed (Debian: apt-get install tmux)")
        }
        self.tmux = tmux
        socket = folder + "/tmux.sock"
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TMUX") }
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        self.environment = environment
        server = try CleanProcess(tmux, ["-S", socket, "-f", "/dev/null", "-D"], environment: environment)
        try Self.poll("the tmux server to listen", seconds: 10) { FileManager.default.fileExists(atPath: self.socket) }
        // The window keeps the size asked for whatever the clients' sizes, and a pane whose
        // program ended stays (dead) until the next program is started in it.
        try Self.poll("the tmux server to start a session", seconds: 10) {
            (try? self.oneShot(["new-session", "-d", "-s", "bench", "-x", String(width), "-y", String(height), "cat"])) == 0
        }
        for option in [["window-size", "manual"], ["remain-on-exit", "on"]] {
            guard try oneShot(["set-option", "-g"] + option) == 0 else {
                throw BenchTUIError("tmux refused set-option \(option.joined(separator: " "))")
            }
        }
        let client = try CleanProcess(
            tmux, ["-S", socket, "-C", "attach-session", "-t", "bench"], environment: environment, pipeInput: true, pipeOutput: true)
        self.client = client
        reader = TimedLineReader(descriptor: client.output!)
        // Until tmux has attached the client, this fails with "no current client".
        try Self.poll("the tmux control client to attach", seconds: 10) { (try? self.command("refresh-client -f no-output")) != nil }
        let size = try format("#{pane_width}x#{pane_height}")
        guard size == "\(width)x\(height)" else { throw BenchTUIError("tmux made the pane \(size), not \(width)x\(height)") }
    }

    deinit {
        shutDown()
    }

    func shutDown() {
        guard server.poll() == nil else { return }
        _ = try? oneShot(["kill-server"])
        client?.reap(within: 5)
        client = nil
        server.reap(within: 5)
    }

    /// Runs one command (tmux's own syntax) and returns its output lines.
    @discardableResult
    func command(_ line: String) throws -> [String] {
        guard let client, let input = client.input else { throw BenchTUIError("the tmux control client is gone") }
        let bytes = Array((line + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(input, $0.baseAddress! + written, $0.count - written) }
            guard count > 0 else { throw BenchTUIError("the tmux control client stopped reading") }
            written += count
        }
        return try readBlock(for: line)
    }

    /// The pane's text, one string per row (without colours and attributes: asking for those
    /// makes a capture of a colourful screen four times as slow).
    func capture() throws -> [String] {
        try command("capture-pane -p -t \(Self.target)")
    }

    func sendKey(_ key: String) throws {
        try command("send-keys -t \(Self.target) \(Self.quote(key))")
    }

    /// Starts `arguments` in the pane, replacing whatever ran there (no shell in between:
    /// the pane's pid is the program's).
    func start(_ arguments: [String], environment: [String: String], directory: String) throws {
        let settings = environment.sorted { $0.key < $1.key }.map { "-e " + Self.quote("\($0.key)=\($0.value)") }
        try command((["respawn-pane -k -t \(Self.target) -c \(Self.quote(directory))"] + settings + arguments.map(Self.quote))
            .joined(separator: " "))
    }

    func format(_ text: String) throws -> String {
        try command("display-message -p -t \(Self.target) \(Self.quote(text))").first ?? ""
    }

    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// Reads up to the block that answers our command: its `%begin` has the flag 1 (tmux's
    /// own blocks, such as the attach's, have 0).
    private func readBlock(for line: String) throws -> [String] {
        guard let reader else { throw BenchTUIError("the tmux control client is gone") }
        var output: [String] = []
        var number: Substring?
        while true {
            guard let text = try reader.line(timeoutSeconds: 30) else {
                throw BenchTUIError("tmux's control client ended while running \(line)")
            }
            if let open = number {
                let words = text.split(separator: " ")
                if words.count >= 3 && words[2] == open && (words[0] == "%end" || words[0] == "%error") {
                    if words[0] == "%error" { throw BenchTUIError("tmux: \(line): \(output.joined(separator: " "))") }
                    return output
                }
                output.append(text)
            } else if text.hasPrefix("%begin ") {
                let words = text.split(separator: " ")
                if words.count >= 4 && words[3] == "1" { number = words[2] }
            }
        }
    }

    private func oneShot(_ arguments: [String]) throws -> Int32 {
        try CleanProcess(tmux, ["-S", socket] + arguments, environment: environment).reap(within: 10)
    }

    static func poll(_ what: String, seconds: Double, _ condition: () throws -> Bool) throws {
        let deadline = MonotonicClock.now() + UInt64(seconds * 1e9)
        while try !condition() {
            guard MonotonicClock.now() < deadline else { throw BenchTUIError("timed out waiting for \(what)") }
            usleep(1_000)
        }
    }
}

/// Lines from a descriptor, waiting at most a given time for each.
final class TimedLineReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next line without its newline; nil at the end of the input.
    func line(timeoutSeconds: Double) throws -> String? {
        let deadline = MonotonicClock.now() + UInt64(timeoutSeconds * 1e9)
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let text = String(decoding: buffer[start..<newline], as: UTF8.self)
                start = newline + 1
                if start > 65_536 {
                    buffer.removeFirst(start)
                    start = 0
                }
                return text
            }
            let now = MonotonicClock.now()
            guard now < deadline else { throw BenchTUIError("tmux did not answer within \(Int(timeoutSeconds)) s") }
            var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, 1, Int32(min(1_000, (deadline - now) / 1_000_000 + 1)))
            if ready <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(descriptor, &chunk, chunk.count)
            if count == 0 { return nil }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw BenchTUIError("reading from tmux: \(String(cString: strerror(errno)))")
            }
            buffer += chunk[0..<count]
        }
    }
}
