import QuorumStore

/// The `[team]` table: how many curators review each item and the rule that decides its
/// output (`quorum store team` makes it the PostgreSQL store's).
enum TeamConfig {
    static let tomlKeys = ["reviews_per_item", "resolution", "lead"]
    static let resolutions = ["unanimous", "majority", "lead"]

    static func policy(toml reader: TOMLTableReader) throws(QuorumConfigError) -> TeamPolicy {
        let reviews = try reader.integer("reviews_per_item", atLeast: 1) ?? 1
        let lead = try reader.text("lead")
        let resolution: TeamPolicy.Resolution
        switch try reader.text("resolution") ?? "unanimous" {
        case "unanimous": resolution = .unanimous
        case "majority": resolution = .majority
        case "lead":
            guard let lead else {
                throw reader.error("lead", "resolution = \"lead\" needs lead = \"the lead curator's name\"")
            }
            resolution = .lead(lead)
        case let other:
            throw reader.error(
                "resolution", "\"\(other)\" is not a resolution (\(resolutions.map { "\"\($0)\"" }.joined(separator: ", ")))")
        }
        if lead != nil, resolution.lead == nil {
            throw reader.error("lead", "a lead decides only under resolution = \"lead\"")
        }
        return TeamPolicy(reviewsPerItem: reviews, resolution: resolution)
    }
}
