import Foundation
import XCTest
@testable import QuorumJSON

final class JSONTextWriterTests: XCTestCase {
    func testEveryControlCharacterAndUnicodeRoundTrips() throws {
        let tricky = String((0..<0x80).map { Character(Unicode.Scalar($0)!) }) + "é漢字🙂\u{2028}\u{0301}"
        var writer = JSONTextWriter()
        writer.beginObject()
        writer.key("text")
        writer.string(tricky)
        writer.key("numbers")
        writer.beginArray()
        writer.double(0.1)
        writer.double(1)
        writer.double(.nan)
        writer.integer(-3)
        writer.endArray()
        writer.endObject()
        let object = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as! [String: Any]
        XCTAssertEqual(object["text"] as? String, tricky)
        let text = String(decoding: writer.bytes, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix(#""numbers":[0.1,1,null,-3]}"#), text)
        XCTAssertTrue(text.contains(#"\u0000\u0001"#) && text.contains(#"\b\t\n\u000b\f\r"#), text)
    }

    func testCanonicalTextSortsKeys() throws {
        let value = try JSONParser.parse(#"{"b": [1, 2.5, true, null], "a": {"y": "z"}}"#.utf8)
        XCTAssertEqual(value.canonicalText, #"{"a":{"y":"z"},"b":[1,2.5,true,null]}"#)
    }
}
