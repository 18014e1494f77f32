import Foundation
import QuorumStore
import XCTest
import QuorumTestSupport

/// Text from a server reaches the terminal escaped, never as control sequences.
final class GenerateEscapedMessagesTests: GenerateBinaryTestCase {
    func testAnErrorBodyFullOfEscapeSequencesIsShownEscaped() throws {
        try configure(generator: "escapes", outputs: "ok")
        let result = try run(["generate", "--count", "1"])
        XCTAssertEqual(result.status, 75, result.errors)
        XCTAssertTrue(result.errors.contains(#"the generator "generator" keeps failing"#), result.errors)
        XCTAssertFalse(result.errorBytes.contains(0x1B), "no ESC reaches the terminal: \(result.errors.debugDescription)")
        XCTAssertFalse(result.errorBytes.contains(0x07), "no BEL reaches the terminal: \(result.errors.debugDescription)")
        XCTAssertTrue(result.errors.contains("␛]0;pwned-title␇ ␛]52;c;cHduZWQ=␇ ␛[2J␛[H after the escapes"), result.errors)
    }
}
