import Foundation
import QuorumTestSupport
import XCTest

/// `quorum init` run as the real binary in a temporary folder.
final class InitCommandTests: CLITestCase {
    private static let repositorySeeds = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds/seed_tasks.jsonl")

    private func contents(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    func testInitWritesTheConfigAndCopiesTheSeedPool() throws {
        let result = try QuorumBinary.run(["init", "project"], in: folder)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertEqual(result.standardOutput, "")
        XCTAssertTrue(result.standardError.contains("quorum: wrote project/quorum.toml\n"), result.standardError)
        XCTAssertTrue(
            result.standardError.contains("quorum: copied the seed pool (119 tasks) to project/seeds/seed_tasks.jsonl\n"),
            result.standardError)
        let config = String(decoding: try contents("project/quorum.toml"), as: UTF8.self)
        XCTAssertTrue(config.hasPrefix("# quorum.toml"))
        XCTAssertTrue(config.contains("\n[[members]]\nname = \"generator\"\n"))
        XCTAssertTrue(config.contains("\n# api_key_env = \"OPENAI_API_KEY\"\n"))
        XCTAssertEqual(try contents("project/seeds/seed_tasks.jsonl"), try Data(contentsOf: Self.repositorySeeds))
    }

    func testInitWritesStarterGuidelinesTheConfigNamesAndKeepsTheCuratorsOwn() throws {
        let result = try QuorumBinary.run(["init", "project"], in: folder)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardError.contains("quorum: wrote project/GUIDELINES.md, the curators' guidelines"),
                      result.standardError)
        let guidelines = String(decoding: try contents("project/GUIDELINES.md"), as: UTF8.self)
        for heading in ["# Curation guidelines", "## A good instruction", "## A good input", "## A good output"] {
            XCTAssertTrue(guidelines.contains("\n" + heading + "\n") || guidelines.hasPrefix(heading + "\n"), heading)
        }
        let config = String(decoding: try contents("project/quorum.toml"), as: UTF8.self)
        XCTAssertTrue(config.contains("\nguidelines = \"GUIDELINES.md\""), "the config names the file it wrote")

        _ = try write("# Ours\n", to: "project/GUIDELINES.md")
        let again = try QuorumBinary.run(["init", "--force", "project"], in: folder)
        XCTAssertEqual(again.status, 0, again.standardError)
        XCTAssertTrue(again.standardError.contains("kept the guidelines already at project/GUIDELINES.md"), again.standardError)
        XCTAssertEqual(try contents("project/GUIDELINES.md"), Data("# Ours\n".utf8))
    }

    func testInitWritesIntoTheCurrentFolderByDefault() throws {
        let result = try QuorumBinary.run(["init"], in: folder)
        XCTAssertEqual(result.status, 0, result.standardError)
        XCTAssertTrue(result.standardError.contains("quorum: wrote quorum.toml\n"), result.standardError)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("quorum.toml")))
        XCTAssertTrue(FileManager.default.fileExists(atPath: path("seeds/seed_tasks.jsonl")))
    }

    func testAnExistingConfigIsKeptUnlessForced() throws {
        XCTAssertEqual(try QuorumBinary.run(["init", "p"], in: folder).status, 0)
        let template = try contents("p/quorum.toml")
        _ = try write("seeds = \"mine.jsonl\"\n", to: "p/quorum.toml")
        _ = try write("{\"mine\": true}\n", to: "p/seeds/seed_tasks.jsonl")

        let refused = try QuorumBinary.run(["init", "p"], in: folder)
        XCTAssertEqual(refused.status, 73)
        XCTAssertEqual(refused.standardError, "quorum: p/quorum.toml already exists; pass --force to overwrite it\n")
        XCTAssertEqual(try contents("p/quorum.toml"), Data("seeds = \"mine.jsonl\"\n".utf8))

        let forced = try QuorumBinary.run(["init", "--force", "p"], in: folder)
        XCTAssertEqual(forced.status, 0, forced.standardError)
        XCTAssertEqual(try contents("p/quorum.toml"), template)
        XCTAssertTrue(forced.standardError.contains("kept the seed pool already at p/seeds/seed_tasks.jsonl"), forced.standardError)
        XCTAssertEqual(try contents("p/seeds/seed_tasks.jsonl"), Data("{\"mine\": true}\n".utf8))
    }

    func testWithoutASeedPoolNearbyOnlyTheConfigIsWritten() throws {
        let binary = folder.appendingPathComponent("bin/quorum")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: QuorumBinary.locate(), to: binary)
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

        let process = Process()
        process.executableURL = binary
        process.arguments = ["init", "out"]
        process.currentDirectoryURL = work
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        XCTAssertEqual(process.terminationStatus, 0, message)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("out/quorum.toml").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.appendingPathComponent("out/seeds").path))
        XCTAssertTrue(message.contains("found no seed pool to copy; put one at out/seeds/seed_tasks.jsonl, or set `seeds`"), message)
    }

    func testAFolderThatCannotBeCreatedIsReported() throws {
        let result = try QuorumBinary.run(["init", "/proc/quorum-init-test"], in: folder)
        XCTAssertEqual(result.status, 73)
        XCTAssertEqual(
            result.standardError, "quorum: cannot write /proc/quorum-init-test/quorum.toml: No such file or directory\n")
    }
}
