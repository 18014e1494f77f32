import XCTest
@testable import QuorumTUI

final class WordDiffTests: XCTestCase {
    /// The diff written out as `ReaderDocument` writes it under NO_COLOR.
    private func marked(_ candidate: String, against choice: String) -> String {
        ReaderDocument.unified(WordDiff(candidate: candidate, choice: choice), candidate: candidate, choice: choice,
                               markers: true).text
    }

    func testIdenticalTextsAreOneSameRun() {
        let diff = WordDiff(candidate: "a b  c\n", choice: "a b  c\n")
        XCTAssertEqual(diff.runs, [WordDiff.Run(kind: .same, bytes: 0..<7)])
        XCTAssertEqual(diff.changeCount, 0)
    }

    func testInsertionsDeletionsAndReplacements() {
        XCTAssertEqual(marked("the red house", against: "the house"), "the {+red+} house")
        XCTAssertEqual(marked("the house", against: "the red house"), "the [-red-] house")
        XCTAssertEqual(marked("a cat sat", against: "a dog sat"), "a [-dog-] {+cat+} sat")
        XCTAssertEqual(marked("", against: "gone"), "[-gone-]")
        XCTAssertEqual(marked("new", against: ""), "{+new+}")
        XCTAssertEqual(marked("at the end, wide", against: "in the end."), "[-in-] {+at+} the [-end.-] {+end, wide+}")
    }

    func testEachWideCharacterIsAWord() {
        XCTAssertEqual(marked("你好世界", against: "你好地球"), "你好[-地球-] {+世界+}", "a deletion and its replacement are kept apart")
        XCTAssertEqual(marked("hi 😀 there", against: "hi 👋 there"), "hi [-👋-] {+😀+} there")
    }

    func testColouredSpansCoverTheChangesOnly() {
        let document = ReaderDocument.unified(WordDiff(candidate: "a cat sat", choice: "a dog sat"),
                                              candidate: "a cat sat", choice: "a dog sat", markers: false)
        XCTAssertEqual(document.text, "a dog cat sat")
        XCTAssertEqual(document.spans, [ReaderDocument.Span(bytes: 2..<5, style: .danger),
                                        ReaderDocument.Span(bytes: 6..<9, style: .success)])
    }

    func testTheSidesOfASideBySideDiff() {
        let diff = WordDiff(candidate: "a cat sat", choice: "a dog sat")
        XCTAssertEqual(ReaderDocument.side(diff, text: "a dog sat", kind: .deleted, markers: true).text, "a [-dog-] sat")
        XCTAssertEqual(ReaderDocument.side(diff, text: "a cat sat", kind: .inserted, markers: true).text, "a {+cat+} sat")
    }

    func testTwoThousandWordsDiffInLinearMemory() {
        let words = (0..<2_000).map { "w\($0 % 97)" }
        var changed = words
        changed[1_000] = "CHANGED"
        let diff = WordDiff(candidate: changed.joined(separator: " "), choice: words.joined(separator: " "))
        XCTAssertFalse(diff.isApproximate)
        XCTAssertEqual(diff.changeCount, 2)
    }

    func testTooLongAMiddleIsShownReplacedWhole() {
        let old = (0..<5_000).map { "a\($0)" }.joined(separator: " ")
        let new = (0..<5_000).map { "b\($0)" }.joined(separator: " ")
        let diff = WordDiff(candidate: "same " + new + " end", choice: "same " + old + " end")
        XCTAssertTrue(diff.isApproximate)
        XCTAssertEqual(diff.runs.map(\.kind), [.same, .deleted, .inserted, .same])
    }

    func testControlCharactersAreWordsLikeAnyOther() {
        XCTAssertEqual(marked("x \u{1B}[31m y", against: "x y"), "x {+\u{1B}[31m+} y")
    }
}
