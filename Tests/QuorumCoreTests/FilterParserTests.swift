import QuorumCore
import XCTest

final class FilterParserTests: XCTestCase {
    func testPrecedenceListsAndQuotes() throws {
        let parsed = try FilterExpression.parse(#"status = pending,edited and not rule = exact or text ~ "a \"b\"""#)
        XCTAssertEqual(
            parsed,
            .or(
                .and(.comparison(.status, .equal, .texts(["pending", "edited"])), .not(.comparison(.rule, .equal, .texts(["exact"])))),
                .comparison(.text, .contains, .texts(["a \"b\""]))))
        XCTAssertEqual(
            try FilterExpression.parse("(margin < 0.05 or has:note) AND run >= 2"),
            .and(.or(.comparison(.margin, .less, .number(0.05)), .has(.note)), .comparison(.run, .greaterOrEqual, .number(2))))
    }

    func testContestedStandsAloneLikeTheHasFlags() throws {
        XCTAssertEqual(try FilterExpression.parse("Contested and not has:edit"), .and(.has(.contested), .not(.has(.edit))))
        XCTAssertThrowsError(try FilterExpression.parse("has:contested"))
        XCTAssertThrowsError(try FilterExpression.parse("contested = true"))
        do {
            _ = try FilterExpression.parse("colour = red")
            XCTFail("an unknown field parsed")
        } catch {
            XCTAssertTrue(error.message.hasSuffix("has:note, has:edit, contested)"), error.message)
        }
    }

    func testErrorsPointAtTheOffendingCharacter() {
        func error(_ text: String) -> FilterSyntaxError? {
            do { _ = try FilterExpression.parse(text) } catch { return error }
            return nil
        }
        XCTAssertEqual(error("status = done")?.offset, 9)
        XCTAssertEqual(error("colour = red")?.offset, 0)
        XCTAssertEqual(error("margin ~ 3")?.offset, 7)
        XCTAssertEqual(error("margin < lots")?.offset, 9)
        XCTAssertEqual(error("(status = pending")?.offset, 17)
        XCTAssertEqual(error("text ~ \"open")?.offset, 7)
        XCTAssertEqual(error("status = pending pending")?.offset, 17)
        XCTAssertEqual(error("")?.message, "the filter is empty")
        XCTAssertEqual(error("a ! b")?.pointing(into: "a ! b").split(separator: "\n").last?.hasPrefix("  ^"), true)
    }
}
