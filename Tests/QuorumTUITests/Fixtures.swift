import Foundation
import QuorumCore
@testable import QuorumStore
@testable import QuorumTUI

/// Items and states built without a store, deterministic down to the consensus.
enum Fixtures {
    static let date = Date(timeIntervalSince1970: 1_700_000_000)
    static let members = ["falcon-40b", "flan-t5-xxl", "flan-ul2"]

    static func detail(
        _ id: Int64, instruction: String, input: String = "", texts: [String], members: [String]? = nil,
        status: ItemStatus? = nil, chosen: Int? = nil, output: String? = nil, consensus: ConsensusResult? = nil,
        streaming: Bool = false, errors: [Int: String] = [:], ordinal: Int = 0
    ) -> ItemDetail {
        let result = streaming ? nil : (consensus ?? Consensus.decide(texts))
        let derived = status ?? (result == nil ? .streaming : (result!.choice == nil ? .discarded : .pending))
        let names = members ?? texts.indices.map { Self.members[$0 % Self.members.count] }
        let setID = id * 10
        let item = Item(
            id: id, runID: 1, type: ItemType(input: input), instruction: instruction, input: input,
            generator: "falcon-40b", seedIDs: ["seed-3", "seed-17"], createdAt: date, status: derived,
            output: output ?? chosen.map { texts[$0] } ?? result?.choice.map { texts[$0] }, chosen: chosen ?? result?.choice,
            currentSetID: setID)
        var set = CandidateSet(id: setID, itemID: id, ordinal: ordinal, createdAt: date)
        set.consensus = result
        let candidates = texts.enumerated().map { position, text in
            Candidate(
                id: setID + Int64(position), setID: setID, position: position, member: names[position], text: text,
                promptTokens: nil, completionTokens: nil, latencyMilliseconds: nil, error: errors[position])
        }
        return ItemDetail(item: item, candidateSet: set, candidates: candidates)
    }

    /// Three members that mostly agree: candidate 0 wins, 2 shares a few words.
    static let healthy = detail(
        1, instruction: "Give three tips for staying healthy.",
        texts: [
            "Eat a balanced diet, exercise every day and sleep at least seven hours.",
            "Exercise every day, eat a balanced diet and drink plenty of water.",
            "Sleep well and walk every day.",
        ])

    static let translation = detail(
        2, instruction: "Translate the sentence into French.", input: "The house is red.",
        texts: ["La maison est rouge.", "La maison est rouge.", "Maison rouge."])

    static let wide = detail(
        3, instruction: "用中文写一句问候语 😀 and say héllo (e\u{301})",
        texts: ["你好，世界！hello", "早上好 👋 hello", "👨‍👩‍👧 family hello"])

    static let hostile = detail(
        4, instruction: "Print \u{1B}[31mRED\u{1B}[0m then ring\u{07} and\rreturn",
        input: "tab\there, DEL\u{7F}, C1\u{9B}2J, bidi \u{202E}evil\u{202C}",
        texts: ["\u{1B}]0;pwned\u{07} title", "clean answer text", "\u{1B}[2J cleared screen"])

    static let discarded = detail(
        5, instruction: "Name a prime number.", texts: ["Seven.", "The sky is blue today.", "Quantum chromodynamics"])

    static let fragile = detail(
        6, instruction: "Summarise the plot of Hamlet in one sentence.",
        texts: [
            "A prince avenges his father's murder by his uncle.",
            "Prince Hamlet seeks revenge on his uncle for killing his father.",
            "Hamlet avenges his father, and almost everyone dies.",
        ])

    static let accepted = detail(7, instruction: "List the primary colours.", texts: ["Red, yellow and blue.", "Red, blue and yellow.", "Red and blue."], status: .accepted, chosen: 0)
    static let rejected = detail(8, instruction: "Describe a picture.", texts: ["A cat.", "A dog.", "A cat on a mat."], status: .rejected)
    static let edited = detail(9, instruction: "Write a haiku about rain.", texts: ["Rain falls on the roof", "Drops of rain", "Grey sky weeps"], status: .edited, output: "Soft rain on the roof,\nthe gutter hums its one note —\nnight keeps the tempo.")
    static let failing = detail(10, instruction: "What is 2 + 2?", texts: ["4", "", "Four"], errors: [1: "timed out after 120 s"])

    static var queue: [ItemDetail] {
        [healthy, translation, wide, hostile, discarded, fragile, accepted, rejected, edited, failing]
    }

    static func counts(_ items: [ItemDetail]) -> StatusCounts {
        var counts = StatusCounts()
        for item in items { counts[item.item.status] += 1 }
        return counts
    }

    /// A state with `items` loaded as one last page, counted, the cursor on `cursor`.
    static func state(
        _ size: Size = Size(width: 120, height: 40), items: [ItemDetail] = queue, cursor: Int = 0,
        filter: QueueFilter = .all, exhausted: Bool = true
    ) -> WorkbenchState {
        var state = WorkbenchState(viewport: size, themeNames: ["dark", "light", "high-contrast"])
        state.queue.query.filter = filter
        _ = Workbench.start(&state)
        let page = QueuePage(generation: 0, items: items, readThrough: .id(items.last?.item.id ?? 0), isLast: exhausted)
        _ = Workbench.reduce(&state, .pageLoaded(page))
        _ = Workbench.reduce(&state, .countsLoaded(counts(items)))
        _ = Workbench.moveCursor(to: cursor, &state)
        return state
    }

    static func index(of id: Int64, in items: [ItemDetail] = queue) -> Int {
        items.firstIndex { $0.item.id == id }!
    }
}
