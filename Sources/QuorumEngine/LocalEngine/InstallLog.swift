import Foundation

/// `logs/install.log`: every line every install command printed, appended.
final class InstallLog: @unchecked Sendable {
    let path: String
    private let handle: FileHandle
    private let lock = NSLock()

    init(path: String) throws(LocalEngineError) {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw .cannotWrite(path, reason: "cannot open the install log")
        }
        _ = try? handle.seekToEnd()
        self.handle = handle
        write("=== quorum engine install, \(Date())")
    }

    deinit { try? handle.close() }

    func write(_ line: String) {
        lock.withLock { handle.write(Data((line + "\n").utf8)) }
    }
}
