import Foundation
import PostgresNIO

/// Opens connections to a location, with its password and TLS, and turns postgres-nio's
/// errors into `PostgresStoreError`s that say what was wrong.
struct PostgresConnector: Sendable {
    let location: PostgresLocation
    let password: String?

    init(location: PostgresLocation, environment: [String: String]) {
        self.location = location
        password = PGPassFile.password(for: location, environment: environment)
    }

    func connect(logger: Logger) async throws -> PostgresConnection {
        var configuration: PostgresConnection.Configuration
        if location.isUnixSocket {
            configuration = .init(
                unixSocketPath: location.socketPath, username: location.user, password: password,
                database: location.database)
        } else {
            configuration = .init(
                host: location.host, port: location.port, username: location.user, password: password,
                database: location.database, tls: try tls())
        }
        configuration.options.connectTimeout = .seconds(10)
        do {
            return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw PostgresErrors.translate(error, store: location.description, connecting: true)
        }
    }

    private func tls() throws -> PostgresConnection.Configuration.TLS {
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        switch location.sslMode {
        case .disable: return .disable
        case .allow, .prefer, .require: tlsConfiguration.certificateVerification = .none
        case .verifyCA: tlsConfiguration.certificateVerification = .noHostnameVerification
        case .verifyFull: tlsConfiguration.certificateVerification = .fullVerification
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tlsConfiguration)
        } catch {
            throw PostgresStoreError.unreachable(location.description, reason: "TLS could not be set up: \(error)")
        }
        switch location.sslMode {
        case .allow, .prefer: return .prefer(context)
        default: return .require(context)
        }
    }
}

/// postgres-nio's errors in words: the server's message and SQLSTATE, or what failed on the way.
enum PostgresErrors {
    static func translate(_ error: any Error, store: String, connecting: Bool = false) -> any Error {
        if error is PostgresStoreError { return error }
        if let transaction = error as? PostgresTransactionError {
            if let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError {
                return translate(inner, store: store, connecting: connecting)
            }
        }
        guard let error = error as? PSQLError else { return error }
        if let info = error.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? "error \(state)"
            switch state {
            case "28P01", "28000": return PostgresStoreError.authentication(store, reason: passwordHint(message))
            case "3D000": return PostgresStoreError.noDatabase(store)
            case "23505": return PostgresStoreError.duplicate(store, message: message)
            // The server is shutting down, starting up or restarting; a connection exception.
            case "57P01", "57P02", "57P03":
                return PostgresStoreError.unreachable(store, reason: message)
            case _ where state.hasPrefix("08"):
                return PostgresStoreError.unreachable(store, reason: message)
            default: return PostgresStoreError.server(store, message: "\(message) (SQLSTATE \(state))")
            }
        }
        switch error.code {
        case .authMechanismRequiresPassword:
            return PostgresStoreError.authentication(
                store, reason: "it asks for a password and none was found: set PGPASSWORD or add a line to ~/.pgpass (or PGPASSFILE)")
        case .sslUnsupported:
            return PostgresStoreError.unreachable(store, reason: "the server does not support TLS (sslmode=disable to connect without)")
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            let reason = error.underlying.map { "\($0)" } ?? (connecting ? "the connection failed" : "the connection was lost")
            return PostgresStoreError.unreachable(store, reason: reason)
        default:
            return PostgresStoreError.server(store, message: String(reflecting: error))
        }
    }

    private static func passwordHint(_ message: String) -> String {
        message + " (the password comes from PGPASSWORD or ~/.pgpass)"
    }
}
