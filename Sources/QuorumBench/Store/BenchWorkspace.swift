import Foundation
import QuorumStore

/// Where the store benchmarks work: the folder asked for, or one of their own under the
/// temporary directory, and a synthetic store built afresh there.
enum BenchWorkspace {
    static func folder(_ requested: String?, name: String) throws -> String {
        let path = requested
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("quorum-\(name)-\(getpid())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Replaces whatever store is at `path` with a synthetic one; the seconds it took.
    static func buildStore(at path: String, shape: SyntheticStore.Shape, command: String) async throws -> Double {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let start = ContinuousClock.now
        let store = try Store.open(at: path, access: .write(command: command))
        try await SyntheticStore.populate(store, shape: shape)
        try store.close()
        return (ContinuousClock.now - start).seconds
    }
}
