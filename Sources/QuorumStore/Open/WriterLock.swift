#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The one-run rule: an advisory `flock` on `<store>.lock`, named after the store's resolved
/// path (a symlink shares it; a hard link is refused before, by `StoreNameLock`).
///
/// The kernel drops the lock when its holder exits, even on SIGKILL, so it never goes stale;
/// the file's text only names the holder for the refusal message. Readers never take it.
final class WriterLock: @unchecked Sendable {
    private let guardState = NSLock()
    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { release() }

    static func lockPath(forStore storePath: String) -> String { storePath + ".lock" }

    static func acquire(storePath: String, resolvedPath: String? = nil, command: String) throws -> WriterLock {
        let path = lockPath(forStore: resolvedPath ?? storePath)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            if code == EACCES || code == EROFS || code == EPERM {
                throw StoreError.readOnly(path: storePath, reason: "cannot create \(path): \(FileAccess.message(code))")
            }
            throw StoreError.io(path: path, message: "cannot open the lock file: \(FileAccess.message(code))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = readHolder(descriptor)
            close(descriptor)
            if code == EWOULDBLOCK {
                throw StoreError.locked(path: storePath, holder: holder)
            }
            throw StoreError.io(path: path, message: "cannot lock: \(FileAccess.message(code))")
        }
        let holder = WriterLockHolder(
            pid: getpid(), command: command, since: Date().formatted(.iso8601))
        let text = Array(holder.fileContents.utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        return WriterLock(descriptor: descriptor)
    }

    func release() {
        guardState.lock()
        defer { guardState.unlock() }
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    private static func readHolder(_ descriptor: Int32) -> WriterLockHolder? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return WriterLockHolder(fileContents: String(decoding: buffer[..<count], as: UTF8.self))
    }
}

/// A store's claim on its run: taken when it opens, or later (the workbench claims it when
/// its engine starts), and dropped when it closes.
final class RunClaim: @unchecked Sendable {
    private let storePath: String
    private let guardState = NSLock()
    private var lock: WriterLock?
    /// The store's resolved path, which names the lock file; set before the first claim.
    var resolvedPath: String? {
        get { guardState.withLock { _resolvedPath } }
        set { guardState.withLock { _resolvedPath = newValue } }
    }
    private var _resolvedPath: String?

    init(storePath: String) {
        self.storePath = storePath
    }

    var isClaimed: Bool { guardState.withLock { lock != nil } }

    func claim(command: String) throws {
        try guardState.withLock {
            guard lock == nil else { return }
            lock = try WriterLock.acquire(storePath: storePath, resolvedPath: _resolvedPath, command: command)
        }
    }

    func release() {
        guardState.withLock {
            lock?.release()
            lock = nil
        }
    }
}
