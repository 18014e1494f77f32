import QuorumStore

/// Counts what the engine drops during one run into the store's `filter_drops` table. A
/// count that cannot be written (the store is busy or full) is kept and written with the
/// next one, so a failing write costs no drops unless the run ends first.
actor FilterDropLog {
    private let store: Store
    private let runID: Int64
    private var unwritten: [FilterDropKey: Int] = [:]

    init(store: Store, runID: Int64) {
        self.store = store
        self.runID = runID
    }

    func record(_ stage: FilterStage, _ reasons: [FilterReason]) async {
        guard !reasons.isEmpty else { return }
        for reason in reasons {
            unwritten[FilterDropKey(stage: stage, reason: reason.tallyReason), default: 0] += 1
        }
        let batch = unwritten
        unwritten = [:]
        let runID = self.runID
        do {
            try await store.write { try $0.recordFilterDrops(batch, runID: runID) }
        } catch {
            unwritten.merge(batch, uniquingKeysWith: +)
        }
    }
}
