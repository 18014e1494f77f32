import Foundation

/// Runs `scripts/bench/rouge_reference.py` (rouge-score and rapidfuzz) on the same workload.
struct BenchRougeReference {
    let repository: URL
    let python: String?

    struct Output: Decodable {
        struct Pairs: Decodable {
            let f: [String]
            let f_stem: [String]
            let seconds: Double
            let seconds_stem: Double
        }
        struct NoveltyRun: Decodable {
            let kept: [Int]
            let seconds: Double
            let tokenize_seconds: Double
            let comparisons: Int
            let sample: Int?
        }
        struct Novelty: Decodable {
            let rapidfuzz: NoveltyRun
            let rouge_score: NoveltyRun
        }
        struct Timing: Decodable { let seconds_per_matrix: Double }
        struct Matrix: Decodable {
            let values: [[[String]]]
            let rouge_score: Timing
            let rapidfuzz: Timing
        }
        let versions: [String: String]
        let pairs: Pairs
        let novelty: Novelty
        let matrix: Matrix
    }

    /// Finds the repository holding the scripts: next to the executable's build folder, or the current directory.
    static func locateRepository(explicit: String?, marker script: String = "scripts/bench/rouge_reference.py") -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit) }
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(directory)
            directory = directory.deletingLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(script).path) }
    }

    func run(workload: BenchRougeWorkload, threshold: Double, sample: Int) throws -> Output {
        let interpreter = try python ?? preparedVenv()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-bench-rouge-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let payload: [String: Any] = [
            "pairs": workload.pairs.map { ["a": $0.a, "b": $0.b] },
            "stream": workload.stream,
            "threshold": threshold,
            "rouge_score_sample": sample,
            "matrices": workload.matrices,
        ]
        try JSONSerialization.data(withJSONObject: payload).write(to: file)
        let script = repository.appendingPathComponent("scripts/bench/rouge_reference.py").path
        let data = try Self.capture(interpreter, [script, file.path])
        return try JSONDecoder().decode(Output.self, from: data)
    }

    /// The project's Python venv, created or updated on first use by `scripts/python-venv.sh`.
    private func preparedVenv() throws -> String {
        let setup = repository.appendingPathComponent("scripts/python-venv.sh").path
        let data = try Self.capture("/bin/bash", [setup])
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a program with standard error passed through and returns its standard output.
    static func capture(_ executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReferenceFailure(command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus)
        }
        return data
    }
}

struct ReferenceFailure: Error, CustomStringConvertible {
    let command: String
    let status: Int32
    var description: String { "reference run failed (exit \(status)): \(command)" }
}
