/// The `[engine]` table: whether Quorum runs an embedded local LM server for the members
/// that name no `base_url`.
public struct EngineSettings: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The embedded llama.cpp server with the small default model, started on demand.
        case local
        /// Every member names its own endpoint.
        case none
    }

    public var kind: Kind

    public init(kind: Kind = .none) {
        self.kind = kind
    }
}
