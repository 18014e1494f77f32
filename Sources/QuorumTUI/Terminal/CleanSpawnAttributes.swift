// QuorumTUI/Terminal: The terminal side: the WorkbenchTerminal protocol and its ncurses adapter, the loop, the
// inbox, signals and the external editor.

import Foundation

/// The one way Quorum starts a child with posix_spawn: every signal unblocked and at its
/// default action in the child, whatever the calling thread blocks or this process ignores
/// (a tmux server that inherits a blocked SIGCHLD never sees its panes' programs exit; an
/// editor that inherits an ignored SIGINT cannot be interrupted).
public enum CleanSpawnAttributes {
    /// Runs `body` with such attributes, destroyed after.
    public static func with<Result>(_ body: (inout posix_spawnattr_t) throws -> Result) rethrows -> Result {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return try body(&attributes)
    }

    /// A shell-style exit status from a `waitpid` status: the exit code, or 128 + the signal.
    /// (WIFEXITED and WEXITSTATUS are macros Swift cannot import.)
    public static func exitStatus(fromWaitStatus status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
