extension EngineSettings {
    static let tomlKeys = ["kind", "data_dir", "port", "context_size", "threads", "model"]
    static let largestContextSize = 1 << 20

    /// The `[engine]` table; relative paths are resolved against `folder`, `~/` against `home`.
    init(toml reader: TOMLTableReader, folder: String, home: String?) throws(QuorumConfigError) {
        let defaults = EngineSettings()
        let contextSize = try reader.integer("context_size", atLeast: 256) ?? defaults.contextSize
        guard contextSize <= Self.largestContextSize else {
            throw reader.error("context_size", "must be at most \(Self.largestContextSize), found \(contextSize)")
        }
        let threads = try reader.integer("threads", atLeast: 1)
        if let threads, threads > 1024 { throw reader.error("threads", "must be at most 1024, found \(threads)") }
        self.init(
            kind: try reader.choice("kind", Kind.self) ?? defaults.kind,
            dataDirectory: try reader.text("data_dir").map { ConfigPaths.resolve($0, against: folder, home: home) },
            port: try Self.port(reader) ?? defaults.port,
            contextSize: contextSize, threads: threads,
            modelPath: try reader.text("model").map { ConfigPaths.resolve($0, against: folder, home: home) })
    }

    /// `port = "auto"` or a number from 1 to 65535.
    private static func port(_ reader: TOMLTableReader) throws(QuorumConfigError) -> Port? {
        guard reader.contains("port") else { return nil }
        let expected = "expected \"auto\" or a port number from 1 to 65535"
        if let text = try? reader.string("port") {
            guard text == "auto" else { throw reader.error("port", "\(expected), found \"\(text)\"") }
            return .auto
        }
        guard let number = try? reader.integer("port") else { throw reader.error("port", expected) }
        guard (1...65535).contains(number) else { throw reader.error("port", "\(expected), found \(number)") }
        return .fixed(number)
    }
}
