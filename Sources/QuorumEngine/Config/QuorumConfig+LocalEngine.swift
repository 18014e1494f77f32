extension QuorumConfig {
    /// Whether any member runs on the embedded engine, which must then be started.
    public var needsLocalEngine: Bool {
        members.contains(where: \.usesLocalEngine)
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
