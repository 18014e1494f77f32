// QuorumBench/Store: `quorum bench store`: export and first-page figures on a synthetic store, beside sqlite3's
// own json_object export.

import ArgumentParser
import Foundation
import QuorumCore
import QuorumCommandLine
import QuorumSession
import QuorumStore

/// Builds a synthetic store and measures export and the review queue, beside `sqlite3`.
struct BenchStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Store figures: export and review-queue timings, beside the sqlite3 CLI.",
        discussion: """
            Builds its own store (by default 100,000 items with 3 candidates each) in a temporary \
            folder, then times: the alpaca export in process and as a whole `quorum export` \
            process beside `sqlite3` writing the same JSON with json_object (the reference); the \
            sharegpt and full exports; opening the store and reading one page of the review queue \
            with a fresh connection pool and in a fresh process. Run it from a release build.
            """)

    @Option(help: "Items in the synthetic store.")
    var items = 100_000

    @Option(help: "Candidates per item.")
    var candidates = 3

    @Option(help: "Timed runs of each measurement; the median and best are reported.")
    var runs = 5

    @Option(help: ArgumentHelp("Build the store in this folder and keep it.", valueName: "path"))
    var folder: String?

    func run() async throws {
        let workFolder = try BenchWorkspace.folder(folder, name: "bench-store")
        defer { if folder == nil { try? FileManager.default.removeItem(atPath: workFolder) } }
        let storePath = workFolder + "/bench.sqlite"
        var report = StoreBenchReport()
        #if DEBUG
        report.note("note: a debug build; the figures that count come from `swift build -c release`")
        #endif
        let buildSeconds = try await BenchWorkspace.buildStore(
            at: storePath, shape: SyntheticStore.Shape(items: items, candidatesPerItem: candidates), command: invokedCommandLine)
        let self_ = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let alpacaPath = workFolder + "/alpaca.jsonl"

        report.add("export alpaca, in process (open, stream, fsync, rename)", try await timeExport(storePath, .alpaca, to: alpacaPath), targetSeconds: 2)
        let cliExport = try sample { try StoreBenchProcess.run(self_, ["export", "--store", storePath, "-o", alpacaPath]) }
        report.add("quorum export alpaca -o FILE, whole process", cliExport, targetSeconds: 2)
        let stdoutPath = workFolder + "/alpaca-stdout.jsonl"
        let cliStdout = try sample {
            try StoreBenchProcess.run(self_, ["export", "--store", storePath], outputPath: stdoutPath)
        }
        report.add("quorum export alpaca > FILE, whole process", cliStdout, targetSeconds: 2)
        if let sqlite3 = StoreBenchProcess.find("sqlite3") {
            let referencePath = workFolder + "/sqlite3.jsonl"
            let reference = try sample {
                try StoreBenchProcess.run(sqlite3, ["-readonly", storePath, Self.referenceQuery], outputPath: referencePath)
            }
            report.add("reference: sqlite3 json_object > FILE, whole process", reference)
            let identical = FileManager.default.contentsEqual(atPath: stdoutPath, andPath: referencePath)
                && FileManager.default.contentsEqual(atPath: alpacaPath, andPath: referencePath)
            report.note(String(
                format: "quorum export > FILE takes %.2f× sqlite3's time (medians; both write to a redirected stdout); "
                    + "with -o (fsync + rename) %.2f×", cliStdout.median / reference.median, cliExport.median / reference.median))
            report.note("outputs byte-identical to sqlite3's: \(identical ? "yes" : "NO")")
        } else {
            report.note("reference skipped: no sqlite3 on PATH (Debian: apt-get install sqlite3)")
        }
        report.add("export sharegpt, in process", try await timeExport(storePath, .sharegpt, to: workFolder + "/sharegpt.jsonl"))
        report.add("export full, in process", try await timeExport(storePath, .full, to: workFolder + "/full.jsonl"))
        report.add("open + review page of 50, fresh pool", try await timeReviewPage(storePath), targetSeconds: 0.05)
        report.add("open + review page of 50 by fragility, fresh pool", try await timeReviewPage(storePath, order: .fragility),
                   targetSeconds: 0.05)
        let filter = try FilterExpression.parse("type = A and fragility >= 0.3")
        report.add("open + first filtered page of 50 (type = A and fragility >= 0.3), fresh pool",
                   try await timeFilteredPage(storePath, filter), targetSeconds: 0.05)
        let (bulk, undo) = try await timeBulkAccept(storePath, copyIn: workFolder)
        report.add("bulk accept of 10,000 pending items, one batch", bulk, targetSeconds: 1)
        report.add("undo of that batch", undo, targetSeconds: 1)
        var processWall: [Double] = []
        let inside = try sample {
            let result = try StoreBenchProcess.run(self_, ["debug", "review-page", "--store", storePath])
            processWall.append(result.seconds)
            return result
        } measure: { result in
            Self.microseconds(in: result.standardOutput).map { Double($0) / 1e6 } ?? .nan
        }
        report.add("open + review page of 50, fresh process", inside, targetSeconds: 0.05)
        report.add("  the same process's wall time, startup included", StoreBenchSample(values: processWall))

        let size = (try? FileManager.default.attributesOfItem(atPath: storePath)[.size] as? Int) ?? 0
        let exported = (try? FileManager.default.attributesOfItem(atPath: alpacaPath)[.size] as? Int) ?? 0
        print("quorum bench store: \(items) items × \(candidates) candidates, \(runs) runs each")
        print(String(
            format: "store built in %.1f s: %.1f MB; alpaca export %.1f MB\n",
            buildSeconds, Double(size) / 1e6, Double(exported) / 1e6))
        print(report.text, terminator: "")
    }

    static let referenceQuery = """
        SELECT json_object('instruction', instruction, 'input', input, 'output', output) FROM items
        WHERE status IN ('accepted', 'edited', 'overridden') AND output IS NOT NULL ORDER BY id
        """

    private func timeExport(_ storePath: String, _ format: ExportFormat, to target: String) async throws -> StoreBenchSample {
        var values: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            let store = try Store.open(at: storePath, access: .read)
            _ = try await store.export(ExportRequest(format: format), to: .file(path: target))
            try store.close()
            values.append((ContinuousClock.now - start).seconds)
        }
        return StoreBenchSample(values: values)
    }

    private func timeReviewPage(_ storePath: String, order: ReviewOrder = .id) async throws -> StoreBenchSample {
        var values: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            let store = try Store.open(at: storePath, access: .read)
            let page = try await store.reviewQueue(orderedBy: order, limit: 50).items
            values.append((ContinuousClock.now - start).seconds)
            guard page.count == 50 else { throw failure("the review queue has only \(page.count) items", status: ExitStatus.software) }
            try store.close()
        }
        return StoreBenchSample(values: values)
    }

    private func timeFilteredPage(_ storePath: String, _ filter: FilterExpression) async throws -> StoreBenchSample {
        var values: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            let store = try Store.open(at: storePath, access: .read)
            let selection = QueueSelection(statuses: ItemStatus.allCases, order: .fragility, filter: filter)
            let page = try await store.queueListing(selection, after: .start, scanning: 5_000, limit: 50)
            values.append((ContinuousClock.now - start).seconds)
            guard !page.rows.isEmpty else { throw failure("the filter matched no item", status: ExitStatus.software) }
            try store.close()
        }
        return StoreBenchSample(values: values)
    }

    /// Each run accepts 10,000 pending items of a copy of the store as one batch and undoes it.
    private func timeBulkAccept(_ storePath: String, copyIn folder: String) async throws -> (StoreBenchSample, StoreBenchSample) {
        let copy = folder + "/bulk.sqlite"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: storePath, toPath: copy)
        let store = try Store.open(at: copy, access: .write(command: "quorum bench store"))
        defer { try? store.close() }
        let targets = Array(try await store.batchTargets(QueueSelection(statuses: [.pending])).prefix(10_000))
        guard targets.count == 10_000 else {
            throw failure("the store has only \(targets.count) pending items for the bulk accept", status: ExitStatus.software)
        }
        var accepts: [Double] = []
        var undos: [Double] = []
        for _ in 0..<runs {
            var start = ContinuousClock.now
            let outcome = try await store.write { try $0.decideBatch(.accept, items: targets, curator: "bench") }
            accepts.append((ContinuousClock.now - start).seconds)
            guard let batchID = outcome.batchID, outcome.itemIDs.count + outcome.skipped == targets.count else {
                throw failure("the bulk accept decided \(outcome.itemIDs.count) items", status: ExitStatus.software)
            }
            start = ContinuousClock.now
            _ = try await store.write { try $0.undoBatch(batchID, curator: "bench") }
            undos.append((ContinuousClock.now - start).seconds)
        }
        return (StoreBenchSample(values: accepts), StoreBenchSample(values: undos))
    }

    private func sample(
        _ body: () throws -> StoreBenchProcess,
        measure: (StoreBenchProcess) -> Double = { $0.seconds }
    ) throws -> StoreBenchSample {
        var values: [Double] = []
        for _ in 0..<runs {
            let result = try body()
            guard result.status == 0 else {
                throw failure("a benchmark process failed with status \(result.status)", status: ExitStatus.software)
            }
            values.append(measure(result))
        }
        return StoreBenchSample(values: values)
    }

    private static func microseconds(in output: Data) -> Int? {
        let text = String(decoding: output, as: UTF8.self)
        guard let range = text.range(of: "\"microseconds\":") else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
