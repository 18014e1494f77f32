import Foundation
import QuorumTUI

/// Starts a program with `CleanSpawnAttributes` (test code runs on threads that block
/// signals, and a tmux server inheriting that mask never sees its pane's program exit), its
/// standard streams on /dev/null.
public struct CleanSpawn {
    public let pid: pid_t

    public init(_ path: String, _ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let result = CleanSpawnAttributes.with { posix_spawn(&child, path, &actions, &$0, argv, environ) }
        guard result == 0 else {
            throw NSError(domain: "posix_spawn", code: Int(result), userInfo: [NSLocalizedDescriptionKey: "cannot start \(path)"])
        }
        pid = child
    }

    /// Waits up to `timeout` for the child to exit, then kills it.
    public func reap(timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return
            }
            usleep(10_000)
        }
    }
}
