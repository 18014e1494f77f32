import Foundation

/// The themes found in a `themes` folder, loaded up front so that `t` switches instantly.
/// A broken file is reported (and left out) rather than ending the session.
public struct ThemeCatalog: Sendable {
    public static let preferredOrder = ["dark", "light", "high-contrast"]

    public var directory: String?
    public private(set) var themes: [String: Theme]
    public private(set) var names: [String]
    public private(set) var problems: [ThemeError]

    public init(themes: [Theme], directory: String? = nil, problems: [ThemeError] = []) {
        self.directory = directory
        self.themes = Dictionary(themes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.names = Self.ordered(Array(self.themes.keys))
        self.problems = problems
        if self.themes.isEmpty {
            self.themes = [Theme.plain.name: Theme.plain]
            self.names = [Theme.plain.name]
        }
    }

    /// Loads every `*.toml` in `directory`.
    public static func load(directory: String) -> ThemeCatalog {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".toml") }.sorted()
        var themes: [Theme] = []
        var problems: [ThemeError] = []
        for file in files {
            do {
                themes.append(try ThemeLoader.load(path: (directory as NSString).appendingPathComponent(file)))
            } catch {
                problems.append(error)
            }
        }
        return ThemeCatalog(themes: themes, directory: directory, problems: problems)
    }

    /// The themes folder: `explicit` when given, else `$QUORUM_THEMES`, else `themes` in the
    /// current folder, else the first `themes` folder up from the executable.
    public static func locateDirectory(
        explicit: String?, environment: [String: String], currentDirectory: String, executablePath: String
    ) -> String? {
        if let explicit { return explicit }
        if let fromEnvironment = environment["QUORUM_THEMES"], !fromEnvironment.isEmpty { return fromEnvironment }
        var candidates = [(currentDirectory as NSString).appendingPathComponent("themes")]
        var folder = ((executablePath as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
        for _ in 0..<6 where folder.count > 1 {
            candidates.append((folder as NSString).appendingPathComponent("themes"))
            folder = (folder as NSString).deletingLastPathComponent
        }
        return candidates.first { isThemeFolder($0) }
    }

    private static func isThemeFolder(_ path: String) -> Bool {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return files.contains { $0.hasSuffix(".toml") }
    }

    private static func ordered(_ names: [String]) -> [String] {
        names.sorted { a, b in
            let rankA = preferredOrder.firstIndex(of: a) ?? preferredOrder.count
            let rankB = preferredOrder.firstIndex(of: b) ?? preferredOrder.count
            return (rankA, a) < (rankB, b)
        }
    }

    public func theme(named name: String) -> Theme? {
        themes[name]
    }
}
