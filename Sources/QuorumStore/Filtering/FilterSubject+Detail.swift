extension FilterSubject {
    /// The item as a filter sees it, from its detail and its decision log (empty for an item
    /// just stored by the engine).
    public init(_ detail: ItemDetail, history: [Decision] = []) {
        let set = detail.candidateSet
        self.init(
            status: detail.item.status.rawValue, type: detail.item.type.rawValue, rule: set.consensusRule?.rawValue,
            margin: set.consensusMargin, fragility: set.consensus?.fragility,
            winners: detail.item.chosen.flatMap { chosen in detail.candidates.first { $0.position == chosen }.map { [$0.member] } } ?? [],
            curators: history.map(\.curator), reasons: history.compactMap(\.reason), run: detail.item.runID,
            texts: [detail.item.instruction, detail.item.input] + detail.candidates.map(\.text),
            hasNote: history.contains { $0.note != nil }, hasEdit: history.contains { $0.kind == .edit })
    }
}
