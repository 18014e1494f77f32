extension FilterSubject {
    /// The item as a filter sees it from what the full format holds, with the margin and
    /// fragility cached on its row (what `FilterSQL` compares) and whether it is contested.
    public init(_ item: FullExportItem, margin: Double?, fragility: Double?, contested: Bool = false) {
        let set = item.currentSet
        let candidates = set?.candidates ?? []
        self.init(
            status: item.status, type: item.type, rule: set?.consensus?.rule, margin: margin, fragility: fragility,
            winners: item.chosen.flatMap { chosen in candidates.first { $0.position == chosen }.map { [$0.member] } } ?? [],
            curators: item.decisions.map(\.curator), reasons: item.decisions.compactMap(\.reason), run: item.runID,
            texts: [item.instruction, item.input] + candidates.map(\.text),
            hasNote: item.decisions.contains { $0.note != nil },
            hasEdit: item.decisions.contains { $0.kind == DecisionKind.edit.rawValue }, contested: contested)
    }
}
