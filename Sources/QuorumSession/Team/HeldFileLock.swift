// QuorumSession/Team: The workbench on a team's PostgreSQL store: a local SQLite mirror read at its speed, decisions
// written to the team's store first, items handed out by leases, others' changes pushed live.

import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` held until released (or the process ends): one holder at a time,
/// and a second asker is told at once instead of waiting.
final class HeldFileLock: Sendable {
    private let descriptor: Mutex<Int32?>

    /// Nil when another process holds the lock, or the file cannot be opened.
    init?(path: String) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        var result = flock(descriptor, LOCK_EX | LOCK_NB)
        while result != 0 && errno == EINTR { result = flock(descriptor, LOCK_EX | LOCK_NB) }
        guard result == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = Mutex(descriptor)
    }

    func release() {
        descriptor.withLock { held in
            guard let descriptor = held else { return }
            flock(descriptor, LOCK_UN)
            close(descriptor)
            held = nil
        }
    }

    deinit {
        release()
    }
}
