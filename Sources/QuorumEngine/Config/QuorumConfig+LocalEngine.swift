extension QuorumConfig {
    /// Whether any member runs on the embedded engine, which must then be started.
    public var needsLocalEngine: Bool {
        members.contains(where: \.usesLocalEngine)
    }

    /// How many requests the members on the embedded engine can have in flight at once (their
    /// `max_concurrency` summed): the server gets one slot for each, so none waits for another.
    public var localEngineSlots: Int {
        max(1, members.filter(\.usesLocalEngine).map(\.maxConcurrency).reduce(0, +))
    }

    /// The slots of the configuration `quorum init` writes, for an engine started without one.
    public static var defaultLocalEngineSlots: Int {
        (try? QuorumConfigLoader.parse(QuorumConfigTemplate.text, file: "quorum.toml", folder: "/"))?.localEngineSlots
            ?? 1
    }

    /// This configuration with the embedded engine's endpoint (up to and including `/v1`)
    /// filled in for the members that run on it.
    public func placingLocalMembers(at baseURL: String) -> QuorumConfig {
        var placed = self
        for index in placed.members.indices where placed.members[index].usesLocalEngine {
            placed.members[index].baseURL = baseURL
        }
        return placed
    }
}
