import Foundation

/// Whether a child of someone else (the tmux server) has ended, read from /proc. tmux now
/// and then leaves a pane's program unreaped, so its status cannot be relied on; the
/// kernel keeps a zombie's exit code in /proc/PID/stat.
enum ProcessEnd: Equatable {
    case running
    /// Ended, not yet reaped: its exit status, or 128 + the signal that ended it.
    case zombie(Int)
    /// Reaped by its parent.
    case gone

    static func of(_ pid: pid_t) -> ProcessEnd {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return .gone }
        // After the command's name: the state is field 3, the exit code field 52.
        let fields = stat[stat.index(after: close)...].split(whereSeparator: \.isWhitespace)
        guard fields.first == "Z" || fields.first == "X" else { return .running }
        guard fields.count > 49, let code = Int(fields[49]) else { return .zombie(-1) }
        return .zombie(code & 0x7f == 0 ? (code >> 8) & 0xff : 128 + (code & 0x7f))
    }
}
