import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// The whole screen at several sizes, from 200×60 down to too small.
final class LayoutSnapshotTests: XCTestCase {
    static let sizes = [Size(width: 200, height: 60), Size(width: 120, height: 40), Size(width: 100, height: 30),
                        Size(width: 80, height: 24), Size(width: 60, height: 15)]

    private func busyState(_ size: Size) -> WorkbenchState {
        var state = Fixtures.state(size)
        _ = Workbench.reduce(&state, .memberStatistics([
            EndpointStatus(member: "falcon-40b", inFlight: 2, tokensPerSecond: 31.25),
            EndpointStatus(member: "flan-t5-xxl", inFlight: 1, errors: 2, tokensPerSecond: 12),
        ]))
        return state
    }

    func testWholeLayoutAtEachSize() {
        for size in Self.sizes {
            let grid = WorkbenchRenderer.render(busyState(size))
            Snapshot.assert(grid.textDump(), named: "layout-\(size.width)x\(size.height)")
        }
    }

    func testATooSmallTerminalGetsAMessage() {
        for size in [Size(width: 50, height: 12), Size(width: 59, height: 40), Size(width: 200, height: 14)] {
            let grid = WorkbenchRenderer.render(busyState(size))
            let text = grid.textDump()
            XCTAssertTrue(text.contains("Terminal too small: \(size.width)×\(size.height)"), text)
            XCTAssertTrue(text.contains("60×15"))
        }
        Snapshot.assert(WorkbenchRenderer.render(busyState(Size(width: 50, height: 12))).textDump(), named: "layout-too-small-50x12")
    }

    func testTinySizesDoNotCrash() {
        for width in [0, 1, 2, 5, 20] {
            for height in [0, 1, 2, 3] {
                _ = WorkbenchRenderer.render(busyState(Size(width: width, height: height)))
            }
        }
    }

    func testPanesStayInsideTheScreenAndApartAtEverySize() {
        for width in stride(from: 60, through: 240, by: 7) {
            for height in stride(from: 15, through: 80, by: 5) {
                for count in [1, 3, 5, 9] {
                    let size = Size(width: width, height: height)
                    let layout = WorkbenchLayout(size: size, candidateCount: count)
                    let screen = Rect(x: 0, y: 0, width: width, height: height)
                    let rects = [layout.queue, layout.item, layout.candidates, layout.statusBar] + (layout.matrix.map { [$0] } ?? [])
                    for (index, rect) in rects.enumerated() {
                        XCTAssertEqual(rect.intersection(screen), rect, "\(size) pane \(index)")
                        XCTAssertGreaterThanOrEqual(rect.height, 1, "\(size) pane \(index)")
                        for other in rects[(index + 1)...] { XCTAssertTrue(rect.intersection(other).isEmpty, "\(size)") }
                    }
                    XCTAssertEqual(rects.reduce(0) { $0 + $1.width * $1.height }, width * height, "\(size) leaves gaps")
                    XCTAssertGreaterThanOrEqual(layout.candidates.height, 5)
                }
            }
        }
    }

    func testEverySelectedFixtureRendersAtEverySize() {
        for size in Self.sizes {
            for index in Fixtures.queue.indices {
                var state = busyState(size)
                _ = Workbench.moveCursor(to: index, &state)
                let grid = WorkbenchRenderer.render(state)
                XCTAssertEqual(grid.size, size)
            }
        }
    }

    func testWideAndHostileTextLinesUpWhateverIsSelected() {
        for size in Self.sizes {
            for index in Fixtures.queue.indices {
                assertRowsFill(WorkbenchRenderer.render(Fixtures.state(size, cursor: index)))
            }
        }
    }

    /// Each wide cell is followed by its continuation and every continuation follows one,
    /// so every row is exactly as wide as the terminal.
    private func assertRowsFill(_ grid: CellGrid) {
        for y in 0..<grid.height {
            var columns = 0
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.width == 2 { XCTAssertTrue(x + 1 < grid.width && grid[x + 1, y].isContinuation) }
                if cell.isContinuation { XCTAssertEqual(grid[x - 1, y].width, 2) }
                columns += Int(cell.width)
            }
            XCTAssertEqual(columns, grid.width, "row \(y)")
        }
    }
}
