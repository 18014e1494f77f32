import Foundation

/// Where a PostgreSQL store is: `postgresql://user@host:port/database?sslmode=…`, parsed.
/// The password is never part of it: it comes from `PGPASSWORD` or the password file.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var user: String
    /// A host name or address; a path (from `?host=/folder`) means a Unix socket in that folder.
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: PostgresSSLMode

    /// Whether `store` names a PostgreSQL store rather than a SQLite path.
    public static func isURL(_ store: String) -> Bool {
        store.hasPrefix("postgresql://") || store.hasPrefix("postgres://")
    }

    public init(user: String, host: String, port: Int = 5432, database: String, sslMode: PostgresSSLMode = .prefer) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
    }

    public init(parsing text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func bad(_ reason: String) -> PostgresStoreError { .badURL(PostgresLocation.redacted(text), reason: reason) }
        guard Self.isURL(text) else { throw bad("it does not start with postgresql://") }
        guard let components = URLComponents(string: text) else { throw bad("it is not a URL") }
        if components.password != nil {
            throw bad("it holds a password; put it in PGPASSWORD or ~/.pgpass (PGPASSFILE), never in the URL or the config")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard let value = item.value else { throw bad("query parameter \(item.name) has no value") }
            switch item.name {
            case "sslmode", "host", "user", "port", "dbname": query[item.name] = value
            case "password": throw bad("it holds a password; put it in PGPASSWORD or ~/.pgpass, never in the URL")
            default: throw bad("unknown parameter \(item.name) (known: sslmode, host, port, user, dbname)")
            }
        }
        let user = query["user"] ?? components.user.flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["PGUSER"] ?? environment["USER"]
        guard let user, !user.isEmpty else { throw bad("it names no user (postgresql://USER@HOST/DATABASE)") }
        let host = query["host"] ?? components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        var port = components.port ?? 5432
        if let text = query["port"] {
            guard let value = Int(text) else { throw bad("port \(text) is not a number") }
            port = value
        }
        guard (1...65535).contains(port) else { throw bad("port \(port) is out of range") }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let database = query["dbname"] ?? (path.isEmpty ? user : path)
        guard !database.contains("/") else { throw bad("the database name \(database) contains a /") }
        var sslMode = PostgresSSLMode.prefer
        if let mode = query["sslmode"] {
            guard let parsed = PostgresSSLMode(rawValue: mode) else {
                throw bad("sslmode \(mode) is not one of \(PostgresSSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            sslMode = parsed
        }
        self.init(user: user, host: host, port: port, database: database, sslMode: sslMode)
    }

    public var isUnixSocket: Bool { host.hasPrefix("/") }

    /// The socket file libpq would use for a socket folder and port.
    public var socketPath: String { host + "/.s.PGSQL.\(port)" }

    /// `postgresql://user@host:port/database`: how messages name the store (no password, ever).
    public var description: String {
        isUnixSocket
            ? "postgresql://\(user)@/\(database)?host=\(host)&port=\(port)"
            : "postgresql://\(user)@\(host):\(port)/\(database)"
    }

    /// The URL with its password (after `user:`, or `password=`) blanked, for messages about a bad URL.
    static func redacted(_ text: String) -> String {
        let text = text.replacingOccurrences(of: "password=[^&]*", with: "password=***", options: .regularExpression)
        guard let scheme = text.range(of: "://"), let at = text.range(of: "@", range: scheme.upperBound..<text.endIndex),
              let colon = text.range(of: ":", range: scheme.upperBound..<at.lowerBound)
        else { return text }
        return String(text[..<colon.upperBound]) + "***" + String(text[at.lowerBound...])
    }
}

/// libpq's `sslmode`: whether and how the connection uses TLS.
public enum PostgresSSLMode: String, Sendable, CaseIterable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
}
