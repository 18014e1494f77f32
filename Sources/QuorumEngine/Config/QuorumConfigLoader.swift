import Foundation
import TOMLKit

/// Reads `quorum.toml` into a validated `QuorumConfig`. The first problem found stops the load
/// with a `QuorumConfigError` that names the file, the key and, when it can be traced, the line.
public enum QuorumConfigLoader {
    public static let defaultFileName = "quorum.toml"
    static let defaultSeeds = "seeds/seed_tasks.jsonl"
    static let defaultStore = "quorum.sqlite"
    static let topLevelKeys = ["seeds", "store", "curator", "engine", "roles", "filters", "generation", "workbench", "team", "members"]

    /// Loads the file at `path`; relative `seeds` and `store` paths are resolved against its folder.
    public static func load(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(QuorumConfigError) -> QuorumConfig {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.contents(of: path)
        } catch {
            throw QuorumConfigError(file: path, message: error.message)
        }
        if let offset = FileBytes.firstInvalidUTF8Byte(in: bytes) {
            throw QuorumConfigError(file: path, message: "not valid UTF-8 (byte \(offset))")
        }
        return try parse(
            String(decoding: bytes, as: UTF8.self), file: path, folder: ConfigPaths.folder(of: path),
            environment: environment)
    }

    /// Parses TOML `text`; `file` names it in errors and relative paths are resolved against `folder`.
    public static func parse(
        _ text: String, file: String, folder: String, environment: [String: String] = [:]
    ) throws(QuorumConfigError) -> QuorumConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw QuorumConfigError(
                file: file, line: error.source.begin.line, column: error.source.begin.column,
                message: "TOML syntax error: \(error.description)")
        } catch {
            throw QuorumConfigError(file: file, message: "TOML syntax error: \(error)")
        }
        let source = ConfigSource(file: file, locator: TOMLLineLocator(source: text))
        let root = try TOMLTableReader(table, at: .root, allowedKeys: topLevelKeys, source: source)

        let home = environment["HOME"]
        let engine = try root.table("engine", allowedKeys: EngineSettings.tomlKeys)
            .map { reader throws(QuorumConfigError) in try EngineSettings(toml: reader, folder: folder, home: home) }
            ?? EngineSettings()
        let members = try readMembers(root, engine: engine)
        let roles = try Roles(
            toml: root.table("roles", allowedKeys: Roles.tomlKeys), at: TOMLKeyPath.root.appending("roles"),
            members: members, source: source)
        return QuorumConfig(
            members: members, roles: roles,
            filters: try root.table("filters", allowedKeys: FilterConfig.tomlKeys).map(FilterConfig.init(toml:))
                ?? FilterConfig(),
            generation: try root.table("generation", allowedKeys: GenerationConfig.tomlKeys)
                .map(GenerationConfig.init(toml:)) ?? GenerationConfig(),
            seedsPath: ConfigPaths.resolve(try root.text("seeds") ?? defaultSeeds, against: folder, home: home),
            storePath: ConfigPaths.resolveStore(try root.text("store") ?? defaultStore, against: folder, home: home),
            curator: try root.text("curator"), engine: engine,
            workbench: try root.table("workbench", allowedKeys: WorkbenchConfig.tomlKeys)
                .map { reader throws(QuorumConfigError) in try WorkbenchConfig(toml: reader, folder: folder, home: home) }
                ?? WorkbenchConfig(),
            team: try root.table("team", allowedKeys: TeamConfig.tomlKeys).map(TeamConfig.policy(toml:)))
    }

    private static func readMembers(_ root: TOMLTableReader, engine: EngineSettings) throws(QuorumConfigError)
        -> [MemberConfig]
    {
        let tables = try root.arrayOfTables("members", allowedKeys: MemberConfig.tomlKeys) ?? []
        guard !tables.isEmpty else {
            throw root.error(nil, "no ensemble members: add at least one [[members]] table")
        }
        var members: [MemberConfig] = []
        for reader in tables {
            let member = try MemberConfig(toml: reader, engine: engine)
            if let first = members.firstIndex(where: { $0.name == member.name }) {
                throw reader.error("name", "\"\(member.name)\" is already the name of members[\(first)]")
            }
            members.append(member)
        }
        return members
    }
}
