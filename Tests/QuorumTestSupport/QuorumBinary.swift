import Foundation
import XCTest

/// The `quorum` executable that `swift build --build-tests` puts beside the test bundle, run as
/// a child process; the one place tests find it.
public enum QuorumBinary {
    /// The repository the tests were built from.
    public static let repository = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's themes folder.
    public static let themes = repository.appendingPathComponent("themes").path

    /// Where the binary is; a test that needs it fails (it is never skipped) when it is missing.
    public static func locate() throws -> URL {
        var folders: [URL] = []
        if let runner = Bundle.main.executableURL { folders.append(runner.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders += [bundle.bundleURL.deletingLastPathComponent(), bundle.bundleURL]
        }
        folders.append(repository.appendingPathComponent(".build/debug"))
        let candidates = folders.map { $0.appendingPathComponent("quorum") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw MissingBinary(searched: candidates.map(\.path))
        }
        return found
    }

    public static func path() throws -> String {
        try locate().path
    }

    public struct MissingBinary: Error, CustomStringConvertible {
        public let searched: [String]
        public var description: String {
            "no quorum binary beside the tests; run `swift build --build-tests` first (looked in \(searched))"
        }
    }

    public struct Result: Sendable {
        public var status: Int32
        public var standardOutput: String
        public var standardErrorBytes: [UInt8]
        /// It was still running at the deadline, and was ended.
        public var timedOut = false
        public var standardError: String { String(decoding: standardErrorBytes, as: UTF8.self) }
    }

    /// Runs `quorum arguments` to completion in `folder`, with `input` on its standard input
    /// and `$QUORUM_STORE` unset unless `environment` sets it; with `timeout`, a run still going
    /// after that many seconds is ended (SIGTERM) and marked `timedOut`.
    public static func run(
        _ arguments: [String], in folder: URL, input: String? = nil, environment extra: [String: String] = [:],
        timeout: Double? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = try locate()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "QUORUM_STORE")
        environment.merge(extra) { $1 }
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
        try standardInput.fileHandleForWriting.close()
        let errorReader = PipeDrain(error.fileHandleForReading)
        let outputReader = PipeDrain(output.fileHandleForReading)
        var timedOut = false
        if let timeout {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            timedOut = process.isRunning
            if timedOut { process.terminate() }
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputReader.wait(), as: UTF8.self),
            standardErrorBytes: [UInt8](errorReader.wait()), timedOut: timedOut)
    }
}

/// Reads a pipe to its end on another thread, so two pipes can drain at once.
public final class PipeDrain: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    public init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    public func wait() -> Data {
        done.wait()
        return data
    }
}
