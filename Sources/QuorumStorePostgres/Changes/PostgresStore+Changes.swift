// QuorumStorePostgres/Changes: Live updates: each write announces itself (NOTIFY, delivered at commit) and any
// curator's store can listen.

import PostgresNIO

extension PostgresStore {
    /// Listens on this store's connection and runs `consume` with the changes others commit
    /// from now on (the listening has started when `consume` runs); stops listening when it
    /// returns. Use a store of its own: while listening, the connection serves nothing else.
    public func listenForChanges<T>(_ consume: (AsyncCompactMapSequence<PostgresNotificationSequence, StoreChange>) async throws -> T) async throws -> T {
        do {
            return try await connection.listen(on: StoreChange.channel) { notifications in
                try await consume(notifications.compactMap { StoreChange(payload: $0.payload) })
            }
        } catch {
            throw PostgresErrors.translate(error, store: location.description)
        }
    }

    /// Announces `change` to every listener once the current transaction commits.
    static func announce(_ change: StoreChange, _ connection: PostgresConnection, _ store: PostgresStore) async throws {
        try await connection.run("SELECT pg_notify(\(StoreChange.channel), \(change.payload))", store)
    }
}
