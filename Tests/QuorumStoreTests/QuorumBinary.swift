import Foundation
import XCTest

/// The `quorum` executable built beside this test bundle, run as a child process.
enum QuorumBinary {
    static func locate(file: StaticString = #filePath) throws -> URL {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("quorum"))
        }
        candidates.append(Bundle(for: StoreTestCase.self).bundleURL.deletingLastPathComponent().appendingPathComponent("quorum"))
        let repository = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates += [".build-store", ".build"].map { repository.appendingPathComponent("\($0)/debug/quorum") }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("no quorum binary beside the tests; build it first (looked in \(candidates.map(\.path)))")
        }
        return found
    }

    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs `quorum arguments` to completion in `folder`, with `input` on its standard input.
    static func run(
        _ arguments: [String], in folder: URL, input: String? = nil, environment extra: [String: String] = [:]
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
        let errorReader = Thread.detachNewThreadReading(error.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorReader.wait(), as: UTF8.self))
    }
}

/// Reads a pipe to its end on another thread, so two pipes can drain at once.
final class PipeDrain: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

extension Thread {
    static func detachNewThreadReading(_ handle: FileHandle) -> PipeDrain { PipeDrain(handle) }
}
