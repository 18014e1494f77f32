import Foundation
import QuorumStore
import QuorumStorePostgres

/// A curator's mirror of a team's store, a SQLite store of its own. It is kept between
/// sessions in the cache folder, one per store (by its identity) and curator, for one
/// workbench at a time: opening it again reads only the items that changed since (`catchUp`).
/// When the kept one is in use, or there is no cache folder, the session makes a mirror
/// of its own in a temporary folder, removed at close.
struct TeamMirror: Sendable {
    let store: Store
    let path: String
    let isKept: Bool
    private let lock: HeldFileLock?

    /// What a kept mirror is of; one that differs is made again.
    struct Description: Codable, Equatable {
        var identity: String
        var curator: String
        var policy: String
        var postgresSchema: Int
        var sqliteSchema: Int
    }

    struct OutOfStep: Error {}

    static func open(_ location: PostgresLocation, curator: String, environment: [String: String]) async throws -> TeamMirror {
        try await PostgresStore.with(location, environment: environment) { team in
            try await open(team, curator: curator, environment: environment)
        }
    }

    /// `open` on one connection to the team's store: its marks, then the catch-up or the copy.
    private static func open(_ team: PostgresStore, curator: String, environment: [String: String]) async throws -> TeamMirror {
        let (identity, policy, marks) = try await team.mirrorMarks()
        let description = Description(
            identity: identity.uuidString.lowercased(), curator: curator, policy: policy.description,
            postgresSchema: PostgresSchema.currentVersion, sqliteSchema: StoreSchema.currentVersion)
        if let folder = keptFolder(environment), let lock = HeldFileLock(path: folder + "/" + name(description) + ".lock") {
            let path = folder + "/" + name(description) + ".sqlite"
            let described = path + ".json"
            if let data = FileManager.default.contents(atPath: described),
               (try? JSONDecoder().decode(Description.self, from: data)) == description,
               let store = try? Store.open(at: path, access: .write(command: "review (team mirror)"))
            {
                do {
                    _ = try await catchUp(store, to: marks, team, curator: curator)
                    return TeamMirror(store: store, path: path, isKept: true, lock: lock)
                } catch {
                    try? store.close()
                }
            }
            for suffix in [".json", "", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            let store = try await build(at: path, team, curator: curator)
            try JSONEncoder().encode(description).write(to: URL(fileURLWithPath: described), options: .atomic)
            return TeamMirror(store: store, path: path, isKept: true, lock: lock)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-team-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do {
            let store = try await build(at: folder + "/mirror.sqlite", team, curator: curator)
            return TeamMirror(store: store, path: folder + "/mirror.sqlite", isKept: false, lock: nil)
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    /// Brings into the mirror every item the team's store holds differently (`ItemMarks`),
    /// a few thousand at a time; returns them. `OutOfStep` when the mirror is ahead of the store.
    static func catchUp(_ mirror: Store, to theirs: ItemMarks? = nil, _ team: PostgresStore, curator: String) async throws -> [Int64] {
        let mine = try await mirror.itemMarks()
        let theirs = if let theirs { theirs } else { try await team.mirrorMarks().marks }
        guard !theirs.isBehind(mine) else { throw OutOfStep() }
        let changed = theirs.itemsChanged(since: mine)
        var start = 0
        while start < changed.count {
            let chunk = Array(changed[start..<min(start + 5_000, changed.count)])
            try await mirror.merge(try await team.mirrorRows(items: chunk, viewedBy: curator))
            start += chunk.count
        }
        return changed
    }

    /// Gives the mirror up: a kept one stays for the next session, a temporary one goes.
    func close() {
        try? store.close()
        lock?.release()
        guard !isKept else { return }
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    private static func build(at path: String, _ team: PostgresStore, curator: String) async throws -> Store {
        let rows = try await team.mirrorRows(viewedBy: curator)
        let store = try Store.open(at: path, access: .write(command: "review (team mirror)"))
        do {
            try await store.merge(rows)
            return store
        } catch {
            try? store.close()
            throw error
        }
    }

    /// `QUORUM_MIRROR_DIR`, else `quorum/mirrors` in the user's cache folder; nil when it
    /// cannot be made.
    static func keptFolder(_ environment: [String: String]) -> String? {
        let folder: String
        if let chosen = environment["QUORUM_MIRROR_DIR"], !chosen.isEmpty {
            folder = chosen
        } else if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            folder = cache + "/quorum/mirrors"
        } else if let home = environment["HOME"], !home.isEmpty {
            folder = home + "/.cache/quorum/mirrors"
        } else {
            return nil
        }
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else {
            return nil
        }
        return folder
    }

    /// The store's identity and the curator's name, kept to letters, digits and `._-`.
    private static func name(_ description: Description) -> String {
        let safe = description.curator.unicodeScalars.map { scalar -> String in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                ? String(scalar) : String(format: "%%%02X", scalar.value)
        }
        return description.identity + "-" + safe.joined()
    }
}
