import Foundation
import XCTest
@testable import QuorumJSON

final class JSONParserTests: XCTestCase {
    func testParsesWhatTheWriterWrites() throws {
        let tricky = String((0..<0x80).map { Character(Unicode.Scalar($0)!) }) + "é漢字🙂"
        var writer = JSONTextWriter()
        writer.value(.object(["text": .string(tricky), "list": .array([.number(-1.5e-7), .bool(false), .null])]))
        let parsed = try JSONParser.parse(writer.bytes)
        XCTAssertEqual(parsed, .object(["text": .string(tricky), "list": .array([.number(-1.5e-7), .bool(false), .null])]))
    }

    func testEscapesIncludingSurrogatePairs() throws {
        let parsed = try JSONParser.parse(#" "a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude42" "#.utf8)
        XCTAssertEqual(parsed, .string("a\"\\/\u{8}\u{c}\n\r\té🙂"))
    }

    func testValidDocuments() throws {
        let expected: [(String, JSONValue)] = [
            (#"{"a": [1, 2, {"b": null}], "c": "d"}"#, .object(["a": .array([.number(1), .number(2), .object(["b": .null])]), "c": .string("d")])),
            ("[]", .array([])), ("{}", .object([:])), ("0", .number(0)), ("-0.5e+3", .number(-500)), (#""""#, .string("")),
            ("\r\n [true,false] \t", .array([.bool(true), .bool(false)])), (#"{"a": 1, "a": 2}"#, .object(["a": .number(2)])),
        ]
        for (text, value) in expected {
            XCTAssertEqual(try JSONParser.parse(text.utf8), value, text)
        }
    }

    func testErrorsSayWhatAndWhere() {
        let cases: [(String, String)] = [
            (#"{"a": 1,}"#, "expected a field name in double quotes at byte 9"),
            (#"[1, 2"#, "expected ',' or ']' in an array at byte 6"),
            (#"{"a" 1}"#, "expected ':' after the field name at byte 6"),
            (#"{"a": tru}"#, "expected a value at byte 7"),
            (#"{"a": "b"} x"#, "unexpected text after the JSON value at byte 12"),
            ("\"tab\there\"", "control character in a string (write it as an escape such as \\n) at byte 5"),
            (#""\x""#, "invalid escape '\\x' at byte 3"),
            (#""\ud800""#, "unpaired surrogate in a \\u escape at byte 8"),
            ("01", "unexpected text after the JSON value at byte 2"),
            ("1.", "expected a digit after the decimal point at byte 3"),
            (#""open"#, "unterminated string at byte 6"),
            ("", "unexpected end of line, expected a value at byte 1"),
            (String(repeating: "[", count: 600), "nested more than 512 levels deep at byte 513"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try JSONParser.parse(text.utf8), text) { error in
                XCTAssertEqual("\(error)", expected, text)
            }
        }
    }
}
