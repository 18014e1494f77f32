// QuorumBench/Rouge: `quorum bench rouge`: Rouge-L, the matrix and the novelty filter beside rouge-score and
// rapidfuzz, the same inputs in the same run.

import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumCore

struct BenchRougeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rouge",
        abstract: "Rouge-L agreement and speed beside rouge-score 0.1.2 and rapidfuzz, in one run.",
        discussion: """
            Builds seeded workloads (text pairs, a stream of instruction-like texts with near \
            duplicates, 8-candidate sets of ~200-token texts), runs them on Quorum and on the \
            Python references (in the project's venv, set up on first use), checks that every \
            result agrees, and prints throughput and ratios. Build with -c release first.
            """
    )

    @Option(help: "Texts in the novelty stream.") var streamSize = 10_000
    @Option(help: "Text pairs scored for agreement.") var pairs = 10_000
    @Option(help: "8-candidate sets for the matrix workload.") var matrices = 40
    @Option(help: "Stream prefix that rouge-score filters (its full time is extrapolated).") var sample = 1_000
    @Option(help: "Workload seed.") var seed: UInt64 = 1
    @Option(help: "Python interpreter with rouge-score, rapidfuzz and numpy (default: the project's venv).")
    var python: String?
    @Option(help: "The Quorum repository holding scripts/ (default: found from the executable or the current directory).")
    var repository: String?
    @Flag(help: "Measure Quorum only, without the references.") var quorumOnly = false

    func run() async throws {
        let threshold = 0.7
        let workload = BenchRougeWorkload.make(
            streamSize: streamSize, pairCount: pairs, matrixCount: matrices, seed: seed)
        printError("bench rouge: measuring Quorum")
        let quorum = QuorumRougeRun.measure(workload, threshold: threshold)
        var report = BenchRougeReport(workload: workload, quorum: quorum, threshold: threshold)
        if !quorumOnly {
            guard let root = BenchRougeReference.locateRepository(explicit: repository) else {
                throw failure("cannot find scripts/bench/rouge_reference.py; pass --repository or --quorum-only", status: ExitStatus.config)
            }
            printError("bench rouge: running the Python references (rouge-score, rapidfuzz)")
            do {
                report.reference = try BenchRougeReference(repository: root, python: python)
                    .run(workload: workload, threshold: threshold, sample: min(sample, streamSize))
            } catch {
                throw failure("\(error)", status: ExitStatus.software)
            }
        }
        print(report.text())
        if !report.allAgree { throw ExitCode.failure }
    }
}
