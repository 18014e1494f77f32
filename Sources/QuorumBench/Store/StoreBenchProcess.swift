import Foundation

/// A child process run to completion and timed, for whole-process benchmark figures.
struct StoreBenchProcess {
    var status: Int32
    var seconds: Double
    var standardOutput: Data

    /// Runs `executable` with `arguments`; standard output goes to `outputPath` when given,
    /// else it is captured.
    static func run(_ executable: String, _ arguments: [String], outputPath: String? = nil) throws -> StoreBenchProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        let pipe = Pipe()
        var outputFile: FileHandle?
        if let outputPath {
            guard FileManager.default.createFile(atPath: outputPath, contents: nil),
                  let file = FileHandle(forWritingAtPath: outputPath) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: outputPath])
            }
            outputFile = file
            process.standardOutput = outputFile
        } else {
            process.standardOutput = pipe
        }
        let start = ContinuousClock.now
        try process.run()
        let captured = outputPath == nil ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        try outputFile?.close()
        return StoreBenchProcess(status: process.terminationStatus, seconds: elapsed.seconds, standardOutput: captured)
    }

    /// The first executable called `name` on $PATH.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Median and best of repeated timings, in seconds.
struct StoreBenchSample {
    var values: [Double]

    var median: Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    var best: Double { values.min() ?? .nan }
}
