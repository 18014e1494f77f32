import Foundation
import GRDB

/// What a file claims to be, read without changing it.
struct StoreInspection {
    var applicationID: Int32
    var version: Int
    var schemaObjectCount: Int
    var tableNames: [String]
    var refersToUnknownMigrations: Bool

    static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    /// Refuses files that do not start like an SQLite database. An empty file passes: SQLite
    /// treats it as an empty database.
    static func checkHeader(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.io(path: path, message: "cannot read the file")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: sqliteMagic.count)) ?? Data()
        if !header.isEmpty, Array(header) != sqliteMagic {
            throw StoreError.notADatabase(path: path)
        }
    }

    static func read(_ db: Database) throws -> StoreInspection {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        return StoreInspection(
            applicationID: try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
            version: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
            schemaObjectCount: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0,
            tableNames: tables,
            refersToUnknownMigrations: try StoreSchema.migrator.hasBeenSuperseded(db))
    }

    /// Throws unless this file is a Quorum store this build can use (or, when
    /// `allowsInitialisation`, an empty database it may turn into one or an older one it may migrate).
    func verify(path: String, allowsInitialisation: Bool) throws {
        if applicationID == StoreSchema.applicationID {
            if version > StoreSchema.currentVersion || refersToUnknownMigrations {
                throw StoreError.newerSchema(path: path, found: version, known: StoreSchema.currentVersion)
            }
            if version < StoreSchema.currentVersion, !allowsInitialisation {
                throw StoreError.olderSchema(path: path, found: version, known: StoreSchema.currentVersion)
            }
            return
        }
        if applicationID == 0, schemaObjectCount == 0 {
            if allowsInitialisation { return }
            throw StoreError.notAQuorumStore(path: path, detail: "it is an empty SQLite database")
        }
        let what = applicationID != 0
            ? String(format: "application_id 0x%08x", UInt32(bitPattern: applicationID))
            : "tables: " + tableNames.prefix(5).joined(separator: ", ")
        throw StoreError.notAQuorumStore(path: path, detail: "it is another application's SQLite database (\(what))")
    }
}
