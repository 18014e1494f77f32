import Foundation
import GRDB
import QuorumCore
import QuorumJSON

/// `stats()` computed item by item from whole items (a PostgreSQL store's direct read), to
/// the same figures SQLite's queries give: `BackendParityTests` holds the two together. Each
/// part below names the query of `Store+Stats.swift` and `Store+StatsInsight.swift` it matches.
public struct StatsAccumulator: Sendable {
    private var counts: [String: [String: Int]] = [:]
    private var items = 0
    private var decisions = 0
    private var members: [String: MemberStats] = [:]
    private var confusion: [String: [String: Int]] = [:]
    private var maximumMargin: Double?
    /// Kept until the end: their bins' width is a tenth of the largest.
    private var margins: [Double] = []
    private var fragilityBins = Array(repeating: 0, count: 10)
    private var rouge = Array(repeating: 0, count: 10)
    private var words = Array(repeating: 0, count: Store.wordEdges.count - 1)
    private var rejections: [String: Int] = [:]
    private var discards: [String: Int] = [:]
    private var log: [CuratorEvent] = []
    private var skips: [String: Int] = [:]

    private struct CuratorEvent: Sendable {
        var id: Int64
        var curator: String
        var kind: DecisionKind?
        var tookChoice: Bool
        var at: Date
    }

    public init() {
        for type in ItemType.allCases {
            counts[type.rawValue] = Dictionary(uniqueKeysWithValues: ItemStatus.allCases.map { ($0.rawValue, 0) })
        }
    }

    /// Adds one item in scope; `fragility` is its row's cached fragility.
    public mutating func add(_ item: FullExportItem, fragility: Double?) {
        items += 1
        decisions += item.decisions.count
        counts[item.type, default: [:]][item.status, default: 0] += 1
        let undone = Set(item.decisions.filter { $0.kind == DecisionKind.undo.rawValue }.compactMap(\.targetID))
        addLog(item)
        addRejections(item, undone: undone)
        guard let set = item.currentSet else { return }
        for candidate in set.candidates { words[Self.wordBin(candidate.text)] += 1 }
        if item.status == ItemStatus.discarded.rawValue { discards[set.consensus?.discard ?? "(none)", default: 0] += 1 }
        guard let consensus = set.consensus else { return }
        let humanDecided = item.decisions.contains { decision in
            decision.setID == set.id && decision.curator != Store.autoCurator && !undone.contains(decision.id)
                && DecisionKind(rawValue: decision.kind)?.isOutcome == true
        }
        addMembers(item, set, consensus, humanDecided: humanDecided)
        if let matrix = consensus.matrix { addRouge(matrix) }
        guard let choice = consensus.choice else { return }
        addAgreement(item, choice: choice, humanDecided: humanDecided)
        maximumMargin = max(maximumMargin ?? -.infinity, consensus.margin ?? -.infinity)
        if let margin = consensus.margin { margins.append(margin) }
        if let fragility { fragilityBins[Self.clampedBin(fragility * 10)] += 1 }
    }

    /// Adds a skip of an item in scope.
    public mutating func addSkip(curator: String) {
        guard curator != Store.autoCurator else { return }
        skips[curator, default: 0] += 1
    }

    public func stats(filterDrops: [FilterDropCount]) -> StoreStats {
        let ordered = members.values.sorted { Self.bytewise($0.member, $1.member) }
        var stats = StoreStats(items: items, decisions: decisions, counts: counts, members: ordered, curatorAgreement: nil)
        stats.agreement = CuratorAgreement(confusion: confusion)
        stats.curators = curatorStats()
        stats.distributions = distributions()
        stats.rejectionReasons = Array(Self.ranked(rejections).prefix(20))
        stats.discardReasons = Self.ranked(discards)
        stats.filterDrops = filterDrops
        let curated = ItemStatus.curated.reduce(0) { $0 + stats.count(status: $1) }
        if curated > 0 { stats.curatorAgreement = Double(stats.count(status: .accepted)) / Double(curated) }
        return stats
    }

    /// The members query and `memberOverrides`: each candidate of a current set with a consensus.
    private mutating func addMembers(
        _ item: FullExportItem, _ set: FullExportItem.SetEntry, _ consensus: FullExportItem.ConsensusEntry, humanDecided: Bool
    ) {
        let status = ItemStatus(rawValue: item.status)
        let winner = set.candidates.first { $0.position == consensus.choice }?.text
        for candidate in set.candidates {
            var member = members[candidate.member]
                ?? MemberStats(member: candidate.member, candidates: 0, consensusWins: 0, curatedItems: 0, curatorPicks: 0)
            let won = consensus.choice == candidate.position
            member.candidates += 1
            if won || (candidate.error == nil && winner.map { SharedWin.same(candidate.text, $0) } == true) {
                member.consensusWins += 1
            }
            if [.accepted, .overridden, .edited].contains(status) { member.curatedItems += 1 }
            if [.accepted, .overridden].contains(status) && item.chosen == candidate.position { member.curatorPicks += 1 }
            if won && humanDecided {
                if [.accepted, .overridden, .edited, .rejected].contains(status) { member.humanDecidedWins += 1 }
                if [.edited, .rejected].contains(status) || (status == .overridden && item.chosen != consensus.choice) {
                    member.overriddenWins += 1
                }
            }
            if status == .discarded { member.discardedSets += 1 }
            members[candidate.member] = member
        }
    }

    /// `curatorAgreement`: human-decided items with a consensus choice.
    private mutating func addAgreement(_ item: FullExportItem, choice: Int64, humanDecided: Bool) {
        let status = ItemStatus(rawValue: item.status)
        guard humanDecided, [.accepted, .overridden, .edited, .rejected].contains(status) else { return }
        let taken: Int64? = switch status {
        case .accepted: choice
        case .overridden: item.chosen
        default: nil
        }
        confusion[taken.map { String($0) } ?? CuratorAgreement.editedOrRejected, default: [:]][String(choice), default: 0] += 1
    }

    /// `distributions`' pairwise Rouge-L: the matrix above its diagonal.
    private mutating func addRouge(_ matrix: String) {
        guard case .array(let rows)? = try? JSONParser.parse(Array(matrix.utf8)) else { return }
        for (row, value) in rows.enumerated() {
            guard case .array(let cells) = value else { continue }
            for (column, cell) in cells.enumerated() where row < column {
                if case .number(let score) = cell { rouge[Self.clampedBin(score * 10)] += 1 }
            }
        }
    }

    /// `curatorStats`' log rows: every human's decision, kept to be counted in id order.
    private mutating func addLog(_ item: FullExportItem) {
        for decision in item.decisions where decision.curator != Store.autoCurator {
            let choice = decision.setID.flatMap { setID in item.sets.first { $0.id == setID } }?.consensus?.choice
            log.append(CuratorEvent(
                id: decision.id, curator: decision.curator, kind: DecisionKind(rawValue: decision.kind),
                tookChoice: decision.candidate != nil && decision.candidate == choice,
                at: Date.fromDatabaseValue(decision.at.databaseValue) ?? .distantPast))
        }
    }

    /// `reasons`' rejections in force, an instance rerun's grouped as one.
    private mutating func addRejections(_ item: FullExportItem, undone: Set<Int64>) {
        for decision in item.decisions where decision.kind == DecisionKind.reject.rawValue && !undone.contains(decision.id) {
            let reason = decision.reason ?? "", trimmed = Self.trimmingSpaces(reason)
            let grouped = reason.lowercased().hasPrefix(InstanceRerunLink.replacedPrefix)
                ? InstanceRerunLink.replacedPrefix + "…"
                : trimmed.isEmpty ? "(no reason)" : trimmed
            rejections[grouped, default: 0] += 1
        }
    }

    private func curatorStats() -> [CuratorStats] {
        var byName: [String: CuratorStats] = [:]
        var lastAt: [String: Date] = [:]
        for event in log.sorted(by: { $0.id < $1.id }) {
            var stats = byName[event.curator] ?? CuratorStats(curator: event.curator)
            stats.count(event.kind, tookChoice: event.tookChoice, at: event.at, previous: lastAt[event.curator])
            lastAt[event.curator] = event.at
            byName[event.curator] = stats
        }
        for (name, count) in skips { byName[name, default: CuratorStats(curator: name)].skipped = count }
        return byName.values.sorted { $0.curator < $1.curator }
    }

    private func distributions() -> StatsDistributions {
        let maximum = maximumMargin.flatMap { $0.isFinite ? $0 : nil } ?? 0
        let width = maximum > 0 ? maximum / 10 : 0.1
        var marginCounts = Array(repeating: 0, count: 10)
        for margin in margins { marginCounts[Self.clampedBin(margin / width)] += 1 }
        let tenths = (0...10).map { Double($0) / 10 }
        return StatsDistributions(
            margin: Distribution(edges: (0...10).map { Double($0) * width }, counts: marginCounts),
            fragility: Distribution(edges: tenths, counts: fragilityBins),
            pairwiseRougeL: Distribution(edges: tenths, counts: rouge),
            outputWords: Distribution(edges: Store.wordEdges, counts: words))
    }

    /// SQL's `MIN(CAST(value AS INTEGER), 9)` (a cast truncates toward zero), kept in 0...9.
    private static func clampedBin(_ value: Double) -> Int {
        guard value.isFinite else { return value > 0 ? 9 : 0 }
        return min(max(Int(value.rounded(.towardZero)), 0), 9)
    }

    private static func wordBin(_ text: String) -> Int {
        var text = text
        let count = text.withUTF8 { Store.wordCount($0) }
        let bin = Store.wordEdges.lastIndex { $0 <= Double(count) } ?? 0
        return min(bin, Store.wordEdges.count - 2)
    }

    /// SQL's `TRIM`, which takes off spaces only.
    private static func trimmingSpaces(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }), let last = scalars.lastIndex(where: { $0 != " " }) else {
            return ""
        }
        return String(scalars[first...last])
    }

    /// Most frequent first, then in byte order (SQLite's BINARY comparison).
    private static func ranked(_ counts: [String: Int]) -> [ReasonCount] {
        counts.map { ReasonCount(reason: $0.key, count: $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : bytewise($0.reason, $1.reason)
        }
    }

    private static func bytewise(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}
