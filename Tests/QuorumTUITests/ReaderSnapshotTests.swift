import XCTest
@testable import QuorumStore
@testable import QuorumTUI

/// The reader at the four sizes: plain, diffed (in colour and under NO_COLOR), side by side,
/// scrolled to the end, and over wide and hostile text.
final class ReaderSnapshotTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40),
                        Size(width: 200, height: 60)]

    private func screen(_ size: Size, item: Int64 = 2, markers: Bool = false, keys: [Key] = []) -> CellGrid {
        var state = ReaderFixtures.reading(item, size: size, markers: markers)
        for key in keys { _ = Workbench.reduce(&state, .key(key)) }
        return WorkbenchRenderer.render(state)
    }

    private func name(_ what: String, _ size: Size) -> String { "reader-\(what)-\(size.width)x\(size.height)" }

    func testTheChoiceAtEachSize() {
        for size in Self.sizes {
            Snapshot.assert(screen(size).textDump(), named: name("choice", size))
        }
    }

    func testTheEndOfACandidateAtEachSize() {
        for size in Self.sizes {
            let grid = screen(size, keys: [.character("1"), .character("G")])
            XCTAssertTrue(grid.textDump().contains("wide and slow."), "\(size)")
            Snapshot.assert(grid.textDump(), named: name("end", size))
        }
    }

    func testTheDiffUnderNoColorAtEachSize() {
        for size in Self.sizes {
            let grid = screen(size, markers: true, keys: [.character("1"), .character("d"), .character("i")])
            let text = grid.textDump()
            XCTAssertTrue(text.contains("[-river-] {+brook+}"), text)
            Snapshot.assert(text, named: name("diff-no-color", size))
        }
    }

    func testTheDiffInColourMarksOnlyTheChanges() {
        let grid = screen(Size(width: 80, height: 24), keys: [.character("1"), .character("d"), .character("i"),
                                                               .character("G")])
        let text = grid.textDump()
        XCTAssertFalse(text.contains("{+"), "colour needs no markers")
        Snapshot.assert(text, named: "reader-diff-colour-80x24")
        Snapshot.assert(grid.styleDump([.danger: "-", .success: "+", .text: " "], rect: Rect(x: 0, y: 0, width: 80, height: 23)),
                        named: "reader-diff-colour-styles-80x24")
    }

    func testSideBySideAtTheWideSizes() {
        for size in Self.sizes.suffix(2) {
            let grid = screen(size, markers: true, keys: [.character("1"), .character("s"), .character("d")])
            XCTAssertTrue(grid.textDump().contains("side by side"))
            Snapshot.assert(grid.textDump(), named: name("side-by-side", size))
        }
    }

    func testWideTextAtEachSize() {
        for size in Self.sizes {
            let grid = screen(size, keys: [.character("2")])
            assertRowsFill(grid)
            Snapshot.assert(grid.textDump(), named: name("cjk", size))
            let family = screen(size, item: 3, keys: [.character("2")])
            assertRowsFill(family)
            Snapshot.assert(family.textDump(), named: name("emoji", size))
        }
    }

    func testHostileTextIsShownNeverSent() {
        for size in Self.sizes {
            for keys in [[], [Key.character("2"), .character("d")], [.character("0")]] {
                let grid = screen(size, item: 4, markers: true, keys: keys)
                for y in 0..<grid.height {
                    for x in 0..<grid.width {
                        let scalars = grid[x, y].grapheme.unicodeScalars
                        XCTAssertFalse(scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                                       "a control character reached the grid at \(x),\(y) (\(size))")
                    }
                }
                assertRowsFill(grid)
            }
            Snapshot.assert(screen(size, item: 4).textDump(), named: name("hostile", size))
        }
    }

    func testTinySizesDoNotCrash() {
        for width in [0, 1, 2, 10, 60] {
            for height in [0, 1, 2, 3, 15] {
                var state = ReaderFixtures.reading(size: Size(width: 80, height: 24))
                _ = Workbench.reduce(&state, .resized(Size(width: width, height: height)))
                for key in [Key.character("G"), .character("d"), .character("j")] { _ = Workbench.reduce(&state, .key(key)) }
                XCTAssertEqual(WorkbenchRenderer.render(state).size, Size(width: width, height: height))
            }
        }
    }

    /// Every wide glyph has its continuation and every row adds up to the screen's width.
    private func assertRowsFill(_ grid: CellGrid, file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<grid.height {
            var columns = 0
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.width == 2 { XCTAssertTrue(x + 1 < grid.width && grid[x + 1, y].isContinuation, file: file, line: line) }
                if cell.isContinuation { XCTAssertEqual(grid[x - 1, y].width, 2, file: file, line: line) }
                columns += Int(cell.width)
            }
            XCTAssertEqual(columns, grid.width, "row \(y)", file: file, line: line)
        }
    }
}
