#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One name per open store file: SQLite keeps a write-ahead log (and its index) per *name*,
/// so a store opened as `quorum.sqlite` by one process and through a hard link `hard.sqlite`
/// by another has two WALs over one file, and a later writer folds a stale one back in (30
/// generated items vanished while `integrity_check` said ok). Every process that opens a
/// store, to read or to write, marks the name it uses on the database file itself, and one
/// that finds another name marked is refused.
///
/// The marks are open-file-description locks (`F_OFD_SETLK`) on one byte per name, chosen by
/// a hash of the name's resolved path (so a symlink, whose WAL SQLite already shares, is the
/// same name), far beyond the bytes SQLite locks (at 1 GiB): a process's locks survive
/// SQLite closing its own descriptors, which would drop POSIX locks. The kernel drops them
/// when the process dies. The descriptor stays open for the life of the process (closing any
/// descriptor of a database file drops SQLite's POSIX locks on it); a store that closes only
/// unlocks its byte.
final class StoreNameLock: @unchecked Sendable {
    let canonicalPath: String
    private let file: OpenStoreFile
    private let offset: Int64
    private let guardState = NSLock()
    private var released = false

    private init(canonicalPath: String, file: OpenStoreFile, offset: Int64) {
        self.canonicalPath = canonicalPath
        self.file = file
        self.offset = offset
    }

    deinit { release() }

    /// Where the marks live: 1 TiB on, 1 TiB wide (locks beyond the end of a file are fine).
    static let base: Int64 = 1 << 40
    static let span: Int64 = 1 << 40

    /// The path SQLite derives the WAL's name from: symlinks resolved.
    static func canonicalPath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        guard let resolved = realpath(folder, nil) else { return url.standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved) + "/" + url.lastPathComponent
    }

    /// Marks `path` as the name this process uses for its file, creating the file (empty)
    /// when `create` says so; nil when the file cannot be opened (SQLite then says why).
    /// Throws `StoreError.openUnderAnotherName` when another name of the same file is open.
    static func acquire(storePath: String, create: Bool) throws -> StoreNameLock? {
        if create {
            let made = open(storePath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            if made < 0 {
                let code = errno
                if code == EACCES || code == EROFS || code == EPERM {
                    throw StoreError.readOnly(path: storePath, reason: "cannot create it: \(FileAccess.message(code))")
                }
                throw StoreError.io(path: storePath, message: "cannot create it: \(FileAccess.message(code))")
            }
            close(made)
        }
        let canonical = canonicalPath(storePath)
        guard let file = OpenStoreFile.shared(path: storePath) else { return nil }
        let offset = base + Int64(bitPattern: fnv1a(canonical) % UInt64(span))
        try file.mark(offset: offset, storePath: storePath)
        return StoreNameLock(canonicalPath: canonical, file: file, offset: offset)
    }

    func release() {
        guardState.lock()
        defer { guardState.unlock() }
        guard !released else { return }
        released = true
        file.unmark(offset: offset)
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// This process's one descriptor on a store file (by device and inode), with how many of
/// its stores use each name's byte.
private final class OpenStoreFile: @unchecked Sendable {
    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [FileIdentity: OpenStoreFile] = [:]

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private let descriptor: Int32
    /// Marks held by this process, by offset, with their use counts.
    private var marks: [Int64: Int] = [:]

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    static func shared(path: String) -> OpenStoreFile? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        let identity = FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        registryLock.lock()
        defer { registryLock.unlock() }
        if let known = registry[identity] { return known }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let file = OpenStoreFile(descriptor: descriptor)
        registry[identity] = file
        return file
    }

    func mark(offset: Int64, storePath: String) throws {
        Self.registryLock.lock()
        defer { Self.registryLock.unlock() }
        if marks.keys.contains(where: { $0 != offset }) {
            throw StoreError.openUnderAnotherName(path: storePath)
        }
        if let count = marks[offset] {
            marks[offset] = count + 1
            return
        }
        guard lock(F_RDLCK, from: offset, length: 1) else {
            throw StoreError.io(path: storePath, message: "cannot mark the store's name: \(FileAccess.message(errno))")
        }
        if otherNameIsMarked(besides: offset) {
            _ = lock(F_UNLCK, from: offset, length: 1)
            throw StoreError.openUnderAnotherName(path: storePath)
        }
        marks[offset] = 1
    }

    func unmark(offset: Int64) {
        Self.registryLock.lock()
        defer { Self.registryLock.unlock() }
        guard let count = marks[offset] else { return }
        if count > 1 {
            marks[offset] = count - 1
        } else {
            marks[offset] = nil
            _ = lock(F_UNLCK, from: offset, length: 1)
        }
    }

    private func otherNameIsMarked(besides offset: Int64) -> Bool {
        let base = StoreNameLock.base
        let end = base + StoreNameLock.span
        return isLocked(from: base, length: offset - base) || isLocked(from: offset + 1, length: end - offset - 1)
    }

    #if os(Linux)
    private static let setLock: Int32 = 37  // F_OFD_SETLK
    private static let getLock: Int32 = 36  // F_OFD_GETLK
    #else
    private static let setLock = F_SETLK
    private static let getLock = F_GETLK
    #endif

    private func lock(_ type: Int32, from start: Int64, length: Int64) -> Bool {
        var request = flock()
        request.l_type = Int16(type)
        request.l_whence = Int16(SEEK_SET)
        request.l_start = off_t(start)
        request.l_len = off_t(length)
        return fcntl(descriptor, Self.setLock, &request) == 0
    }

    private func isLocked(from start: Int64, length: Int64) -> Bool {
        guard length > 0 else { return false }
        var request = flock()
        request.l_type = Int16(F_WRLCK)
        request.l_whence = Int16(SEEK_SET)
        request.l_start = off_t(start)
        request.l_len = off_t(length)
        guard fcntl(descriptor, Self.getLock, &request) == 0 else { return false }
        return request.l_type != Int16(F_UNLCK)
    }
}
