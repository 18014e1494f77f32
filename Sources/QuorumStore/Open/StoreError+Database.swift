import GRDB

extension StoreError {
    /// The store's view of any error from SQLite or the file system; store errors pass through.
    static func wrapping(_ error: any Error, path: String) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        switch error.resultCode {
        case .SQLITE_NOTADB:
            return StoreError.notADatabase(path: path)
        case .SQLITE_FULL:
            return StoreError.diskFull(path: path)
        case .SQLITE_READONLY:
            return StoreError.readOnly(path: path, reason: error.message ?? "SQLite refused to write")
        case .SQLITE_CANTOPEN:
            return StoreError.readOnly(path: path, reason: "SQLite cannot open it nor create its -wal and -shm files beside it")
        case .SQLITE_CORRUPT:
            return StoreError.io(path: path, message: "the database file is damaged (\(error.message ?? "corrupt"))")
        case .SQLITE_IOERR:
            return StoreError.io(path: path, message: "input/output error (\(error.message ?? "?"))")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.io(path: path, message: "the database is busy; try again (\(error.message ?? "?"))")
        default:
            return error
        }
    }
}
