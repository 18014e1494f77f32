import QuorumCore
@testable import QuorumStore
@testable import QuorumTUI

/// Items for the reader's tests: long near-identical candidates, wide text, hostile text.
enum ReaderFixtures {
    static let paragraph = "The river runs past the old mill, under the stone bridge and out to the grey sea. "

    /// Candidate 0 is the choice; 1 differs from it in a few words; 2 is CJK, emoji and a very long word.
    static let long = Fixtures.detail(
        2, instruction: "Describe the river's path from the hills to the sea, in several paragraphs.",
        input: "A river in the north of the country.",
        texts: [
            String(repeating: paragraph, count: 30) + "\nIt ends in the estuary.",
            String(repeating: paragraph, count: 5) + "The brook runs past the new mill, under the stone bridge and out to the grey sea. "
                + String(repeating: paragraph, count: 24) + "\nIt ends at the estuary, wide and slow.",
            "河流从山上流下 😀 穿过老磨坊 🌊 到达大海。" + String(repeating: "x", count: 300) + " the river ends.",
        ],
        consensus: ConsensusResult(
            choice: 0, rule: .rouge, scores: [1.9, 1.8, 0.2], margin: 0.1,
            matrix: [[1, 0.95, 0.1], [0.95, 1, 0.1], [0.1, 0.1, 1]], discard: nil))

    static var queue: [ItemDetail] { [Fixtures.healthy, long, Fixtures.wide, Fixtures.hostile] }

    /// A state with `queue` loaded, the cursor on `item`, the reader open.
    static func reading(_ item: Int64 = 2, size: Size, markers: Bool = false) -> WorkbenchState {
        var state = Fixtures.state(size, items: queue, cursor: Fixtures.index(of: item, in: queue))
        state.settings.marksChangesInText = markers
        _ = Workbench.reduce(&state, .key(.character("v")))
        return state
    }

    static func reader(_ state: WorkbenchState) -> ReaderView? {
        if case .reader(let view) = state.overlay { return view }
        return nil
    }
}
