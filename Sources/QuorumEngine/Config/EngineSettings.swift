/// The `[engine]` table: whether Quorum runs an embedded local LM server for the members
/// that name no `base_url`, and how.
public struct EngineSettings: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The embedded llama.cpp server with the small default model, started on demand.
        case local
        /// Every member names its own endpoint.
        case none
    }

    /// The loopback port the embedded server listens on.
    public enum Port: Sendable, Equatable {
        /// A free port picked at each start.
        case auto
        case fixed(Int)
    }

    public var kind: Kind
    /// Where the engine's venv, model, log and state live (absolute); nil: the XDG data home.
    public var dataDirectory: String?
    public var port: Port
    /// The server's context window in tokens (`--n_ctx`).
    public var contextSize: Int
    /// CPU threads for the server; nil: every core.
    public var threads: Int?
    /// A GGUF file to serve instead of the installed model (absolute).
    public var modelPath: String?

    public static let defaultContextSize = 4096

    public init(
        kind: Kind = .none, dataDirectory: String? = nil, port: Port = .auto,
        contextSize: Int = Self.defaultContextSize, threads: Int? = nil, modelPath: String? = nil
    ) {
        self.kind = kind
        self.dataDirectory = dataDirectory
        self.port = port
        self.contextSize = contextSize
        self.threads = threads
        self.modelPath = modelPath
    }
}
