// QuorumStore/Export: alpaca, sharegpt and full JSONL written a row at a time into a temporary file that
// is synced and renamed into place.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A file that appears under its final name only once it is complete and on disk: it is
/// written as a hidden temporary beside the target, fsynced, renamed, and the folder fsynced.
/// A crash leaves at worst the temporary (`.NAME.tmp-PID-N`), never half a file under NAME.
final class AtomicFile {
    let path: String
    let temporaryPath: String
    let descriptor: Int32
    private var isFinished = false

    init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        self.path = path
        temporaryPath = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw ExportError.cannotCreate(path: path, code: errno) }
        var existing = stat()
        if stat(path, &existing) == 0 {
            _ = fchmod(descriptor, existing.st_mode & 0o7777)
        }
    }

    deinit { abandon() }

    func commit() throws {
        guard !isFinished else { return }
        isFinished = true
        let synced = fsync(descriptor) == 0
        let code = errno
        close(descriptor)
        guard synced else {
            unlink(temporaryPath)
            throw ExportError.writeFailed(path: path, code: code)
        }
        guard rename(temporaryPath, path) == 0 else {
            let code = errno
            unlink(temporaryPath)
            throw ExportError.writeFailed(path: path, code: code)
        }
        let folder = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }

    func abandon() {
        guard !isFinished else { return }
        isFinished = true
        close(descriptor)
        unlink(temporaryPath)
    }
}
