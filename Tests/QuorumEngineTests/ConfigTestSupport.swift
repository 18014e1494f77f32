import XCTest
@testable import QuorumEngine

/// Parsing helpers shared by the configuration tests.
enum ConfigText {
    /// Two members on external endpoints: the smallest configuration that loads.
    static let twoMembers = """
        [[members]]
        name = "a"
        base_url = "http://127.0.0.1:8080/v1"
        model = "m"

        [[members]]
        name = "b"
        base_url = "http://127.0.0.1:8081/v1"
        model = "m"
        """

    static func parse(_ text: String, folder: String = "/project") throws(QuorumConfigError) -> QuorumConfig {
        try QuorumConfigLoader.parse(text, file: "quorum.toml", folder: folder, environment: ["HOME": "/home/ana"])
    }

    /// The error `text` is rejected with; fails the test when it loads.
    static func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> QuorumConfigError? {
        do {
            _ = try parse(text)
            XCTFail("the configuration loaded", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    /// The message `text` is rejected with, as the CLI prints it.
    static func message(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        error(text, file: file, line: line)?.description ?? ""
    }
}
