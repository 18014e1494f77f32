import Foundation
import QuorumCore
import QuorumStore

/// A small dataset that touches every kind of derived state: exact and rouge consensus, a
/// discarded set, a type B item, text with quotes, tabs, newlines and non-ASCII letters.
enum StoreFixture {
    static let jsonl = """
        {"instruction": "Add the numbers.", "input": "2 and 3", "candidates": ["5", "5", "6"], "members": ["gen", "zs", "fs"]}
        {"instruction": "Name a colour.", "input": "", "output": "Blue"}
        {"instruction": "Translate to French: \\"cat\\".", "input": "", "candidates": ["chat", "le chat", "un chat noir"], "members": ["gen", "zs", "fs"]}
        {"instruction": "Summarise.", "input": "Line one\\nLine two\\twith a tab", "candidates": ["Two lines.", "Two lines of text.", "Deux lignes é ü 日本"], "members": ["gen", "zs", "fs"]}
        {"instruction": "Unrelated answers.", "input": "", "candidates": ["alpha", "beta", "gamma"], "members": ["gen", "zs", "fs"]}
        {"instruction": "Pick a number.", "input": "1-10", "candidates": ["7", "seven", "7"], "members": ["gen", "zs", "fs"]}
        {"instruction": "Say hello.", "input": "", "candidates": ["Hello!", "Hi there", "Hello"], "members": ["gen", "zs", "fs"]}
        """

    static let moment = Date(timeIntervalSince1970: 1_764_000_000.125)

    /// The same decisions, in the same order, whichever backend records them.
    enum Step: Sendable {
        case decide(DecisionAction, item: Int64)
        case batch(DecisionAction, items: [Int64])
        case undoBatch(Int64)
    }

    static let steps: [Step] = [
        .decide(.accept, item: 1),
        .decide(.override(candidate: 1), item: 3),
        .decide(.edit(text: "Deux lignes, édité.\n", basedOn: 2), item: 4),
        .decide(.reject(reason: "off topic"), item: 7),
        .decide(.undo(decisionID: 4), item: 7),
        .decide(.accept, item: 7),
        .batch(.accept, items: [2, 6]),
        .undoBatch(7),
        .batch(.reject(reason: "bulk"), items: [6]),
        .decide(.rerun(rerunSet), item: 5),
        .decide(.override(candidate: 2), item: 5),
    ]

    /// A rerun's new set (the item's second), with token counts, latencies and a consensus.
    static let rerunSet: NewCandidateSet = {
        let texts = ["Alpha, again.", "Alpha again", "Gamma, «encore»\tnow"]
        let candidates = [
            NewCandidate(member: "gen", text: texts[0], promptTokens: 120, completionTokens: 4, latencyMilliseconds: 85.5),
            NewCandidate(member: "zs", text: texts[1], promptTokens: 40, completionTokens: 3, latencyMilliseconds: 31.25),
            NewCandidate(member: "fs", text: texts[2]),
        ]
        return NewCandidateSet(candidates: candidates, consensus: Consensus.decide(texts))
    }()

    static let exports: [ExportRequest] = [
        ExportRequest(format: .alpaca, statuses: ItemStatus.allCases),
        ExportRequest(format: .sharegpt, statuses: ItemStatus.allCases),
        ExportRequest(format: .full, statuses: ItemStatus.allCases),
        ExportRequest(format: .alpaca),
    ]
}
