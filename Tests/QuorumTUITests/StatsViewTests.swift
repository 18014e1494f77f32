import Foundation
import QuorumCore
import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// The `:stats` view: loaded through an effect, drawn from the same report `quorum stats`
/// prints, scrolled with keys, closed with Esc or q.
final class StatsViewTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-stats-view-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A real store: six items from the fixtures' texts, five decided by a human, some drops.
    private func snapshot(empty: Bool = false) async throws -> StatsSnapshot {
        let store = try Store.open(at: folder.appendingPathComponent("quorum.sqlite").path, access: .write(command: "test"))
        defer { try? store.close() }
        if !empty {
            let details = [Fixtures.healthy, Fixtures.translation, Fixtures.fragile, Fixtures.discarded, Fixtures.accepted,
                           Fixtures.edited]
            let ids = try await store.write { transaction in
                let run = try transaction.beginRun(source: "generate", configJSON: "{}").id!
                try transaction.recordFilterDrops(
                    [FilterDropKey(stage: .instruction, reason: "too similar"): 4,
                     FilterDropKey(stage: .instance, reason: "empty output"): 1],
                    runID: run)
                return try details.map { detail in
                    let texts = detail.candidates.map(\.text)
                    let candidates = zip(texts, detail.candidates.map(\.member)).map { NewCandidate(member: $1, text: $0) }
                    let item = NewItem(
                        runID: run, instruction: detail.item.instruction, input: detail.item.input,
                        candidateSet: NewCandidateSet(candidates: candidates, consensus: Consensus.decide(texts)),
                        createdAt: Fixtures.date)
                    return try transaction.insertItem(item).id!
                }
            }
            try await store.write { transaction in
                try transaction.append(.accept, to: ids[0], curator: "ann")
                try transaction.append(.override(candidate: 2), to: ids[1], curator: "ann")
                try transaction.append(.reject(reason: "vague"), to: ids[2], curator: "ann")
                try transaction.append(.accept, to: ids[4], curator: "ann")
                try transaction.append(.edit(text: "Rain on the roof.", basedOn: 0), to: ids[5], curator: "ann")
            }
        }
        return StatsSnapshot(storePath: "quorum.sqlite", stats: try await store.stats())
    }

    /// `:stats` counts what the queue's filter shows.
    func testStatsFollowTheQueuesFilter() throws {
        var state = Fixtures.state()
        _ = Workbench.runCommandLine("filter type = A and fragile", &state)
        guard case .expression(let text, _) = state.queue.query.filter else { return XCTFail("no filter") }
        XCTAssertEqual(text, "type = A and fragile")
        XCTAssertEqual(Workbench.runCommandLine("stats", &state), [.loadStats(filter: state.queue.query.filter)])
    }

    private func opened(_ content: StatsView.Content, _ size: Size) -> WorkbenchState {
        var state = Fixtures.state(size)
        XCTAssertEqual(Workbench.runCommandLine("stats", &state), [.loadStats(filter: .all)])
        if case .loaded(let snapshot) = content { _ = Workbench.reduce(&state, .statsLoaded(snapshot)) }
        if case .failed(let problem) = content { _ = Workbench.reduce(&state, .statsFailed(problem)) }
        return state
    }

    func testTheViewShowsWhatQuorumStatsPrints() async throws {
        let snapshot = try await snapshot()
        let state = opened(.loaded(snapshot), Size(width: 80, height: 24))
        var text = WorkbenchRenderer.render(state).textDump()
        Snapshot.assert(text, named: "stats-80x24")
        let report = StatsReport(stats: snapshot.stats, storePath: "quorum.sqlite", chartWidth: 40).text
        XCTAssertTrue(report.contains("Cohen's kappa"))
        var scrolled = state
        _ = Workbench.reduce(&scrolled, .key(.character("G")))
        text = WorkbenchRenderer.render(scrolled).textDump()
        XCTAssertTrue(text.contains("instances filtered by the engine (1)"), text)
        XCTAssertTrue(text.contains("1  empty output"), text)
        for line in ["pairwise Rouge-L F (18)", "reasons for rejection", "consensus margin (4)"] {
            XCTAssertTrue(report.contains(line), line)
        }
    }

    func testAtTheSmallestSizeItScrollsDownAndAcross() async throws {
        var state = opened(.loaded(try await snapshot()), Size(width: 60, height: 15))
        Snapshot.assert(WorkbenchRenderer.render(state).textDump(), named: "stats-60x15")
        _ = Workbench.reduce(&state, .key(.character("j")))
        _ = Workbench.reduce(&state, .key(.pageDown))
        guard case .stats(let down) = state.overlay else { return XCTFail("the view closed") }
        XCTAssertEqual(down.scroll, 1 + 12)
        for _ in 0..<20 { _ = Workbench.reduce(&state, .key(.character("l"))) }
        guard case .stats(let across) = state.overlay else { return XCTFail("the view closed") }
        XCTAssertEqual(across.column, 97 - 56, "no further than the widest line (the curator table) needs")
        _ = Workbench.reduce(&state, .key(.character("g")))
        Snapshot.assert(WorkbenchRenderer.render(state).textDump(), named: "stats-60x15-across")
        _ = Workbench.reduce(&state, .key(.character("q")))
        XCTAssertNil(state.overlay)
        XCTAssertFalse(state.isQuitting, "q closes the view, not the workbench")
    }

    func testAnEmptyStoreLoadingAndAFailure() async throws {
        let size = Size(width: 80, height: 24)
        Snapshot.assert(WorkbenchRenderer.render(opened(.loaded(try await snapshot(empty: true)), size)).textDump(),
                        named: "stats-empty-80x24")
        XCTAssertTrue(WorkbenchRenderer.render(opened(.loading, size)).textDump().contains("Reading the store…"))
        let failed = WorkbenchRenderer.render(opened(.failed("disk I/O error"), size)).textDump()
        XCTAssertTrue(failed.contains("The statistics could not be read:"))
        XCTAssertTrue(failed.contains("disk I/O error"))
    }

    func testReloadAsksAgainAndResultsAfterClosingAreIgnored() async throws {
        var state = opened(.loaded(try await snapshot(empty: true)), Size(width: 80, height: 24))
        XCTAssertEqual(Workbench.reduce(&state, .key(.character("r"))), [.loadStats(filter: .all)])
        XCTAssertEqual(state.overlay, .stats(StatsView()))
        _ = Workbench.reduce(&state, .key(.escape))
        _ = Workbench.reduce(&state, .statsLoaded(try await snapshot(empty: true)))
        XCTAssertNil(state.overlay)
    }
}
