import Foundation
import GRDB
import QuorumCore

/// Every write to a store goes through one of these, inside one SQLite transaction, so the
/// cached item state is always rewritten together with the rows it is derived from.
public struct StoreTransaction {
    let db: Database

    init(db: Database) {
        self.db = db
    }

    /// Records a run; secrets in `configJSON` are redacted before it is stored.
    public func beginRun(source: String, configJSON: String, at date: Date = Date()) throws -> Run {
        let snapshot = try ConfigSnapshot.redacted(configJSON)
        let run = Run(
            id: nil, startedAt: date, source: source, configJSON: snapshot,
            configHash: ConfigHash.hex(of: Array(snapshot.utf8)))
        return try run.inserted(db)
    }

    public func insertItem(_ new: NewItem) throws -> Item {
        try atomically {
            guard !new.instruction.allSatisfy(\.isWhitespace) else {
                throw StoreError.invalid("an item needs a non-empty instruction")
            }
            var item = Item(
                id: nil, runID: new.runID, type: new.type, instruction: new.instruction, input: new.input,
                generator: new.generator, seedIDs: new.seedIDs, createdAt: new.createdAt, status: .streaming,
                output: nil, chosen: nil, currentSetID: nil)
            item.id = try insertRow(item)
            let set = try insertCandidateSet(new.candidateSet, itemID: item.id!, ordinal: 0, at: new.createdAt)
            let summary = CandidateSetSummary(id: set.id!, new.candidateSet)
            let state = ItemStateDerivation.derive(initialSetID: set.id!, sets: [set.id!: summary], log: [])
            try writeCachedState(state, of: item.id!)
            item.apply(state)
            return item
        }
    }

    /// Adds the next candidate to a streaming set.
    public func addCandidate(_ candidate: NewCandidate, toSet setID: Int64) throws -> Candidate {
        try atomically {
            let set = try candidateSet(setID)
            guard set.consensusRule == nil else {
                throw StoreError.refused("candidate set \(setID) already has its consensus; rerun to change candidates")
            }
            let position = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM candidates WHERE set_id = ?", arguments: [setID]) ?? 0
            let inserted = try insertCandidate(candidate, setID: setID, position: position)
            _ = try writeDerivedState(of: set.itemID)
            return inserted
        }
    }

    /// Closes a streaming set with its consensus.
    public func recordConsensus(_ consensus: ConsensusResult, forSet setID: Int64) throws {
        try atomically {
            var set = try candidateSet(setID)
            guard set.consensusRule == nil else {
                throw StoreError.refused("candidate set \(setID) already has its consensus")
            }
            let count = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM candidates WHERE set_id = ?", arguments: [setID]) ?? 0
            try Self.validate(consensus, candidateCount: count)
            set.consensus = consensus
            try set.update(db)
            _ = try writeDerivedState(of: set.itemID)
        }
    }

    /// Runs `body` in a savepoint, so a step that fails leaves nothing behind even when the
    /// caller catches the error and goes on with the rest of the transaction.
    func atomically<T>(_ body: () throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body()
            return .commit
        }
        return result!
    }

    func candidateSet(_ id: Int64) throws -> CandidateSet {
        guard let set = try CandidateSet.fetchOne(db, key: id) else { throw StoreError.unknownCandidateSet(id) }
        return set
    }

    func insertCandidateSet(_ new: NewCandidateSet, itemID: Int64, ordinal: Int, at date: Date) throws -> CandidateSet {
        if let consensus = new.consensus {
            try Self.validate(consensus, candidateCount: new.candidates.count)
        }
        var set = CandidateSet(id: nil, itemID: itemID, ordinal: ordinal, createdAt: date)
        set.consensus = new.consensus
        set.id = try insertRow(set)
        for (position, candidate) in new.candidates.enumerated() {
            _ = try insertCandidate(candidate, setID: set.id!, position: position)
        }
        return set
    }

    private func insertCandidate(_ new: NewCandidate, setID: Int64, position: Int) throws -> Candidate {
        var candidate = Candidate(
            id: nil, setID: setID, position: position, member: new.member, text: new.text,
            promptTokens: new.promptTokens, completionTokens: new.completionTokens,
            latencyMilliseconds: new.latencyMilliseconds, error: new.error)
        candidate.id = try insertRow(candidate)
        return candidate
    }

    static func validate(_ consensus: ConsensusResult, candidateCount count: Int) throws {
        if let choice = consensus.choice, !(0..<count).contains(choice) {
            throw StoreError.invalid("consensus choice \(choice) is not one of the \(count) candidates")
        }
        if !consensus.scores.isEmpty, consensus.scores.count != count {
            throw StoreError.invalid("consensus has \(consensus.scores.count) scores for \(count) candidates")
        }
        if !consensus.matrix.isEmpty, consensus.matrix.count != count || consensus.matrix.contains(where: { $0.count != count }) {
            throw StoreError.invalid("consensus matrix is not \(count)×\(count)")
        }
    }
}
