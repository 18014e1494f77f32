import XCTest
@testable import QuorumEngine

/// No piece of an API key survives an excerpt, wherever the cut falls.
final class SecretRedactionTests: XCTestCase {
    private let key = "sk-SECRET-7f3a9c2e1b4d"

    func testAKeyStraddlingTheCutLeavesNoPrefix() {
        // The key cut where it stands (the old order: cut, then redact the whole key) leaves `sk-SECRET-7f3`.
        let cutFirst = String(repeating: "k", count: 287) + "sk-SECRET-7f3"
        XCTAssertEqual(SecretRedaction.redact(cutFirst, secret: key), String(repeating: "k", count: 287) + "[redacted]")
        let body = String(repeating: "k", count: 287) + key + " was the key you sent"
        let excerpt = SecretRedaction.excerpt(body, limit: 300, secret: key)
        XCTAssertEqual(excerpt, String(repeating: "k", count: 287) + "[redacted] wa")
        XCTAssertFalse(excerpt.contains("sk-S"))
    }

    func testAKeyWithinTheExcerptIsRedactedBeforeTheCut() {
        let body = "x" + key + String(repeating: "y", count: 400)
        XCTAssertEqual(SecretRedaction.excerpt(body, limit: 20, secret: key), "x[redacted]yyyyyyyyy")
    }

    func testAPrefixOfFourOrMoreEndingTheTextIsRedactedAShorterOneIsNot() {
        XCTAssertEqual(SecretRedaction.redact("body sk-S", secret: key), "body [redacted]")
        XCTAssertEqual(SecretRedaction.redact("body sk-", secret: key), "body sk-")
        XCTAssertEqual(SecretRedaction.redact("body sk-SECRET-7f3…", secret: key), "body [redacted]…")
        XCTAssertEqual(SecretRedaction.redact("sk-S in the middle", secret: key), "sk-S in the middle")
        XCTAssertEqual(SecretRedaction.redact("a \(key) b \(key)", secret: key), "a [redacted] b [redacted]")
        XCTAssertEqual(SecretRedaction.redact("no key", secret: nil), "no key")
    }

    func testAnUnparsableEventCutAt120CharactersLeavesNoPrefix() {
        let payload = String(repeating: "k", count: 107) + key + " was the key you sent"
        XCTAssertThrowsError(try CompletionChunk.decode(payload, secret: key)) { error in
            guard case .malformed(let detail) = error as? CompletionChunk.DecodingFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(detail, "invalid JSON: " + String(repeating: "k", count: 107) + "[redacted] wa…")
        }
    }

    func testAnErrorWithTheKeyCutByAnEarlierExcerptIsCleanedToo() {
        let error = LMError.httpStatus(401, bodyExcerpt: "rejected sk-SECRET-7f").redacting(key)
        XCTAssertEqual(error, .httpStatus(401, bodyExcerpt: "rejected [redacted]"))
    }
}
