import Foundation

/// Paths in `quorum.toml` are relative to the folder holding it; `~/` is the home folder.
enum ConfigPaths {
    static func resolve(_ path: String, against folder: String, home: String?) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/"), let home {
            path = home + path.dropFirst()
        }
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        return URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.path
    }

    /// A store is a path, resolved like any other, or a PostgreSQL URL, kept as written.
    static func resolveStore(_ store: String, against folder: String, home: String?) -> String {
        if store.hasPrefix("postgresql://") || store.hasPrefix("postgres://") { return store }
        return resolve(store, against: folder, home: home)
    }

    /// The absolute folder of `file` (relative names are taken from the current directory).
    static func folder(of file: String) -> String {
        URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path
    }
}
