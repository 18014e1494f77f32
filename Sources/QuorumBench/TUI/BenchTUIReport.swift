import Foundation
import QuorumSession

/// What `quorum bench tui` prints: the figures beside the pager's, with ratios and budgets,
/// then a breakdown by key; or the same as one JSON object.
struct BenchTUIReport {
    struct Setup: Encodable {
        var items: Int
        var candidates: Int
        var width: Int
        var height: Int
        var keys: Int
        var startups: Int
        var storeBuildSeconds: Double
        var referenceFileBytes: Int
        /// `countsByStatus()` (median of 5) and `stats()`, the path it replaces, at this size.
        var countsByStatusSeconds: Double
        var statsSeconds: Double
    }

    static let startupBudget = 0.3
    static let keyBudget = 0.01
    static let memoryBudget = 150.0 * 1_000_000

    var setup: Setup
    var quorum: BenchTUIRun
    var pager: BenchTUIRun?

    var text: String {
        var lines = [
            "quorum bench tui: \(setup.items) items × \(setup.candidates) candidates at \(setup.width)×\(setup.height), "
                + "\(setup.keys) keys, \(setup.startups == 1 ? "1 start-up" : "\(setup.startups) start-ups") each",
            String(format: "store built in %.1f s; the reference, %@, pages the same items exported as JSONL (%.1f MB)",
                   setup.storeBuildSeconds, pager?.program ?? "less (missing)", Double(setup.referenceFileBytes) / 1e6),
            String(format: "status-bar counts: countsByStatus %@ (median of 5), stats() %@ (the old path): %.0f× faster",
                   Self.time(setup.countsByStatusSeconds), Self.time(setup.statsSeconds),
                   setup.statsSeconds / setup.countsByStatusSeconds),
            "",
        ]
        var table = [["figure", "quorum", pager?.program ?? "reference", "ratio", "budget"]]
        func row(_ name: String, _ mine: Double?, _ theirs: Double?, budget: (Double, String)? = nil, memory: Bool = false) {
            let format: (Double?) -> String = { $0.map(memory ? Self.megabytes : Self.time) ?? "" }
            let ratio = mine.flatMap { mine in theirs.map { String(format: "%.1f×", mine / $0) } } ?? ""
            let verdict = budget.map { budget, label in
                "< " + label + (mine.map { $0 < budget ? " ✓" : " ✗" } ?? " ?")
            } ?? ""
            table.append([name, format(mine), format(theirs), ratio, verdict])
        }
        row("start-up to first frame (inside)", quorum.startupFirstFrame, nil, budget: (Self.startupBudget, "300 ms"))
        row("start-up to settled frame, counts shown (inside)", quorum.startupSettled, nil)
        row("start-up to finished screen (outside)", quorum.startupScreen, pager?.startupScreen)
        row("key to its frame p50 (inside)", quorum.keyFrames.median, nil)
        row("key to its frame p99 (inside)", quorum.keyFrames.percentile(0.99), nil, budget: (Self.keyBudget, "10 ms"))
        row("key to finished frame, store reads in, p50 (inside)", quorum.keySettledFrames.median, nil)
        row("key to finished frame, store reads in, p99 (inside)", quorum.keySettledFrames.percentile(0.99), nil,
            budget: (Self.keyBudget, "10 ms"))
        row("reader: v and G on 2,000 words, p99 (inside)", quorum.readerFrames.percentile(0.99), nil,
            budget: (Self.keyBudget, "10 ms"))
        row("key to finished screen p50 (outside)", quorum.keyScreens.median, pager?.keyScreens.median)
        row("key to finished screen p99 (outside)", quorum.keyScreens.percentile(0.99), pager?.keyScreens.percentile(0.99))
        let kilobytes = { (bytes: Double?) in bytes.map { String(format: "%.1f kB", $0 / 1e3) } ?? "" }
        table.append([
            "bytes written per press (outside phase)", kilobytes(quorum.bytesPerWatchedPress),
            kilobytes(pager?.bytesPerWatchedPress),
            quorum.bytesPerWatchedPress.flatMap { mine in pager?.bytesPerWatchedPress.map { String(format: "%.1f×", mine / $0) } } ?? "",
            "",
        ])
        row("peak resident memory (VmHWM)", Double(quorum.memory.peakBytes), pager.map { Double($0.memory.peakBytes) },
            budget: (Self.memoryBudget, "150 MB"), memory: true)
        row("resident memory at the end (VmRSS)", Double(quorum.memory.residentBytes),
            pager.map { Double($0.memory.residentBytes) }, memory: true)
        lines += Self.columns(table) + [""]

        var kinds = [["by key (p50/p99)", "presses", "its frame", "finished frame", "finished screen",
                      "\(pager?.program ?? "reference")'s screen"]]
        for kind in BenchTUIKey.Kind.allCases {
            let first = quorum.keyFrames(kind)
            let pair: (BenchTUISample?) -> String = { sample in
                guard let sample, let median = sample.median, let tail = sample.percentile(0.99) else { return "—" }
                return Self.time(median) + " / " + Self.time(tail)
            }
            kinds.append([
                kind.rawValue, String(first.values.count), pair(first), pair(quorum.keySettledFrames(kind)),
                pair(quorum.keyScreens(kind)), pair(pager?.keyScreens(kind)),
            ])
        }
        lines += Self.columns(kinds) + [""]
        let watchedInside = BenchTUISample(quorum.watchedKeys.map(\.inside)).median
        let watchedOutside = BenchTUISample(quorum.watchedKeys.map(\.outside)).median
        lines += [
            "inside: from the workbench reading the key (or being started) to a frame handed to the terminal, from its",
            "  \(FrameLog.variable); its frame answers the key at once, the finished one also shows what the key asked",
            "  of the store (an item, a page, a search, the counts).",
            "outside: from tmux send-keys (or respawn-pane) to the first capture-pane that shows the finished screen",
            "  (text only; one asked for every 1.5 ms or so through a tmux control client); only the presses both",
            "  programs share are compared.",
            "cross-check on the \(quorum.watchedKeys.count) presses watched from outside: finished frame p50 "
                + (watchedInside.map(Self.time) ?? "—") + " inside, " + (watchedOutside.map(Self.time) ?? "—") + " outside.",
            "presses that left the screen as it was (no outside figure): quorum \(quorum.unchangedScreens), "
                + "\(pager?.program ?? "reference") \(pager?.unchangedScreens ?? 0).",
        ]
        #if DEBUG
        lines.append("note: a debug build; the figures that count come from `swift build -c release`")
        #endif
        return lines.joined(separator: "\n") + "\n"
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let summary = Summary(
            setup: setup, quorum: Summary.Program(quorum), reference: pager.map(Summary.Program.init),
            budgets: Summary.Budgets(
                startupFirstFrame: quorum.startupFirstFrame.map { $0 < Self.startupBudget } ?? false,
                keyFrameP99: quorum.keyFrames.percentile(0.99).map { $0 < Self.keyBudget } ?? false,
                keySettledP99: quorum.keySettledFrames.percentile(0.99).map { $0 < Self.keyBudget } ?? false,
                peakMemory: Double(quorum.memory.peakBytes) < Self.memoryBudget))
        return String(decoding: (try? encoder.encode(summary)) ?? Data(), as: UTF8.self) + "\n"
    }

    private struct Summary: Encodable {
        struct Program: Encodable {
            var program: String
            var startupFirstFrameSeconds: Double?
            var startupSettledSeconds: Double?
            var startupScreenSeconds: Double?
            var keyFrameP50Seconds: Double?
            var keyFrameP99Seconds: Double?
            var keySettledP50Seconds: Double?
            var keySettledP99Seconds: Double?
            var keyScreenP50Seconds: Double?
            var keyScreenP99Seconds: Double?
            var readerKeyP99Seconds: Double?
            var unchangedScreens: Int
            var bytesPerWatchedPress: Double?
            var peakMemoryBytes: Int
            var residentMemoryBytes: Int

            init(_ run: BenchTUIRun) {
                program = run.program
                startupFirstFrameSeconds = run.startupFirstFrame
                startupSettledSeconds = run.startupSettled
                startupScreenSeconds = run.startupScreen
                keyFrameP50Seconds = run.keyFrames.median
                keyFrameP99Seconds = run.keyFrames.percentile(0.99)
                keySettledP50Seconds = run.keySettledFrames.median
                keySettledP99Seconds = run.keySettledFrames.percentile(0.99)
                keyScreenP50Seconds = run.keyScreens.median
                keyScreenP99Seconds = run.keyScreens.percentile(0.99)
                readerKeyP99Seconds = run.readerFrames.percentile(0.99)
                unchangedScreens = run.unchangedScreens
                bytesPerWatchedPress = run.bytesPerWatchedPress
                peakMemoryBytes = run.memory.peakBytes
                residentMemoryBytes = run.memory.residentBytes
            }
        }

        struct Budgets: Encodable {
            var startupFirstFrame: Bool
            var keyFrameP99: Bool
            var keySettledP99: Bool
            var peakMemory: Bool
        }

        var setup: Setup
        var quorum: Program
        var reference: Program?
        var budgets: Budgets
    }

    static func time(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1_000) : String(format: "%.2f s", seconds)
    }

    static func megabytes(_ bytes: Double) -> String {
        String(format: "%.1f MB", bytes / 1e6)
    }

    private static func columns(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max()! }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }
}
