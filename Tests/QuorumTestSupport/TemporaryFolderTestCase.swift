import Foundation
import XCTest

/// A fresh temporary folder per test, removed afterwards.
open class TemporaryFolderTestCase: XCTestCase {
    public var folder: URL!

    open override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("quorum-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    open override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    public func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Writes `text` to `name` in the folder; its path.
    public func write(_ text: String, to name: String) throws -> String {
        let target = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }
}
