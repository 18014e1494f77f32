/// Why a PostgreSQL store could not be used; each message names the store and what was wrong.
public enum PostgresStoreError: Error, Equatable, CustomStringConvertible {
    case badURL(String, reason: String)
    case unreachable(String, reason: String)
    case authentication(String, reason: String)
    case noDatabase(String)
    case server(String, message: String)
    case newerSchema(String, version: Int, known: Int)
    case notEmpty(String)
    /// A unique key already held (a decision retried under the same client-made id).
    case duplicate(String, message: String)
    case refused(String)

    public var description: String {
        switch self {
        case .badURL(let url, let reason): return "bad PostgreSQL store URL \(url): \(reason)"
        case .unreachable(let store, let reason): return "cannot reach the PostgreSQL store \(store): \(reason)"
        case .authentication(let store, let reason): return "the PostgreSQL server refused \(store): \(reason)"
        case .noDatabase(let store): return "the PostgreSQL store \(store) does not exist (create the database first: createdb)"
        case .server(let store, let message): return "PostgreSQL store \(store): \(message)"
        case .newerSchema(let store, let version, let known):
            return "the PostgreSQL store \(store) has schema version \(version); this quorum knows up to \(known)"
        case .notEmpty(let store): return "the store \(store) already holds data; copy into an empty store"
        case .duplicate(let store, let message): return "PostgreSQL store \(store): \(message)"
        case .refused(let message): return message
        }
    }

    /// Whether a retry may succeed (the server is down or restarting), as opposed to a refusal.
    public var isUnreachable: Bool {
        if case .unreachable = self { return true }
        return false
    }
}
