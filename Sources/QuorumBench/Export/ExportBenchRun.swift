import Foundation
import QuorumStore
import QuorumStorePostgres

/// One full export of the store each way, timed, into files that are kept to be compared.
struct ExportBenchRun {
    let location: PostgresLocation
    let folder: String

    var snapshotPath: String { folder + "/through-snapshot.jsonl" }
    var directPath: String { folder + "/direct.jsonl" }
    /// `quorum export --format full`: the curated items.
    private var request: ExportRequest { ExportRequest(format: .full) }

    /// What the store did before: every row copied into a temporary SQLite file, which the
    /// SQLite exporter then reads. Seconds, the copy included.
    func throughSnapshot() async throws -> Double {
        let start = ContinuousClock.now
        let snapshot = folder + "/snapshot-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: snapshot + suffix) } }
        _ = try await StoreCopy.copy(from: .postgres(location), to: .sqlite(path: snapshot))
        let store = try Store.open(at: snapshot, access: .read)
        defer { try? store.close() }
        _ = try await store.export(request, to: .file(path: snapshotPath))
        return (ContinuousClock.now - start).seconds
    }

    /// `PostgresStore.export`, as `quorum export` calls it.
    func direct() async throws -> Double {
        let start = ContinuousClock.now
        let store = try await PostgresStore.open(location)
        do {
            _ = try await store.export(request, to: .file(path: directPath))
            await store.close()
        } catch {
            await store.close()
            throw error
        }
        return (ContinuousClock.now - start).seconds
    }

    func filesAreIdentical() -> Bool {
        FileManager.default.contentsEqual(atPath: snapshotPath, andPath: directPath)
    }
}
