import Foundation
import QuorumSession

/// What one key cost. `inside` comes from the workbench's frame log: from the moment it read
/// the key to the first frame and to the settled one (the same frame unless the key needed
/// the store). `outside` is from `send-keys` to the first capture of the pane that shows the
/// finished screen; nil when the key left the screen as it was.
struct BenchTUIKeyTiming {
    var key: BenchTUIKey
    var insideFirst: Double?
    var inside: Double?
    var outside: Double?
}

/// From asking tmux to start the program to its first frame and its finished screen.
struct BenchTUIStartup {
    var insideFirstFrame: Double?
    var insideSettled: Double?
    var outside: Double
    var pid: pid_t
}

/// Runs a program in the tmux pane and measures it, from outside (captures of the pane, a
/// millisecond apart) and, given the frame log, from inside.
final class BenchTUIDriver {
    /// A screen is finished once it has not changed for this long (and, with a frame log, the
    /// workbench said it was settled).
    static let quiet: UInt64 = 20_000_000
    /// A key that changes nothing on the screen within this time changed nothing at all.
    static let noChange: UInt64 = 500_000_000

    private let tmux: TmuxControl
    private var log: FrameLogTail?
    private var screen: [String] = []
    /// The program last launched.
    private var pid: pid_t = 0

    init(tmux: TmuxControl) {
        self.tmux = tmux
    }

    func launch(_ arguments: [String], environment: [String: String], directory: String, frameLog: FrameLogTail?) throws -> BenchTUIStartup {
        log = frameLog
        screen = try tmux.capture()
        let started = MonotonicClock.now()
        try tmux.start(arguments, environment: environment, directory: directory)
        guard let outside = try watch(from: started, mustChange: true, timeout: 60_000_000_000) else {
            throw BenchTUIError("\(arguments.first ?? "the program") showed nothing within 60 s")
        }
        pid = pid_t(try tmux.format("#{pane_pid}")) ?? 0
        guard try tmux.format("#{pane_dead}") != "1" else {
            throw BenchTUIError("\(arguments.joined(separator: " ")) exited at once; its screen:\n" + screen.joined(separator: "\n"))
        }
        let frames = frameLog?.frames ?? []
        return BenchTUIStartup(
            insideFirstFrame: frames.first.map { Self.seconds($0.presented, since: started) },
            insideSettled: frames.first(where: \.isSettled).map { Self.seconds($0.presented, since: started) },
            outside: outside, pid: pid)
    }

    /// Presses `key` and waits for its finished screen, watching the pane when `outside`
    /// (else only the frame log, which leaves the machine to the program).
    func press(_ key: BenchTUIKey, tmuxKey: String, outside: Bool) throws -> BenchTUIKeyTiming {
        let sent = MonotonicClock.now()
        try tmux.sendKey(tmuxKey)
        var timing = BenchTUIKeyTiming(key: key)
        if outside {
            timing.outside = try watch(from: sent, mustChange: false, timeout: 30_000_000_000)
        } else {
            guard let log else { throw BenchTUIError("no frame log to measure \(tmuxKey) from inside") }
            try TmuxControl.poll("a settled frame after \(tmuxKey)", seconds: 30) {
                log.refresh()
                return log.answer(after: sent)?.settled != nil
            }
        }
        if let log, let answer = log.answer(after: sent), let settled = answer.settled {
            timing.insideFirst = Self.seconds(answer.first.presented, since: answer.first.input)
            timing.inside = Self.seconds(settled.presented, since: answer.first.input)
        }
        return timing
    }

    /// Sends `key` and waits for the program to end; returns its exit status (128 + the
    /// signal when one ended it).
    func quit(with key: String) throws -> Int {
        try tmux.sendKey(key)
        var status: Int?
        try TmuxControl.poll("the program to exit", seconds: 30) {
            switch ProcessEnd.of(pid) {
            case .running: return false
            case .zombie(let code): status = code
            case .gone: status = Int(try tmux.format("#{?pane_dead,#{pane_dead_status},}"))
            }
            return status != nil
        }
        return status!
    }

    /// Waits until the pane's screen has been still for a while, and takes it as the screen
    /// the next key changes.
    func settle() throws {
        screen = try tmux.capture()
        _ = try watch(from: MonotonicClock.now(), mustChange: false, readsLog: false, timeout: 30_000_000_000)
    }

    /// Polls the pane until its screen is finished: still for `quiet`, and settled by the
    /// frame log's account when there is one. Returns the seconds from `start` to the capture
    /// that first showed it, or nil when it is the screen from before.
    private func watch(from start: UInt64, mustChange: Bool, readsLog: Bool = true, timeout: UInt64) throws -> Double? {
        let before = screen
        let log = readsLog ? self.log : nil
        var latest: (time: UInt64, screen: [String])?
        var polls = 0
        while true {
            usleep(1_000)
            polls += 1
            if polls % 100 == 0, try tmux.format("#{pane_dead}") == "1" {
                let text = (try tmux.capture()).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                throw BenchTUIError("the program ended; its screen:\n" + text)
            }
            // tmux takes its snapshot as it reads the command, so a capture dates from when it
            // was asked for, not from when its answer has been read.
            let now = MonotonicClock.now()
            let current = try tmux.capture()
            if current != (latest?.screen ?? before) { latest = (now, current) }
            log?.refresh()
            // Quiet counts from the settled frame too: tmux may show it a little later.
            let settledAt = log == nil ? start : log!.answer(after: start)?.settled?.presented
            let quietSince = max(latest?.time ?? start, settledAt ?? .max)
            let still = now >= quietSince && now - quietSince >= Self.quiet
            let changed = latest.map { $0.screen != before } ?? false
            let waitsForChange = mustChange || (log == nil && readsLog && now - start < Self.noChange)
            if still && (changed || !waitsForChange) {
                screen = current
                return changed ? Self.seconds(latest!.time, since: start) : nil
            }
            guard now - start < timeout else { throw BenchTUIError("the screen did not settle within \(timeout / 1_000_000_000) s") }
        }
    }

    static func seconds(_ time: UInt64, since start: UInt64) -> Double {
        Double(Int64(bitPattern: time &- start)) / 1e9
    }
}
