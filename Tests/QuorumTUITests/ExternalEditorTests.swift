import Foundation
import XCTest
@testable import QuorumTUI

/// The editor hand-over with real programs run through `sh`.
final class ExternalEditorTests: XCTestCase {
    private func edit(_ text: String, editor: String) -> ExternalEditor.Outcome {
        ExternalEditor.edit(text, name: "test-\(UUID().uuidString)", environment: ["EDITOR": editor])
    }

    func testTheEditedTextComesBackWithoutTheNewlineEditorsAdd() {
        XCTAssertEqual(edit("Eat well.", editor: "sed -i 's/well/better/'"), .edited("Eat better."))
        XCTAssertEqual(edit("Eat well.", editor: "sh -c 'printf \"Sleep.\\n\" > \"$1\"' sh"), .edited("Sleep."))
        XCTAssertEqual(edit("Two\nlines\n", editor: "true"), .edited("Two\nlines\n"), "a newline the text had stays")
    }

    func testVisualWinsOverEditor() {
        let outcome = ExternalEditor.edit(
            "a", name: "visual-\(UUID().uuidString)", environment: ["VISUAL": "sed -i s/a/v/", "EDITOR": "sed -i s/a/e/"])
        XCTAssertEqual(outcome, .edited("v"))
    }

    func testAFailingEditorCancelsQuietly() {
        XCTAssertEqual(edit("text", editor: "false"), .cancelled(problem: nil))
    }

    func testAMissingEditorIsNamed() {
        XCTAssertEqual(edit("text", editor: "no-such-editor-here"),
                       .cancelled(problem: "the editor no-such-editor-here was not found (set $EDITOR)"))
    }

    func testInvalidUTF8IsRefused() {
        XCTAssertEqual(edit("text", editor: "sh -c 'printf \"\\377\" > \"$1\"' sh"),
                       .cancelled(problem: "the edited text is not valid UTF-8; nothing was saved"))
    }

    func testTheTemporaryFileIsPrivateAndRemoved() throws {
        let name = "private-\(UUID().uuidString)"
        let record = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).mode")
        defer { try? FileManager.default.removeItem(at: record) }
        let outcome = ExternalEditor.edit(
            "x", name: name, environment: ["EDITOR": "sh -c 'stat -c %a \"$1\" > \(record.path)' sh"])
        XCTAssertEqual(outcome, .edited("x"))
        XCTAssertEqual(try String(contentsOf: record, encoding: .utf8), "600\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.contains(name) && $0.hasSuffix(".txt") }
        XCTAssertEqual(leftovers, [])
    }
}
