import Foundation
import GRDB
import QuorumCore
import QuorumTestSupport
import XCTest
@testable import QuorumStore

/// A fresh temporary folder per test, with helpers for the stores made in it.
class StoreTestCase: TemporaryFolderTestCase {
    /// A store file as an older release wrote it: the schema migrated up to `migration`, then
    /// `sql` run in one transaction. Returns its path.
    func olderStore(_ name: String, upTo migration: String, _ sql: String) async throws -> String {
        let target = path(name)
        let queue = try DatabaseQueue(path: target)
        try await queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = WAL") }
        try StoreSchema.migrator.migrate(queue, upTo: migration)
        try await queue.write { try $0.execute(sql: sql) }
        try queue.close()
        return target
    }

    func openWriter(_ name: String = "quorum.sqlite", options: StoreOpenOptions = StoreOpenOptions()) throws -> Store {
        try Store.open(at: path(name), access: .write(command: "quorum test"), options: options)
    }

    /// A store with `count` pending items of three candidates each, the consensus choosing `choice`.
    func storeWithItems(_ count: Int, choice: Int? = 1) async throws -> (Store, [Int64]) {
        let store = try openWriter()
        let ids = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            return try (0..<count).map { index in
                try transaction.insertItem(Fixtures.item(runID: run.id!, index: index, choice: choice)).id!
            }
        }
        return (store, ids)
    }

    func rawQuery<T: Sendable>(_ store: Store, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await store.read(body)
    }
}

enum Fixtures {
    static let members = ["falcon-40b", "flan-t5-xxl", "flan-ul2"]

    static func consensus(choice: Int?, count: Int = 3) -> ConsensusResult {
        let matrix = (0..<count).map { row in (0..<count).map { $0 == row ? 1.0 : 0.5 } }
        return ConsensusResult(
            choice: choice, rule: .rouge, scores: Array(repeating: 0.5 * Double(count - 1), count: count),
            margin: 0, matrix: matrix, discard: choice == nil ? .noAgreement : nil)
    }

    static func candidates(_ index: Int, count: Int = 3) -> [NewCandidate] {
        (0..<count).map { position in
            NewCandidate(
                member: members[position % members.count], text: "output \(position) of item \(index)",
                promptTokens: 10, completionTokens: 5 + position, latencyMilliseconds: 12.5)
        }
    }

    static func item(runID: Int64, index: Int, choice: Int? = 1) -> NewItem {
        NewItem(
            runID: runID, instruction: "Instruction number \(index).", input: index % 2 == 0 ? "input \(index)" : "",
            generator: "falcon-40b", seedIDs: ["seed_task_\(index)"],
            candidateSet: NewCandidateSet(candidates: candidates(index), consensus: consensus(choice: choice)))
    }
}

/// SQLite's own view of a file, opened without GRDB's pool (as another program would).
func sqlitePragma(_ path: String, _ pragma: String) throws -> Int {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    return try queue.read { try Int.fetchOne($0, sql: "PRAGMA \(pragma)") ?? -1 }
}

func XCTAssertThrowsStoreError<T>(
    _ expression: @autoclosure () throws -> T, _ expected: StoreError, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertThrowsError(try expression(), file: file, line: line) { error in
        XCTAssertEqual(error as? StoreError, expected, "\(error)", file: file, line: line)
    }
}

func assertThrowsAsync<T>(
    _ expression: () async throws -> T, file: StaticString = #filePath, line: UInt = #line,
    _ check: (any Error) -> Void
) async {
    do {
        _ = try await expression()
        XCTFail("expected an error", file: file, line: line)
    } catch {
        check(error)
    }
}
