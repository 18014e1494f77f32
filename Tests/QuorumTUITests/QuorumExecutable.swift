import Foundation
import XCTest

/// The `quorum` built with the tests (`swift build` puts it beside the test bundle), and the
/// repository's themes, for the end-to-end tests.
enum QuorumExecutable {
    static func path() throws -> String {
        let bundle = Bundle(for: TmuxSession.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()]
            + (Bundle.main.executableURL.map { [$0.deletingLastPathComponent()] } ?? [])
        let paths = candidates.map { $0.appendingPathComponent("quorum").path }
        guard let found = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("no quorum binary beside the tests (looked in \(paths)); build it first")
        }
        return found
    }

    static let themes = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes").path

    /// Runs `quorum` to the end in `folder`; its exit status and standard error.
    @discardableResult
    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path())
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
