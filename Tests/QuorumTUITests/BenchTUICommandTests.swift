import Foundation
import QuorumTestSupport
import XCTest

/// `quorum bench tui` through the real binary, at a small size: it must drive the workbench
/// and less in tmux to the end and print every figure.
final class BenchTUICommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        for tool in ["tmux", "less"] where TmuxSession.executable(tool) == nil {
            throw XCTSkip("\(tool) is not installed")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-bench-tui-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    func testPrintsEveryFigureBesideLess() throws {
        let (status, output, errors) = try bench([])
        XCTAssertEqual(status, 0, errors)
        for figure in [
            "start-up to first frame (inside)", "start-up to finished screen (outside)",
            "key to its frame p99 (inside)", "key to finished frame, store reads in, p99 (inside)",
            "key to finished screen p99 (outside)", "peak resident memory (VmHWM)", "countsByStatus",
            "reader: v and G on 2,000 words, p99 (inside)", "v (reader on 2,000 words)",
        ] {
            XCTAssertTrue(output.contains(figure), "no \"\(figure)\" in:\n\(output)")
        }
        XCTAssertTrue(output.contains("less "), "the reference is named:\n\(output)")
        let verdicts = output.split(separator: "\n").filter { $0.hasSuffix("✓") || $0.hasSuffix("✗") }
        XCTAssertEqual(verdicts.count, 5, "start-up, both key figures, the reader and memory against their budgets:\n\(output)")
    }

    func testJSONHasTheFiguresOfBothPrograms() throws {
        let (status, output, errors) = try bench(["--json"])
        XCTAssertEqual(status, 0, errors)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let quorum = try XCTUnwrap(object["quorum"] as? [String: Any])
        let reference = try XCTUnwrap(object["reference"] as? [String: Any])
        for key in ["startupFirstFrameSeconds", "keyFrameP99Seconds", "keySettledP99Seconds", "keyScreenP99Seconds",
                    "readerKeyP99Seconds"] {
            let value = try XCTUnwrap(quorum[key] as? Double, key)
            XCTAssertGreaterThan(value, 0, key)
        }
        XCTAssertGreaterThan(try XCTUnwrap(quorum["peakMemoryBytes"] as? Int), 1_000_000)
        XCTAssertGreaterThan(try XCTUnwrap(reference["startupScreenSeconds"] as? Double), 0)
        XCTAssertGreaterThan(try XCTUnwrap(reference["keyScreenP50Seconds"] as? Double), 0)
        XCTAssertGreaterThan(try XCTUnwrap(reference["peakMemoryBytes"] as? Int), 100_000)
        let setup = try XCTUnwrap(object["setup"] as? [String: Any])
        XCTAssertEqual(setup["items"] as? Int, 2_000)
        XCTAssertGreaterThan(try XCTUnwrap(setup["countsByStatusSeconds"] as? Double), 0)
    }

    private func bench(_ extra: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = try QuorumBinary.locate()
        process.arguments = ["bench", "tui", "--items", "2000", "--keys", "50", "--startups", "2",
                             "--folder", folder.appendingPathComponent("work").path] + extra
        process.currentDirectoryURL = folder
        let errorPath = folder.appendingPathComponent("stderr.txt")
        XCTAssertTrue(FileManager.default.createFile(atPath: errorPath.path, contents: nil))
        let errorFile = try FileHandle(forWritingTo: errorPath)
        defer { try? errorFile.close() }
        process.standardError = errorFile
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = (try? String(contentsOf: errorPath, encoding: .utf8)) ?? ""
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), errors)
    }

}
