import XCTest
@testable import QuorumCore

final class PlaceholderTests: XCTestCase {
    func testStemmerExists() { XCTAssertEqual(PorterStemmer().stem("a"), "a") }
}
