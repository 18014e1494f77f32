// QuorumBench/TUI: `quorum bench tui`: the real workbench driven through tmux, key to frame and memory, beside
// less on the same items.

import ArgumentParser
import Foundation
import QuorumSession
import QuorumCommandLine
import QuorumStore

/// Builds a synthetic store and measures the real workbench in a tmux pane, beside `less`
/// paging the same items.
struct BenchTUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Workbench figures: start-up, key to frame and memory, beside less.",
        discussion: """
            Builds its own store (by default 100,000 items with 3 candidates each) in a temporary \
            folder and runs this executable's `quorum review` on it in a tmux pane of its own \
            (200×60 by default): start-up to the first frame, a tour of keys (j k J K PageDown G g, \
            searches, filters, and the reader opened on a 2,000-word candidate and read to its \
            end) each timed to its finished frame, and the peak resident memory. The \
            workbench's own frame log (QUORUM_FRAME_LOG) gives the inside times; captures of the \
            pane give the outside ones, which are also taken for `less` paging the same items as \
            JSONL (the reference). Run it from a release build.
            """)

    @Option(help: "Items in the synthetic store.") var items = 100_000
    @Option(help: "Keys pressed in each tour.") var keys = 500
    @Option(help: "Start-ups timed for each program; the median is reported.") var startups = 5
    @Option(help: "Pane width.") var width = 200
    @Option(help: "Pane height.") var height = 60
    @Flag(help: "Print the figures as one JSON object.") var json = false
    @Option(help: ArgumentHelp("Build the store in this folder and keep it.", valueName: "path")) var folder: String?

    static let candidates = 3

    func validate() throws {
        guard items >= 200 else { throw ValidationError("--items must be at least 200") }
        guard keys >= 1, startups >= 1 else { throw ValidationError("--keys and --startups must be at least 1") }
        guard width >= 80, height >= 24 else { throw ValidationError("the pane must be at least 80×24") }
    }

    func run() async throws {
        let workFolder = try BenchWorkspace.folder(folder, name: "bench-tui")
        defer { if folder == nil { try? FileManager.default.removeItem(atPath: workFolder) } }
        let storePath = workFolder + "/bench.sqlite"
        let jsonlPath = workFolder + "/items.jsonl"
        progress("building a store of \(items) items…")
        let buildSeconds = try await BenchWorkspace.buildStore(
            at: storePath, shape: SyntheticStore.Shape(items: items, candidatesPerItem: Self.candidates), command: invokedCommandLine)
        try await BenchTUIKey.addLongItem(toStoreAt: storePath, command: invokedCommandLine)
        let (fast, slow) = try await timeCounts(storePath)
        let exported = try await export(storePath, to: jsonlPath)

        let tmux: TmuxControl
        do { tmux = try TmuxControl(folder: workFolder, width: width, height: height) } catch {
            throw failure("\(error)", status: ExitStatus.software)
        }
        defer { tmux.shutDown() }
        let driver = BenchTUIDriver(tmux: tmux)
        let tour = BenchTUIKey.tour(count: keys) + BenchTUIKey.readerTour(repeats: 10)
        do {
            progress("measuring quorum review…")
            let quorum = try measureQuorum(driver, tour: tour, storePath: storePath, folder: workFolder)
            var pager: BenchTUIRun?
            if let less = StoreBenchProcess.find("less") {
                progress("measuring less…")
                pager = try measurePager(less, driver, tour: tour, file: jsonlPath, folder: workFolder)
            } else {
                progress("no less on PATH (Debian: apt-get install less): no reference")
            }
            let report = BenchTUIReport(
                setup: BenchTUIReport.Setup(
                    items: items, candidates: Self.candidates, width: width, height: height, keys: tour.count,
                    startups: startups, storeBuildSeconds: buildSeconds, referenceFileBytes: exported,
                    countsByStatusSeconds: fast, statsSeconds: slow),
                quorum: quorum, pager: pager)
            print(json ? report.json : report.text, terminator: "")
        } catch let error as BenchTUIError {
            throw failure(error.description, status: ExitStatus.software)
        }
    }

    private func measureQuorum(_ driver: BenchTUIDriver, tour: [BenchTUIKey], storePath: String, folder: String) throws -> BenchTUIRun {
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        var run = BenchTUIRun(program: "quorum")
        for index in 0..<startups {
            let log = FrameLogTail(path: folder + "/frames-\(index).log")
            let startup = try driver.launch(
                [executable, "review", "--store", storePath, "--curator", "bench"],
                environment: Self.terminal.merging([FrameLog.variable: log.path]) { $1 }, directory: folder,
                frameLog: log)
            guard log.start != nil else { throw BenchTUIError("quorum review wrote no frame log to \(log.path)") }
            run.startups.append(startup)
            if index < startups - 1 { try quit(driver, "quorum review") }
        }
        let written = try bytesWritten(by: run.startups.last!.pid)
        for key in tour { run.watchedKeys.append(try driver.press(key, tmuxKey: key.quorum, outside: true)) }
        run.watchedBytes = try bytesWritten(by: run.startups.last!.pid) - written
        for key in tour { run.loggedKeys.append(try driver.press(key, tmuxKey: key.quorum, outside: false)) }
        run.memory = try ProcessMemory.of(run.startups.last!.pid)
        try quit(driver, "quorum review")
        return run
    }

    private func measurePager(_ less: String, _ driver: BenchTUIDriver, tour: [BenchTUIKey], file: String, folder: String) throws -> BenchTUIRun {
        var run = BenchTUIRun(program: Self.version(of: less))
        let environment = Self.terminal.merging(["LESS": "", "LESSHISTFILE": "-"]) { $1 }
        for index in 0..<startups {
            run.startups.append(try driver.launch([less, "--no-lessopen", file], environment: environment, directory: folder, frameLog: nil))
            if index < startups - 1 { try quit(driver, "less") }
        }
        let written = try bytesWritten(by: run.startups.last!.pid)
        for key in tour {
            guard let pagerKey = key.pager else { continue }
            run.watchedKeys.append(try driver.press(key, tmuxKey: pagerKey, outside: true))
        }
        run.watchedBytes = try bytesWritten(by: run.startups.last!.pid) - written
        run.memory = try ProcessMemory.of(run.startups.last!.pid)
        try quit(driver, "less")
        return run
    }

    private func quit(_ driver: BenchTUIDriver, _ name: String) throws {
        let status = try driver.quit(with: "q")
        guard status == 0 else { throw BenchTUIError("\(name) exited with status \(status)") }
    }

    /// What both programs get: the terminal tmux emulates and a UTF-8 locale.
    private static let terminal = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]

    private static func version(of less: String) -> String {
        let output = (try? StoreBenchProcess.run(less, ["--version"]))?.standardOutput ?? Data()
        let words = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        return words.count >= 2 ? "\(words[0]) \(words[1])" : "less"
    }

    private func progress(_ text: String) {
        FileHandle.standardError.write(Data("quorum bench tui: \(text)\n".utf8))
    }

    /// The status bar's count (median of 5) and `stats()`, which it replaces; they must agree.
    private func timeCounts(_ storePath: String) async throws -> (fast: Double, slow: Double) {
        let store = try Store.open(at: storePath, access: .read)
        defer { try? store.close() }
        var times: [Double] = []
        var counts: [ItemStatus: Int] = [:]
        for _ in 0..<5 {
            let start = ContinuousClock.now
            counts = try await store.countsByStatus()
            times.append((ContinuousClock.now - start).seconds)
        }
        let start = ContinuousClock.now
        let stats = try await store.stats()
        let slow = (ContinuousClock.now - start).seconds
        guard ItemStatus.allCases.allSatisfy({ counts[$0] == stats.count(status: $0) }) else {
            throw failure("countsByStatus() disagrees with stats(): \(counts)", status: ExitStatus.software)
        }
        return (StoreBenchSample(values: times).median, slow)
    }

    /// Every item, with its candidates and consensus, one JSON object a line; returns the bytes.
    private func export(_ storePath: String, to path: String) async throws -> Int {
        let store = try Store.open(at: storePath, access: .read)
        defer { try? store.close() }
        let summary = try await store.export(ExportRequest(format: .full, statuses: ItemStatus.allCases), to: .file(path: path))
        return summary.bytes
    }
}
