import Foundation
import QuorumCore
import QuorumStore

/// The reader's part of the tour: an item whose consensus choice has 2,000 words, found with
/// `:filter`, opened with `v`, read to its end with `G` and closed, `repeats` times.
extension BenchTUIKey {
    /// The word only the long item's instruction has, for the filter that finds it.
    static let longItemMarker = "benchlongread"
    static let longItemWords = 2_000

    static func readerTour(repeats: Int) -> [BenchTUIKey] {
        // Esc first: the tour may end with a search under way, which the filter would narrow.
        var keys = [BenchTUIKey(kind: .readerFilter, quorum: "Escape", pager: nil)]
            + typed(":filter text ~ \"\(longItemMarker)\"") + [BenchTUIKey(kind: .readerFilter, quorum: "Enter", pager: nil)]
        for _ in 0..<repeats {
            keys += [BenchTUIKey(kind: .readerOpen, quorum: "v", pager: nil),
                     BenchTUIKey(kind: .readerEnd, quorum: "G", pager: nil),
                     BenchTUIKey(kind: .readerClose, quorum: "q", pager: nil)]
        }
        return keys + typed(":filter all") + [BenchTUIKey(kind: .readerFilter, quorum: "Enter", pager: nil)]
    }

    private static func typed(_ text: String) -> [BenchTUIKey] {
        text.map { BenchTUIKey(kind: .typing, quorum: $0 == " " ? "Space" : String($0), pager: nil) }
    }

    /// Adds the long item to the store at `path`: candidate 1, the choice, has `longItemWords` words.
    static func addLongItem(toStoreAt path: String, command: String) async throws {
        let store = try Store.open(at: path, access: .write(command: command))
        defer { try? store.close() }
        let vocabulary = ["river", "stone", "bridge", "mill", "cloud", "field", "harbour", "lantern", "orchard", "meadow"]
        let long = (0..<longItemWords).map { vocabulary[($0 * 7 + $0 / 10) % vocabulary.count] }.joined(separator: " ")
        let texts = ["A short answer.", long, "Another short answer."]
        let consensus = ConsensusResult(
            choice: 1, rule: .rouge, scores: [0.3, 0.5, 0.3], margin: 0.2,
            matrix: [[1, 0.2, 0.1], [0.2, 1, 0.3], [0.1, 0.3, 1]], discard: nil)
        _ = try await store.write { transaction in
            let run = try transaction.beginRun(source: "bench", configJSON: #"{"synthetic": true}"#)
            return try transaction.insertItem(NewItem(
                runID: run.id!, instruction: "Write a long essay (\(longItemMarker)).", input: "",
                candidateSet: NewCandidateSet(
                    candidates: texts.enumerated().map { NewCandidate(member: "m\($0.offset)", text: $0.element) },
                    consensus: consensus)))
        }
    }
}
