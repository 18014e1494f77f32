// QuorumCommandLine: What every quorum command shares: exit statuses, messages on standard error, errors turned
// into exits, the --store and --curator options.

import ArgumentParser
import QuorumSession
import QuorumStore

/// The message and sysexits status for an error from the store, an import, an export or a
/// session.
public func commandFailure(_ error: any Error) -> ExitCode {
    switch error {
    case let error as SessionError:
        return failure(error.message, status: exitStatus(for: error.kind))
    case let error as StoreError:
        return failure(error.description, status: exitStatus(for: error))
    case let error as ImportError:
        if case .cannotRead = error { return failure(error.description, status: ExitStatus.noInput) }
        return failure(error.description + "; nothing was imported", status: ExitStatus.dataError)
    case let error as ExportError:
        if case .cannotCreate = error { return failure(error.description, status: ExitStatus.cannotCreate) }
        return failure(error.description, status: ExitStatus.ioError)
    case let error as ExitCode:
        return error
    default:
        return failure("\(error)", status: ExitStatus.software)
    }
}

private func exitStatus(for kind: SessionError.Kind) -> Int32 {
    switch kind {
    case .config: return ExitStatus.config
    case .unavailable: return ExitStatus.unavailable
    }
}

private func exitStatus(for error: StoreError) -> Int32 {
    switch error {
    case .noStore: return ExitStatus.noInput
    case .notADatabase, .notAQuorumStore, .newerSchema, .olderSchema, .invalid, .refused,
         .unknownItem, .unknownDecision, .unknownCandidateSet:
        return ExitStatus.dataError
    case .readOnly: return ExitStatus.cannotCreate
    case .locked, .openUnderAnotherName: return ExitStatus.temporaryFailure
    case .diskFull, .io: return ExitStatus.ioError
    }
}

/// Opens the store for a command, turning any refusal into its message and exit status.
public func openStore(_ options: StoreOptions, access: StoreAccess) throws -> Store {
    try refusePostgresStore(options.resolvedPath())
    do {
        return try Store.open(at: options.resolvedPath(), access: access)
    } catch {
        throw commandFailure(error)
    }
}

/// Refuses a PostgreSQL URL where only a SQLite store works yet, naming the commands that
/// take one.
public func refusePostgresStore(_ store: String) throws {
    guard store.hasPrefix("postgresql://") || store.hasPrefix("postgres://") else { return }
    throw failure(
        "this command does not run on a PostgreSQL store yet (\(store)); import, export, stats, decide and store copy do",
        status: ExitStatus.config)
}
