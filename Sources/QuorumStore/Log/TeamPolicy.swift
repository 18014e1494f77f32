/// How many curators review each item before it counts as curated, and the rule that turns
/// their outcomes into the dataset's (`[team]` in quorum.toml; a PostgreSQL store keeps the
/// one its team follows).
public struct TeamPolicy: Sendable, Equatable, CustomStringConvertible {
    public enum Resolution: Sendable, Equatable {
        /// Every reviewer's outcome is the same; else the item is contested.
        case unanimous
        /// More than half of the reviewers share an outcome; else the item is contested.
        case majority
        /// The named curator's outcome decides; without it, the reviewers must agree, else the
        /// item is contested until the lead decides it.
        case lead(String)

        public var name: String {
            switch self {
            case .unanimous: return "unanimous"
            case .majority: return "majority"
            case .lead: return "lead"
            }
        }

        public var lead: String? {
            if case .lead(let name) = self { return name }
            return nil
        }
    }

    public var reviewsPerItem: Int
    public var resolution: Resolution

    public init(reviewsPerItem: Int, resolution: Resolution) {
        self.reviewsPerItem = reviewsPerItem
        self.resolution = resolution
    }

    /// One review per item, the last outcome in force decides: the single curator's store.
    public static let single = TeamPolicy(reviewsPerItem: 1, resolution: .unanimous)

    public var description: String {
        var text = "reviews_per_item = \(reviewsPerItem), resolution = \"\(resolution.name)\""
        if let lead = resolution.lead { text += ", lead = \"\(lead)\"" }
        return text
    }
}
