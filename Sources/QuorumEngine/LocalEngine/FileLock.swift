import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on a file, held while `body` runs. The supervisor takes the same lock
/// (Python's `fcntl.flock`), so the state file and the leases change under one lock.
enum FileLock {
    static func withLock<Result>(
        _ path: String, _ body: () throws(LocalEngineError) -> Result
    ) throws(LocalEngineError) -> Result {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .lockFailed(path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .lockFailed(path, reason: String(cString: strerror(errno))) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
