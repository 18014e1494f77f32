import Foundation
import QuorumCore
import QuorumTUI
import XCTest
@testable import QuorumSession
@testable import QuorumStore

/// The whole workbench loop (reducer, renderer, effects, store) typed at by a scripted
/// terminal: the in-memory store, then the real SQLite one.
final class WorkbenchLoopTests: XCTestCase {
    private func session(
        _ store: any WorkbenchStore, _ handle: TerminalHandle,
        editor: @escaping @Sendable (String, String) -> ExternalEditor.Outcome = { _, _ in .cancelled(problem: nil) }
    ) -> ReviewSession {
        ReviewSession(
            store: store, curator: "tester", catalog: ThemeCatalog(themes: []),
            initialState: WorkbenchState(viewport: Size(width: 120, height: 40)),
            makeTerminal: { handle.make() }, editor: editor, catchesSignals: false, environment: [:])
    }

    func testKeysDecideItemsInTheStoreAndQuitRestoresTheTerminal() async throws {
        let store = InMemoryWorkbenchStore(SessionFixtures.items(3))
        let handle = TerminalHandle([
            .init(waitFor: "Name prime number 1.", keys: [.character("a")]),
            .init(waitFor: "accepted #1", keys: [.character("x")]),
            .init(waitFor: "Reject #2, reason:", keys: "too short".map(Key.character) + [.enter]),
            .init(waitFor: "rejected #2", keys: [.character("q")]),
        ])
        let outcome = await session(store, handle).run()
        let terminal = try XCTUnwrap(handle.terminal)
        XCTAssertNil(terminal.timedOutWaitingFor, terminal.lastFrame)
        XCTAssertNil(outcome.failure)
        XCTAssertFalse(outcome.interrupted)
        XCTAssertTrue(terminal.restored)
        XCTAssertEqual(store.status(of: 1), .accepted)
        XCTAssertEqual(store.status(of: 2), .rejected)
        XCTAssertEqual(store.decisions.last?.reason, "too short")
        XCTAssertEqual(store.status(of: 3), .pending)
        XCTAssertEqual(outcome.finalState?.isQuitting, true)
    }

    func testTheEditorGetsTheScreenAndItsTextIsRecordedAsAnEdit() async throws {
        let store = InMemoryWorkbenchStore(SessionFixtures.items(1))
        let handle = TerminalHandle([
            .init(waitFor: "Name prime number 1.", keys: [.character("e")]),
            .init(waitFor: "edited #1", keys: [.character("q")]),
        ])
        let outcome = await session(store, handle) { text, name in
            .edited(name == "item-1" ? text + " Eleven is too." : "wrong name \(name)")
        }.run()
        let terminal = try XCTUnwrap(handle.terminal)
        XCTAssertNil(terminal.timedOutWaitingFor, terminal.lastFrame)
        XCTAssertNil(outcome.failure)
        XCTAssertEqual(terminal.suspensions, 1)
        XCTAssertEqual(store.decisions.map(\.kind), [.edit])
        XCTAssertEqual(store.decisions.first?.text, "Seven is prime. Eleven is too.")
    }

    func testOnTheRealStoreADecisionAndItsUndoReachTheLog() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(at: folder.appendingPathComponent("quorum.sqlite").path, access: .write(command: "test"))
        defer { try? store.close() }
        let ids = try await store.write { transaction in
            let run = try transaction.beginRun(source: "test", configJSON: "{}")
            return try (1...2).map { index in
                let texts = ["Seven.", "Seven."]
                return try transaction.insertItem(NewItem(
                    runID: run.id!, instruction: "Name a prime number, take \(index).", input: "",
                    candidateSet: NewCandidateSet(
                        candidates: texts.map { NewCandidate(member: "m", text: $0) }, consensus: Consensus.decide(texts))
                )).id!
            }
        }
        let handle = TerminalHandle([
            .init(waitFor: "take 1.", keys: [.character("a")]),
            .init(waitFor: "accepted #\(ids[0])", keys: [.character("u")]),
            .init(waitFor: "undone on #\(ids[0])", keys: [.character("q")]),
        ])
        let outcome = await session(store, handle).run()
        let terminal = try XCTUnwrap(handle.terminal)
        XCTAssertNil(terminal.timedOutWaitingFor, terminal.lastFrame)
        XCTAssertNil(outcome.failure)
        let history = try await store.history(of: ids[0])
        XCTAssertEqual(history.map(\.decision.kind), [.accept, .undo])
        XCTAssertEqual(history.map(\.isActive), [false, true])
        let item = try await store.item(ids[0])
        XCTAssertEqual(item.item.status, .pending)
    }
}
