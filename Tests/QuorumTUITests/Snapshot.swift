import Foundation
import XCTest

/// Text snapshots under `Snapshots/`. `QUORUM_UPDATE_SNAPSHOTS=1` records them instead of
/// comparing; without it a missing or different snapshot fails the test.
enum Snapshot {
    static let directory = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .appendingPathComponent("Snapshots", isDirectory: true)

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["QUORUM_UPDATE_SNAPSHOTS"] == "1"
    }

    static func assert(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name + ".txt")
        let content = actual + "\n"
        if isRecording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            XCTAssertNoThrow(try Data(content.utf8).write(to: url), file: file, line: line)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("no snapshot \(name).txt; record it with QUORUM_UPDATE_SNAPSHOTS=1", file: file, line: line)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != content else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = content.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let shown = { (lines: [Substring]) in first < lines.count ? String(lines[first]) : "<end>" }
        XCTFail("""
            snapshot \(name) differs at line \(first + 1):
              expected: \(shown(expectedLines))
              actual:   \(shown(actualLines))
            (QUORUM_UPDATE_SNAPSHOTS=1 records the new rendering)
            """, file: file, line: line)
    }
}
