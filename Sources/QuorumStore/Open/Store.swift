// QuorumStore/Open: Opening a store: checks that the file is a Quorum store of a known version, the one-writer
// lock, the errors a refusal is reported with.

import Foundation
import GRDB

/// A curation store: one SQLite file in WAL mode, read and written by any number of
/// processes under one name (see `StoreNameLock`), with at most one run (the engine's
/// generation, an import: see `WriterLock`) at a time.
public final class Store: Sendable {
    public let path: String
    public let access: StoreAccess
    let pool: DatabasePool
    private let nameLock: StoreNameLock?
    private let run: RunClaim

    private init(path: String, access: StoreAccess, pool: DatabasePool, nameLock: StoreNameLock?, run: RunClaim) {
        self.path = path
        self.access = access
        self.pool = pool
        self.nameLock = nameLock
        self.run = run
    }

    /// Opens (and for a writer, creates or migrates) the store at `path`. Nothing is written
    /// to a file that turns out not to be a Quorum store this build can use.
    public static func open(at path: String, access: StoreAccess, options: StoreOpenOptions = StoreOpenOptions()) throws -> Store {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            throw StoreError.notAQuorumStore(path: path, detail: "it is a folder")
        }
        do {
            // The name is marked before SQLite opens anything under it.
            var nameLock = exists ? try StoreNameLock.acquire(storePath: path, create: false) : nil
            let run = RunClaim(storePath: path)
            do {
            switch access {
            case .read:
                guard exists else { throw StoreError.noStore(path: path) }
                try StoreInspection.checkHeader(path: path)
                let pool = try DatabasePool(path: path, configuration: configuration(readonly: true, options))
                try pool.read(StoreInspection.read).verify(path: path, allowsInitialisation: false)
                return Store(path: path, access: access, pool: pool, nameLock: nameLock, run: run)
            case .write(let command):
                if exists {
                    try StoreInspection.checkHeader(path: path)
                    try inspectWithoutWriting(path: path).verify(path: path, allowsInitialisation: true)
                }
                try checkWritable(path: path, exists: exists)
                if !exists { nameLock = try StoreNameLock.acquire(storePath: path, create: true) }
                run.resolvedPath = nameLock?.canonicalPath
                if options.claimsRun { try run.claim(command: command) }
                let pool = try DatabasePool(path: path, configuration: configuration(readonly: false, options))
                // GRDB sets NORMAL for WAL; FULL also syncs the WAL at each commit, so an
                // acknowledged decision survives a power cut, not only a crash.
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
                try StoreSchema.migrator.migrate(pool)
                try pool.read(StoreInspection.read).verify(path: path, allowsInitialisation: false)
                return Store(path: path, access: access, pool: pool, nameLock: nameLock, run: run)
            }
            } catch {
                run.release()
                nameLock?.release()
                throw error
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Closes the connections, then lets the next writer in.
    public func close() throws {
        // Readers first: SQLite folds the WAL back into the file only when the last
        // connection to close can write, and GRDB's close() would close the writer first.
        pool.releaseMemory()
        try pool.close()
        run.release()
        nameLock?.release()
    }

    /// Claims the store's run, the exclusive part of writing (the engine's generation, an
    /// import), if this store does not hold it yet; `StoreError.locked` names the holder.
    public func claimRun(command: String) throws {
        guard case .write = access else {
            throw StoreError.refused("the store \(path) was opened for reading")
        }
        try run.claim(command: command)
    }

    /// Whether this store holds the run (see `claimRun`).
    public var holdsRun: Bool { run.isClaimed }

    /// Runs `body` in one write transaction: all of it is stored, or none of it.
    public func write<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        guard case .write = access else {
            throw StoreError.refused("the store \(path) was opened for reading")
        }
        do {
            return try await pool.write { db in try body(StoreTransaction(db: db)) }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Runs `body` in one read transaction: a consistent snapshot, alongside the writer.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    private static func configuration(readonly: Bool, _ options: StoreOpenOptions) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(options.busyTimeoutSeconds)
        configuration.label = "QuorumStore"
        configuration.prepareDatabase { db in
            db.add(function: TextSearch.sqlFunction)
            db.add(function: SharedWin.sqlFunction)
        }
        if let pages = options.maximumPageCount {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA max_page_count = \(pages)") }
        }
        return configuration
    }

    private static func inspectWithoutWriting(path: String) throws -> StoreInspection {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read(StoreInspection.read)
    }

    private static func checkWritable(path: String, exists: Bool) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let folderPath = folder.isEmpty ? "." : folder
        if exists, let code = FileAccess.writeDenial(path) {
            throw StoreError.readOnly(path: path, reason: FileAccess.message(code))
        }
        if let code = FileAccess.writeDenial(folderPath) {
            if code == ENOENT {
                throw StoreError.io(path: path, message: "its folder \(folderPath) does not exist")
            }
            throw StoreError.readOnly(path: path, reason: "its folder \(folderPath): \(FileAccess.message(code))")
        }
    }
}
