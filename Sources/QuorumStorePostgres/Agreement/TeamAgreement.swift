import Foundation
import QuorumStore

/// Per curator: decisions and overrides of the consensus; between curators: Cohen's kappa for
/// each pair on the items both decided, and Krippendorff's alpha over every shared item. A
/// curator's label for an item is their last outcome still in force (undone ones do not
/// count): the candidate taken (accept and override alike), "edit" or "reject".
public struct TeamAgreement: Sendable, Equatable {
    public struct Curator: Sendable, Equatable {
        public var name: String
        public var decisions: Int
        public var overrides: Int
        public var itemsLabelled: Int
    }

    public struct Pair: Sendable, Equatable {
        public var first: String
        public var second: String
        public var sharedItems: Int
        public var kappa: Double?
        /// The items the two labelled differently, ascending: what to look at first.
        public var disagreements: [Int64]
    }

    public var curators: [Curator]
    public var pairs: [Pair]
    public var alpha: Double?

    public init(rows: StoreRows) {
        var byItem: [Int64: [Decision]] = [:]
        var curators: [String: Curator] = [:]
        for row in rows.rows(of: "decisions") {
            guard let decision = Self.decision(row) else { continue }
            byItem[decision.itemID, default: []].append(decision)
            var curator = curators[decision.curator] ?? Curator(name: decision.curator, decisions: 0, overrides: 0, itemsLabelled: 0)
            curator.decisions += 1
            if decision.kind == .override { curator.overrides += 1 }
            curators[decision.curator] = curator
        }
        var labels: [Int64: [String: String]] = [:]
        for (itemID, log) in byItem {
            let active = ItemStateDerivation.activeEventIDs(log)
            for event in log where Self.outcomes.contains(event.kind) && active.contains(event.id ?? -1) {
                labels[itemID, default: [:]][event.curator] = Self.label(event)
            }
        }
        for (_, perCurator) in labels {
            for name in perCurator.keys { curators[name]?.itemsLabelled += 1 }
        }
        let names = curators.keys.sorted()
        var pairs: [Pair] = []
        for (index, first) in names.enumerated() {
            for second in names[(index + 1)...] {
                var shared: [(String, String)] = []
                var disagreements: [Int64] = []
                for itemID in labels.keys.sorted() {
                    guard let a = labels[itemID]?[first], let b = labels[itemID]?[second] else { continue }
                    shared.append((a, b))
                    if a != b { disagreements.append(itemID) }
                }
                guard !shared.isEmpty else { continue }
                pairs.append(Pair(
                    first: first, second: second, sharedItems: shared.count, kappa: AgreementMath.cohensKappa(shared),
                    disagreements: disagreements))
            }
        }
        self.curators = names.compactMap { curators[$0] }
        self.pairs = pairs
        alpha = AgreementMath.krippendorffsAlpha(labels.keys.sorted().map { itemID in
            let perCurator = labels[itemID]!
            return perCurator.keys.sorted().map { perCurator[$0]! }
        })
    }

    private static let outcomes: Set<DecisionKind> = [.accept, .override, .edit, .reject]

    private static func label(_ decision: Decision) -> String {
        switch decision.kind {
        case .accept, .override: return "candidate \(decision.candidate ?? -1)"
        case .edit: return "edit"
        default: return decision.kind.rawValue
        }
    }

    /// The columns of `StoreTableLayout`'s decisions a label needs.
    private static func decision(_ row: [StoreCell]) -> Decision? {
        guard case .integer(let id) = row[0], case .integer(let itemID) = row[1], case .text(let kindText) = row[2],
              let kind = DecisionKind(rawValue: kindText), case .text(let curator) = row[8] else { return nil }
        func integer(_ cell: StoreCell) -> Int64? { if case .integer(let value) = cell { return value } else { return nil } }
        return Decision(
            id: id, itemID: itemID, kind: kind, setID: integer(row[3]), candidate: integer(row[4]).map(Int.init), text: nil,
            reason: nil, targetID: integer(row[7]), curator: curator, at: .distantPast, note: nil, batchID: integer(row[11]))
    }

    /// The lines `quorum stats` adds for a team.
    public var reportLines: [String] {
        var lines = ["curators:"]
        for curator in curators {
            lines.append("  \(curator.name): \(curator.decisions) decisions, \(curator.overrides) overrides of the consensus, \(curator.itemsLabelled) items decided")
        }
        for pair in pairs {
            let kappa = pair.kappa.map { String(format: "%.3f", $0) } ?? "-"
            var line = "  kappa \(pair.first) / \(pair.second): \(kappa) on \(pair.sharedItems) shared items"
            if !pair.disagreements.isEmpty {
                line += "; they differ on items " + pair.disagreements.prefix(10).map(String.init).joined(separator: ", ")
                if pair.disagreements.count > 10 { line += ", …" }
            }
            lines.append(line)
        }
        lines.append("  Krippendorff's alpha over shared items: " + (alpha.map { String(format: "%.3f", $0) } ?? "- (no item decided by two curators)"))
        return lines
    }
}
