import Foundation

/// A process named by its pid and its start time, so that a pid reused by another process
/// after the first one died is not mistaken for it.
public struct ProcessIdentity: Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
    public var pid: Int32
    /// Clock ticks after boot (field 22 of `/proc/PID/stat`); 0 where there is no `/proc`.
    public var startTime: UInt64

    enum CodingKeys: String, CodingKey {
        case pid
        case startTime = "start_time"
    }

    public init(pid: Int32, startTime: UInt64) {
        self.pid = pid
        self.startTime = startTime
    }

    /// This process.
    public static var current: ProcessIdentity { of(getpid()) ?? ProcessIdentity(pid: getpid(), startTime: 0) }

    /// The live process `pid`, or nil when there is none (a zombie counts as gone).
    public static func of(_ pid: Int32) -> ProcessIdentity? {
        guard pid > 0 else { return nil }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
            #if os(Linux)
                return nil
            #else
                return kill(pid, 0) == 0 || errno == EPERM ? ProcessIdentity(pid: pid, startTime: 0) : nil
            #endif
        }
        // The command name in field 2 is in parentheses and may itself hold spaces or ')'.
        guard let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (the state), so field 22 is fields[19].
        guard fields.count > 19, let start = UInt64(fields[19]) else { return nil }
        if fields[0] == "Z" || fields[0] == "X" { return nil }
        return ProcessIdentity(pid: pid, startTime: start)
    }

    /// Whether this very process is still running.
    public var isAlive: Bool {
        guard let now = Self.of(pid) else { return false }
        return startTime == 0 || now.startTime == startTime
    }

    public var description: String { "\(pid)" }
}
