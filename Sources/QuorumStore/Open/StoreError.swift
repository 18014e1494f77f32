/// Everything that can go wrong opening or writing a store, each with the message a user reads.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case noStore(path: String)
    case notADatabase(path: String)
    case notAQuorumStore(path: String, detail: String)
    case newerSchema(path: String, found: Int, known: Int)
    case olderSchema(path: String, found: Int, known: Int)
    case readOnly(path: String, reason: String)
    case locked(path: String, holder: WriterLockHolder?)
    /// The file is open in another process under another name (a hard link): see `StoreNameLock`.
    case openUnderAnotherName(path: String)
    case diskFull(path: String)
    case io(path: String, message: String)
    case unknownItem(Int64)
    case unknownDecision(Int64)
    case unknownCandidateSet(Int64)
    case refused(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .noStore(let path):
            return "no store at \(path) (a writing command such as `quorum import` creates one)"
        case .notADatabase(let path):
            return "\(path) is not a Quorum store: it is not an SQLite database; left untouched"
        case .notAQuorumStore(let path, let detail):
            return "\(path) is not a Quorum store: \(detail); left untouched"
        case .newerSchema(let path, let found, let known):
            return "\(path) has store schema version \(found), newer than this quorum knows (\(known)); "
                + "upgrade quorum to open it; left untouched"
        case .olderSchema(let path, let found, let known):
            return "\(path) has store schema version \(found), older than this quorum's (\(known)); "
                + "run a writing command (such as `quorum import`) once to upgrade it"
        case .readOnly(let path, let reason):
            return "the store \(path) is read-only here: \(reason) "
                + "(a WAL-mode store needs write access to the file and its folder)"
        case .locked(let path, let holder):
            let who = holder.map { "\($0)" } ?? "another process (it has not said which yet)"
            return "the store \(path) is being written by \(who); "
                + "readers such as `quorum export` and `quorum stats` still work"
        case .openUnderAnotherName(let path):
            return "the store \(path) is open under another name (a hard link to the same file) by another process; "
                + "SQLite keeps a write-ahead log per name, so two names would lose data: "
                + "use the name it was opened by, or wait until it closes"
        case .diskFull(let path):
            return "the disk holding \(path) is full; the write was rolled back and the store is unchanged"
        case .io(let path, let message):
            return "\(path): \(message)"
        case .unknownItem(let id):
            return "no item \(id) in the store"
        case .unknownDecision(let id):
            return "no decision \(id) in the store"
        case .unknownCandidateSet(let id):
            return "no candidate set \(id) in the store"
        case .refused(let reason), .invalid(let reason):
            return reason
        }
    }
}
