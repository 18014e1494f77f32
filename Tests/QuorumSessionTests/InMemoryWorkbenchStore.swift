import Foundation
import QuorumCore
import Synchronization
@testable import QuorumSession
@testable import QuorumStore

/// The workbench's store in memory: items by id, a decision log, statuses derived the simple
/// way (the last decision in force decides). What the runtime is tested against besides the
/// real store.
final class InMemoryWorkbenchStore: WorkbenchStore {
    struct Contents {
        var items: [Int64: ItemDetail] = [:]
        var decisions: [Decision] = []
        var exports: [(path: String, format: ExportFormat)] = []
        var batches: [Int64: [Int64]] = [:]
        var skips: [(itemID: Int64, curator: String)] = []
    }

    let path = "memory"
    let contents: Mutex<Contents>

    init(_ items: [ItemDetail]) {
        contents = Mutex(Contents(items: Dictionary(uniqueKeysWithValues: items.map { ($0.item.id!, $0) })))
    }

    var decisions: [Decision] { contents.withLock { $0.decisions } }

    func status(of id: Int64) -> ItemStatus? { contents.withLock { $0.items[id]?.item.status } }

    func queueListing(
        _ selection: QueueSelection, matching search: TextSearch?, after cursor: ReviewCursor, scanning window: Int,
        limit: Int
    ) async throws -> QueueListingPage {
        let sorted = contents.withLock { $0.items.values.sorted { $0.item.id! < $1.item.id! } }
        let selected = sorted.filter {
            selection.statuses.contains($0.item.status) && selection.order.key(of: $0) > cursor
                && (selection.itemIDs?.contains($0.item.id!) ?? true)
        }
        let scanned = Array(selected.prefix(window))
        let rows = scanned.filter { search?.matches($0) ?? true }.prefix(limit).map(QueueListing.init)
        let through = scanned.last.map { selection.order.key(of: $0) } ?? cursor
        return QueueListingPage(rows: Array(rows), scannedThrough: through, isLast: scanned.count == selected.count)
    }

    func item(_ id: Int64) async throws -> ItemDetail {
        guard let detail = contents.withLock({ $0.items[id] }) else { throw StoreError.unknownItem(id) }
        return detail
    }

    func countsByStatus() async throws -> [ItemStatus: Int] {
        contents.withLock { Dictionary(grouping: $0.items.values, by: \.item.status).mapValues(\.count) }
    }

    func stats(filter: FilterExpression?) async throws -> StoreStats {
        throw StoreError.invalid("the in-memory store keeps no statistics")
    }

    func autoAcceptedCount() async throws -> Int { 0 }

    func spotCheckVerdict(of itemID: Int64) async throws -> ErrorRateEstimate.Verdict? { nil }

    func record(_ action: DecisionAction, on itemID: Int64, curator: String) async throws -> Decision {
        try contents.withLock { contents in
            guard var detail = contents.items[itemID] else { throw StoreError.unknownItem(itemID) }
            var decision = Decision(
                id: Int64(contents.decisions.count + 1), itemID: itemID, kind: action.kind, setID: detail.candidateSet.id,
                candidate: nil, text: nil, reason: nil, targetID: nil, curator: curator, at: Date(), note: nil)
            switch action {
            case .accept: detail.item.status = .accepted
            case .override(let candidate):
                decision.candidate = candidate
                detail.item.status = .overridden
            case .edit(let text, _):
                decision.text = text
                detail.item.status = .edited
                detail.item.output = text
            case .reject(let reason):
                decision.reason = reason
                detail.item.status = .rejected
            case .undo(let target):
                decision.targetID = target
                detail.item.status = .pending
            case .note(let text):
                decision.note = text
            case .rerun:
                throw StoreError.refused("the in-memory store does not rerun")
            }
            contents.items[itemID] = detail
            contents.decisions.append(decision)
            return decision
        }
    }

    func history(of itemID: Int64) async throws -> [LoggedDecision] {
        contents.withLock { contents in
            let undone = Set(contents.decisions.compactMap(\.targetID))
            return contents.decisions.filter { $0.itemID == itemID }
                .map { LoggedDecision(decision: $0, isActive: !undone.contains($0.id!)) }
        }
    }

    /// Only the current set: the in-memory store keeps no earlier ones.
    func candidateSets(of itemID: Int64) async throws -> [ItemDetail] {
        [try await item(itemID)]
    }

    func rejectReasons(limit: Int) async throws -> [String] {
        contents.withLock { contents in
            let reasons = contents.decisions.filter { $0.kind == .reject }.compactMap(\.reason)
            let counts = Dictionary(reasons.map { ($0, 1) }, uniquingKeysWith: +)
            return Array(counts.keys.sorted { (counts[$1]!, $0) < (counts[$0]!, $1) }.prefix(limit))
        }
    }

    func latestUndoableDecision(of itemID: Int64) async throws -> Int64? {
        contents.withLock { contents in
            let undone = Set(contents.decisions.compactMap(\.targetID))
            return contents.decisions.last { $0.itemID == itemID && $0.kind != .undo && !undone.contains($0.id!) }?.id
        }
    }

    func batchTargets(_ selection: QueueSelection, matching search: TextSearch?) async throws -> [Int64] {
        contents.withLock { contents in
            contents.items.values.filter { detail in
                detail.item.status == .pending && selection.statuses.contains(.pending)
                    && (selection.filter?.matches(FilterSubject(detail)) ?? true) && (search?.matches(detail) ?? true)
            }.map { $0.item.id! }.sorted()
        }
    }

    func decideBatch(_ action: DecisionAction, items: [Int64], curator: String) async throws -> BatchOutcome {
        var first: Int64?
        for id in items {
            let decision = try await record(action, on: id, curator: curator)
            if first == nil { first = decision.id }
        }
        contents.withLock { $0.batches[first ?? 0] = items }
        return BatchOutcome(batchID: first, itemIDs: items, skipped: 0)
    }

    func undoBatch(_ batchID: Int64, curator: String) async throws -> BatchOutcome {
        let items = contents.withLock { $0.batches[batchID] ?? [] }
        for id in items { _ = try await record(.undo(decisionID: batchID), on: id, curator: curator) }
        return BatchOutcome(batchID: batchID, itemIDs: items, skipped: 0)
    }

    let holdsRun = false

    func latestItemID() async throws -> Int64 {
        contents.withLock { $0.items.keys.max() ?? 0 }
    }

    /// Adds an item as another process would commit it.
    func add(_ detail: ItemDetail) {
        contents.withLock { $0.items[detail.item.id!] = detail }
    }

    func linkedInstanceRerun(ofUndo decision: Decision) async throws -> Int64? { nil }

    func lastItemDecided(by curator: String) async throws -> Int64? {
        contents.withLock { $0.decisions.last { $0.curator == curator && $0.kind != .undo }?.itemID }
    }

    func skip(_ itemID: Int64, curator: String) async throws {
        contents.withLock { $0.skips.append((itemID, curator)) }
    }

    func export(_ request: ExportRequest, toFile path: String) async throws -> ExportSummary {
        contents.withLock { $0.exports.append((path, request.format)) }
        return ExportSummary(lines: 0, bytes: 0, skippedWithoutOutput: 0)
    }
}

/// Items for the runtime's tests: three candidates each, the consensus choosing candidate 0.
enum SessionFixtures {
    static func item(_ id: Int64, instruction: String) -> ItemDetail {
        let texts = ["Seven is prime.", "Seven is a prime number.", "Seven."]
        let consensus = Consensus.decide(texts)
        let item = Item(
            id: id, runID: 1, type: .b, instruction: instruction, input: "", generator: "falcon-40b", seedIDs: [],
            createdAt: Date(timeIntervalSince1970: 0), status: .pending, output: consensus.choice.map { texts[$0] },
            chosen: consensus.choice, currentSetID: id * 10)
        var set = CandidateSet(id: id * 10, itemID: id, ordinal: 0, createdAt: Date(timeIntervalSince1970: 0))
        set.consensus = consensus
        let candidates = texts.enumerated().map { position, text in
            Candidate(
                id: id * 10 + Int64(position), setID: id * 10, position: position, member: "member-\(position)", text: text,
                promptTokens: nil, completionTokens: nil, latencyMilliseconds: nil, error: nil)
        }
        return ItemDetail(item: item, candidateSet: set, candidates: candidates)
    }

    static func items(_ count: Int) -> [ItemDetail] {
        (1...Int64(count)).map { item($0, instruction: "Name prime number \($0).") }
    }
}
