import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// 80×24 as a first-class size: the queue a strip (z toggles it), the whole instruction and
/// input wrapped in the item pane, and every candidate's header and first lines on screen.
final class SmallTerminalLayoutTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40),
                        Size(width: 200, height: 60)]

    static let instruction = "Rewrite the paragraph for a child of eight, keeping every fact: 用中文再写一遍，"
        + "并保留所有数字 😀👋; then list the three facts you kept, one a line, and end with \u{1B}[31mthe word END"
    static let input = "The Moon is about 384,400 km away. It takes 27.3 days to orbit the Earth; "
        + "its gravity is a sixth of ours. 月球距离地球约三十八万公里。 👨‍👩‍👧 tab\there \u{202E}bidi\u{202C} closing-word"

    static let long = Fixtures.detail(
        11, instruction: instruction, input: input,
        texts: [
            String(repeating: "The Moon is far away and goes round us once a month. ", count: 6) + "first-end",
            String(repeating: "月亮离我们很远，每个月绕地球一圈。 ", count: 8) + "second-end",
            String(repeating: "It is far, 😀 and light there weighs less. ", count: 7) + "third-end",
        ])

    private func state(_ size: Size) -> WorkbenchState {
        let items = Fixtures.queue + [Self.long]
        return Fixtures.state(size, items: items, cursor: Fixtures.index(of: 11, in: items))
    }

    func testTheItemPaneShowsTheWholeInstructionAndInputAtEachSize() {
        for size in Self.sizes {
            let text = WorkbenchRenderer.render(state(size)).textDump()
            Snapshot.assert(text, named: "small-layout-long-item-\(size.width)x\(size.height)")
            XCTAssertTrue(text.contains("END"), "the instruction's last word (\(size)):\n\(text)")
            XCTAssertTrue(text.contains("closing-word"), "the input's last word (\(size)):\n\(text)")
            for (position, member) in Fixtures.members.enumerated() {
                XCTAssertTrue(text.contains("\(position) \(member)"), "candidate \(position)'s header (\(size)):\n\(text)")
            }
            XCTAssertTrue(text.contains("The Moon is far away"), "candidate 0's first line (\(size))")
            XCTAssertTrue(text.contains("月亮离我们很远"), "candidate 1's first line (\(size))")
            XCTAssertTrue(text.contains("It is far,"), "candidate 2's first line (\(size))")
        }
    }

    func testUnder100ColumnsTheQueueIsAStripAndZTogglesIt() {
        var small = state(Size(width: 80, height: 24))
        XCTAssertTrue(small.showsQueueStrip)
        var text = WorkbenchRenderer.render(small).textDump()
        XCTAssertTrue(text.hasPrefix(" Queue 11/11 · all items  ▸#11"), text)
        XCTAssertTrue(text.contains("z queue"), "the hint line names the key:\n\(text)")
        _ = Workbench.reduce(&small, .key(.character("z")))
        XCTAssertFalse(small.showsQueueStrip)
        text = WorkbenchRenderer.render(small).textDump()
        XCTAssertTrue(text.hasPrefix("┌ Queue · all items"), text)
        XCTAssertEqual(small.status.message?.text, "the whole queue (z: a strip over the item)")
        _ = Workbench.reduce(&small, .key(.character("z")))
        XCTAssertTrue(small.showsQueueStrip)

        var wide = state(Size(width: 120, height: 40))
        XCTAssertFalse(wide.showsQueueStrip)
        _ = Workbench.reduce(&wide, .key(.character("z")))
        XCTAssertTrue(wide.showsQueueStrip, "z gives a wide screen the strip too")
        XCTAssertTrue(WorkbenchRenderer.render(wide).textDump().hasPrefix(" Queue 11/11"))
    }

    func testTheStripFollowsTheCursor() {
        var small = state(Size(width: 80, height: 24))
        _ = Workbench.reduce(&small, .key(.character("g")))
        _ = Workbench.reduce(&small, .key(.character("j")))
        let firstRow = WorkbenchRenderer.render(small).textDump().split(separator: "\n")[0]
        XCTAssertTrue(firstRow.contains("2/11"), String(firstRow))
        XCTAssertTrue(firstRow.contains("▸#2 ● Translate"), String(firstRow))
    }

    func testStripLayoutsStayInsideTheScreenAndApart() {
        for width in stride(from: 60, through: 240, by: 9) {
            for height in stride(from: 15, through: 80, by: 5) {
                for count in [1, 3, 5, 9] {
                    for wanted in [0, 3, 40, 500] {
                        let size = Size(width: width, height: height)
                        let layout = WorkbenchLayout(size: size, candidateCount: count, queueStrip: true, itemRows: { _ in wanted })
                        let rects = [layout.queue, layout.item, layout.candidates, layout.statusBar] + (layout.matrix.map { [$0] } ?? [])
                        for (index, rect) in rects.enumerated() {
                            XCTAssertEqual(rect.intersection(Rect(x: 0, y: 0, width: width, height: height)), rect, "\(size) \(index)")
                            for other in rects[(index + 1)...] { XCTAssertTrue(rect.intersection(other).isEmpty, "\(size)") }
                        }
                        XCTAssertEqual(rects.reduce(0) { $0 + $1.width * $1.height }, width * height, "\(size) leaves gaps")
                        XCTAssertEqual(layout.queue.height, 1)
                        XCTAssertGreaterThanOrEqual(layout.item.height, 5)
                        XCTAssertGreaterThanOrEqual(layout.candidates.height, min(11, height - 8), "\(size) \(count) \(wanted)")
                    }
                }
            }
        }
    }
}
