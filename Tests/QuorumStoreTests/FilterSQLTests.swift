import GRDB
import QuorumCore
import XCTest
@testable import QuorumStore

/// The filter's SQL and its in-memory matcher agree, item by item, on random stores.
final class FilterSQLTests: StoreTestCase {
    private let filters = [
        "status = pending", "status != accepted,rejected", "type = a", "rule = exact", "not rule = exact",
        "margin < 0.3", "not margin < 0.3", "margin >= 0.3 or rule = exact", "member = m1", "member != m1",
        "curator = ann", "curator ~ AN", "reason ~ \"short\"", "has:note", "has:edit", "not has:edit",
        "text ~ apple", "text ~ \"Å\"", "run = 1", "status = accepted and (curator = bob or not margin > 0.1)",
        "curator ~ \"\"", "reason ~ \"\"", "member ~ \"\"", "reason ~ short,", "contested", "not contested",
    ]

    func testSQLAndMemoryAgreeOnRandomItems() async throws {
        let (store, ids) = try await storeWithItems(40, choice: nil)
        var random = SeededRandom(seed: 11)
        for id in ids where random.next() % 3 != 0 {
            let curator = ["ann", "bob"][Int(random.next() % 2)]
            let action: DecisionAction = switch random.next() % 4 {
            case 0: .accept
            case 1: .reject(reason: "too short")
            case 2: .edit(text: "An apple.", basedOn: nil)
            default: .override(candidate: 1)
            }
            _ = try? await store.write { try $0.append(action, to: id, curator: curator) }
        }
        // A team's store marks items contested; a mirror or copy of it keeps the marks.
        let contested = Set(ids.filter { $0 % 5 == 2 })
        try await store.write { transaction in
            try transaction.db.execute(
                sql: "UPDATE items SET contested = 1 WHERE id IN (\(contested.map(String.init).joined(separator: ", ")))")
        }
        var subjects: [Int64: FilterSubject] = [:]
        for id in ids {
            let detail = try await store.item(id)
            let history = try await store.history(of: id).map(\.decision)
            subjects[id] = FilterSubject(
                status: detail.item.status.rawValue, type: detail.item.type.rawValue,
                rule: detail.candidateSet.consensusRule?.rawValue, margin: detail.candidateSet.consensusMargin,
                winners: detail.item.chosen.map { [detail.candidates[$0].member] } ?? [],
                curators: history.map(\.curator), reasons: history.compactMap(\.reason), run: detail.item.runID,
                texts: [detail.item.instruction, detail.item.input] + detail.candidates.map(\.text),
                hasNote: history.contains { $0.note != nil }, hasEdit: history.contains { $0.kind == .edit },
                contested: contested.contains(id))
        }
        var sizes: Set<Int> = []
        for filter in filters {
            let expression = try FilterExpression.parse(filter)
            let (sql, arguments) = FilterSQL(alias: "i").condition(expression)
            let matched = try await rawQuery(store) { db in
                try Int64.fetchAll(db, sql: "SELECT i.id FROM items i WHERE \(sql) ORDER BY i.id", arguments: arguments)
            }
            let expected = ids.filter { expression.matches(subjects[$0]!) }
            XCTAssertEqual(matched, expected, filter)
            sizes.insert(matched.count)
        }
        XCTAssertGreaterThan(sizes.count, 5, "the filters select different items: \(sizes.sorted())")
    }
}
