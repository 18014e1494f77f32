import XCTest
@testable import QuorumEngine

/// Paths in the file are relative to its folder; reading the file itself reports what failed.
final class ConfigPathTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("project/conf"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func write(_ text: String) throws -> String {
        let file = folder.appendingPathComponent("project/conf/quorum.toml")
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func testRelativePathsAreResolvedAgainstTheFilesFolder() throws {
        let path = try write("seeds = \"../data/seeds.jsonl\"\nstore = \"store.sqlite\"\n" + ConfigText.twoMembers)
        let config = try QuorumConfigLoader.load(path: path, environment: [:])
        let project = folder.appendingPathComponent("project").standardizedFileURL.path
        XCTAssertEqual(config.seedsPath, project + "/data/seeds.jsonl")
        XCTAssertEqual(config.storePath, project + "/conf/store.sqlite")
    }

    func testDefaultPathsSitBesideTheFile() throws {
        let config = try QuorumConfigLoader.load(path: try write(ConfigText.twoMembers), environment: [:])
        let conf = folder.appendingPathComponent("project/conf").standardizedFileURL.path
        XCTAssertEqual(config.seedsPath, conf + "/seeds/seed_tasks.jsonl")
        XCTAssertEqual(config.storePath, conf + "/quorum.sqlite")
    }

    func testAbsoluteAndHomePathsAreKept() throws {
        let config = try ConfigText.parse("seeds = \"/data/175.jsonl\"\nstore = \"~/quorum/q.sqlite\"\n" + ConfigText.twoMembers)
        XCTAssertEqual(config.seedsPath, "/data/175.jsonl")
        XCTAssertEqual(config.storePath, "/home/ana/quorum/q.sqlite")
    }

    func testErrorsNameTheFileAsGiven() throws {
        let path = try write(ConfigText.twoMembers + "\nmax_concurrency = \"4\"")
        XCTAssertThrowsError(try QuorumConfigLoader.load(path: path)) { error in
            XCTAssertEqual("\(error)", "\(path):10: members[1].max_concurrency: expected an integer, found a string")
        }
    }

    func testAMissingFileIsReported() {
        let path = folder.appendingPathComponent("absent.toml").path
        XCTAssertThrowsError(try QuorumConfigLoader.load(path: path)) { error in
            XCTAssertEqual("\(error)", "\(path): No such file or directory")
        }
    }

    func testAFileThatIsNotUTF8IsReported() throws {
        let file = folder.appendingPathComponent("latin1.toml")
        try Data([0x63, 0x75, 0x72, 0x61, 0x74, 0x6F, 0x72, 0x20, 0x3D, 0x20, 0x22, 0xE9, 0x22, 0x0A]).write(to: file)
        XCTAssertThrowsError(try QuorumConfigLoader.load(path: file.path)) { error in
            XCTAssertEqual("\(error)", "\(file.path): not valid UTF-8 (byte 12)")
        }
    }
}
