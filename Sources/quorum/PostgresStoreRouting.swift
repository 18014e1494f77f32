import ArgumentParser
import QuorumCommandLine
import QuorumStorePostgres

/// Runs `body` on the PostgreSQL store `options` names and closes it; nil when they name a
/// SQLite path (the caller opens that as before).
func withPostgresStore<T: Sendable>(
    _ options: StoreOptions, _ body: (PostgresStore) async throws -> T
) async throws -> T? {
    let store = options.resolvedPath()
    guard PostgresLocation.isURL(store) else { return nil }
    do {
        return try await PostgresStore.with(try PostgresLocation(parsing: store), body)
    } catch {
        throw postgresFailure(error)
    }
}

/// The message and exit status of an error from a PostgreSQL store (others as every command's).
func postgresFailure(_ error: any Error) -> ExitCode {
    guard let error = error as? PostgresStoreError else { return commandFailure(error) }
    switch error {
    case .badURL: return failure(error.description, status: ExitStatus.config)
    case .unreachable, .authentication, .noDatabase: return failure(error.description, status: ExitStatus.unavailable)
    case .newerSchema, .notEmpty, .refused, .duplicate: return failure(error.description, status: ExitStatus.dataError)
    case .server: return failure(error.description, status: ExitStatus.software)
    }
}
