extension QuorumConfig {
    /// The one place a configuration becomes clients: one per member, in the members' order;
    /// members without a base_url talk to the embedded engine at `localEngineURL`.
    public func languageModels(localEngineURL: String? = nil) -> [OpenAICompatibleModel] {
        let placed = localEngineURL.map(placingLocalMembers(at:)) ?? self
        return placed.members.map { OpenAICompatibleModel(member: $0) }
    }
}
