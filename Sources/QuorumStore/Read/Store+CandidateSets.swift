import GRDB

extension Store {
    /// Every candidate set the item has had, oldest first, each as the item with that set:
    /// a rerun's before and after.
    public func candidateSets(of itemID: Int64) async throws -> [ItemDetail] {
        try await read { db in
            guard let item = try Item.fetchOne(db, key: itemID) else { throw StoreError.unknownItem(itemID) }
            let sets = try CandidateSet.filter(CandidateSet.Columns.itemID == itemID)
                .order(CandidateSet.Columns.ordinal, CandidateSet.Columns.id).fetchAll(db)
            let candidates = Dictionary(
                grouping: try Candidate.filter(sets.compactMap(\.id).contains(Candidate.Columns.setID))
                    .order(Candidate.Columns.setID, Candidate.Columns.position).fetchAll(db),
                by: \.setID)
            return sets.map { ItemDetail(item: item, candidateSet: $0, candidates: candidates[$0.id!] ?? []) }
        }
    }
}
