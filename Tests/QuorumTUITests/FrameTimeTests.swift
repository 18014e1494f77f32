import QuorumCore
import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// Key press to finished frame (reduce, render, diff against the last frame) with 100,000
/// items in the queue at 200×60. The figure is a p99 under 10 ms in a release build;
/// a debug build only has to stay within a generous bound.
final class FrameTimeTests: XCTestCase {
    func testKeyToFrameStaysFastWithAHundredThousandItems() {
        let texts = [
            "Eat a balanced diet, exercise every day and sleep at least seven hours a night, and see a doctor once a year.",
            "Exercise every day, eat a balanced diet and drink plenty of water; sleep seven hours.",
            "Sleep well, walk every day and eat vegetables.",
        ]
        let pageSize = 1_000
        var state = WorkbenchState(viewport: Size(width: 200, height: 60), themeNames: ["dark"])
        _ = Workbench.start(&state)
        for page in 0..<100 {
            let items = (0..<pageSize).map { offset -> ItemDetail in
                let id = Int64(page * pageSize + offset + 1)
                return Fixtures.detail(id, instruction: "Instruction number \(id): give three tips for staying healthy.",
                                       texts: texts, consensus: page == 0 && offset == 0 ? nil : Self.consensus)
            }
            _ = Workbench.reduce(&state, .pageLoaded(QueuePage(
                generation: 0, items: items, readThrough: .id(items.last!.item.id!), isLast: page == 99)))
        }
        XCTAssertEqual(state.queue.rows.count, 100_000)
        _ = Workbench.moveCursor(to: 50_000, &state)

        var previous = WorkbenchRenderer.render(state)
        var durations: [Duration] = []
        let keys: [Key] = [.character("j"), .character("J"), .character("k"), .down, .character("K"), .pageDown, .up]
        /// One frame: the action reduced, the screen rendered and compared with the last one.
        func frame(_ action: WorkbenchAction) -> [WorkbenchEffect] {
            let started = ContinuousClock.now
            let effects = Workbench.reduce(&state, action)
            var grid = CellGrid(size: state.viewport)
            WorkbenchRenderer.render(state, into: &grid)
            var changed = 0
            for (old, new) in zip(previous.cells, grid.cells) where old != new { changed += 1 }
            previous = grid
            durations.append(ContinuousClock.now - started)
            return effects
        }
        for index in 0..<300 {
            for case .loadItem(let id) in frame(.key(keys[index % keys.count])) {
                // The store's answer arrives later and makes a frame of its own.
                let detail = Fixtures.detail(id, instruction: "Loaded \(id).", texts: texts, consensus: Self.consensus)
                _ = frame(.itemLoaded(detail))
            }
        }
        durations.sort()
        let p50 = durations[durations.count / 2]
        let p99 = durations[durations.count * 99 / 100]
        print("key to frame at 200×60 with 100,000 items: p50 \(p50), p99 \(p99)")
        #if DEBUG
        XCTAssertLessThan(p99, .milliseconds(100))
        #else
        XCTAssertLessThan(p99, .milliseconds(10))
        #endif
    }

    static let consensus = Consensus.decide([
        "Eat a balanced diet, exercise every day and sleep at least seven hours a night, and see a doctor once a year.",
        "Exercise every day, eat a balanced diet and drink plenty of water; sleep seven hours.",
        "Sleep well, walk every day and eat vegetables.",
    ])
}
