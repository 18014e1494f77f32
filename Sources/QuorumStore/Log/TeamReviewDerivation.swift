/// An item's state under a team's policy: what its reviewers' outcomes resolve to.
public struct ReviewedItemState: Sendable, Equatable {
    public var state: DerivedItemState
    /// The curators whose outcome on the current candidate set is in force, in the order they
    /// first gave it.
    public var reviewers: [String]
    /// The reviewers are enough but their outcomes do not resolve under the rule: the item
    /// stays pending and is shown as contested.
    public var contested: Bool
}

/// `ItemStateDerivation` for a team: each curator's last outcome in force on the current set
/// is their review; until `reviewsPerItem` curators have one the item stays pending, then the
/// policy's rule decides it. Two outcomes agree when both reject, or both give the same
/// output text (an accept and an override of the same candidate agree). Under `single` the
/// state is exactly `ItemStateDerivation.derive`'s.
public enum TeamReviewDerivation {
    public static func derive(
        initialSetID: Int64, sets: [Int64: CandidateSetSummary], log: [Decision], policy: TeamPolicy
    ) -> ReviewedItemState {
        let plain = ItemStateDerivation.derive(initialSetID: initialSetID, sets: sets, log: log)
        guard let set = sets[plain.currentSetID] else {
            return ReviewedItemState(state: plain, reviewers: [], contested: false)
        }
        let activeIDs = ItemStateDerivation.activeEventIDs(log)
        var order: [String] = []
        var latest: [String: Decision] = [:]
        for event in log where event.id.map(activeIDs.contains) ?? false {
            guard event.kind.isOutcome, event.setID == set.id, ItemStateDerivation.canTakeEffect(event, on: set)
            else { continue }
            if latest[event.curator] == nil { order.append(event.curator) }
            latest[event.curator] = event
        }
        if policy == .single {
            return ReviewedItemState(state: plain, reviewers: order, contested: false)
        }
        let undecided = ItemStateDerivation.undecidedState(of: set)
        guard order.count >= policy.reviewsPerItem else {
            return ReviewedItemState(state: undecided, reviewers: order, contested: false)
        }
        let reviews = order.map { latest[$0]! }
        guard let outcome = resolve(reviews, policy.resolution, on: set) else {
            return ReviewedItemState(state: undecided, reviewers: order, contested: true)
        }
        return ReviewedItemState(
            state: ItemStateDerivation.state(of: outcome, on: set), reviewers: order, contested: false)
    }

    /// The review that decides, or nil when the rule leaves the reviews contested.
    private static func resolve(
        _ reviews: [Decision], _ resolution: TeamPolicy.Resolution, on set: CandidateSetSummary
    ) -> Decision? {
        let verdicts = reviews.map { verdict(of: $0, on: set) }
        switch resolution {
        case .lead(let name):
            if let review = reviews.last(where: { $0.curator == name }) { return review }
            return Set(verdicts).count == 1 ? latest(of: verdicts[0], reviews, verdicts) : nil
        case .unanimous:
            return Set(verdicts).count == 1 ? latest(of: verdicts[0], reviews, verdicts) : nil
        case .majority:
            var counts: [Verdict: Int] = [:]
            for verdict in verdicts { counts[verdict, default: 0] += 1 }
            guard let (winner, count) = counts.max(by: { $0.value < $1.value }), count * 2 > reviews.count
            else { return nil }
            return latest(of: winner, reviews, verdicts)
        }
    }

    /// The most recent review giving `verdict`: its kind sets the status (accepted or overridden).
    private static func latest(of verdict: Verdict, _ reviews: [Decision], _ verdicts: [Verdict]) -> Decision {
        zip(reviews, verdicts).filter { $0.1 == verdict }.max { ($0.0.id ?? 0) < ($1.0.id ?? 0) }!.0
    }

    private enum Verdict: Hashable {
        case reject
        case output(String)
    }

    private static func verdict(of review: Decision, on set: CandidateSetSummary) -> Verdict {
        guard let output = ItemStateDerivation.state(of: review, on: set).output else { return .reject }
        return .output(output)
    }
}
