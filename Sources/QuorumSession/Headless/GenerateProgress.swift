// QuorumSession/Headless: Headless runs (`quorum generate`): progress on standard error and a clean stop on Ctrl-C.

import Foundation
import QuorumCore
import QuorumEngine
import Synchronization

/// Tallies engine events from concurrent tasks and shows progress on standard error: a bar
/// with rate and ETA redrawn in place on a terminal, one plain line per item otherwise.
public final class GenerateProgress: Sendable {
    private struct Tally {
        var stored = 0
        var instructionsKept = 0
        var instructionsFiltered: [String: Int] = [:]
        var instancesFiltered: [String: Int] = [:]
        var memberErrors: [String: Int] = [:]
        /// Instruction requests in a row answered without a usable instruction, and the limit.
        var fruitlessRounds = 0
        var fruitlessLimit = 0
        var lastDraw: Double = 0
    }

    private let tally = Mutex(Tally())
    private let target: Int
    private let alreadyStored: Int
    private let interactive: Bool
    private let started = Date()

    public init(target: Int, alreadyStored: Int, interactive: Bool = isatty(STDERR_FILENO) == 1) {
        self.target = target
        self.alreadyStored = alreadyStored
        self.interactive = interactive
    }

    public func handle(_ event: EngineEvent) {
        let line: String? = tally.withLock { tally in
            switch event {
            case .instructionKept: tally.instructionsKept += 1
            case .instructionFiltered(_, _, let reason): tally.instructionsFiltered[Self.kind(of: reason), default: 0] += 1
            case .instanceFiltered(_, let reason): tally.instancesFiltered[Self.kind(of: reason), default: 0] += 1
            case .memberFailed(let member, _): tally.memberErrors[member, default: 0] += 1
            case .progress(let stored, _): tally.stored = stored
            case .instructionRound(_, let inARow, let limit):
                tally.fruitlessRounds = inARow
                tally.fruitlessLimit = limit
            default: return nil
            }
            let now = Date().timeIntervalSince(started)
            // A fruitless round gets a line too: without it a run that keeps nothing prints nothing.
            var isProgress = false
            if case .progress = event { isProgress = true }
            if case .instructionRound(_, let inARow, _) = event, inARow > 0 { isProgress = true }
            if !isProgress && (!interactive || now - tally.lastDraw < 0.1) { return nil }
            tally.lastDraw = now
            return render(tally, elapsed: now)
        }
        guard let line else { return }
        let visible = TerminalSafeText.escaped(line)
        let text = interactive ? "\r\u{1B}[2K" + visible : visible + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The closing summary; `members` adds a line for each replica of a member served by several.
    public func finish(runID: Int64, interrupted: Bool, members: [LMMemberStatistics] = []) {
        let summary = tally.withLock { tally -> String in
            let seconds = Date().timeIntervalSince(started)
            var parts = [
                "\(interrupted ? "stopped" : "done"): \(tally.stored) of \(target) items stored in run \(runID) "
                    + String(format: "(%.1f s, %.2f items/s)", seconds, Double(tally.stored) / max(seconds, 0.001)),
                "instructions kept \(tally.instructionsKept), filtered \(tally.instructionsFiltered.values.reduce(0, +))"
                    + Self.breakdown(tally.instructionsFiltered),
                "instances filtered \(tally.instancesFiltered.values.reduce(0, +))" + Self.breakdown(tally.instancesFiltered),
            ]
            if !tally.memberErrors.isEmpty { parts.append("member errors" + Self.breakdown(tally.memberErrors)) }
            for member in members where member.replicas.count > 1 {
                for replica in member.replicas {
                    parts.append(
                        "\(member.member) at \(replica.url): \(replica.completed) answered, \(replica.failedAttempts) failed attempts, "
                            + "rested \(replica.rests) times" + (replica.isResting ? " (resting now)" : ""))
                }
            }
            if interrupted && tally.stored < target { parts.append("run `quorum generate` with the same options to resume") }
            return parts.joined(separator: "\n  ")
        }
        let visible = TerminalSafeText.escaped(summary)
        FileHandle.standardError.write(Data(((interactive ? "\r\u{1B}[2K" : "") + visible + "\n").utf8))
    }

    private func render(_ tally: Tally, elapsed: Double) -> String {
        let rate = Double(tally.stored) / max(elapsed, 0.001)
        let remaining = target - tally.stored
        let eta = rate > 0 ? String(format: "%.0f s", Double(remaining) / rate) : "?"
        let errors = tally.memberErrors.values.reduce(0, +)
        let counts = "\(tally.stored + alreadyStored)/\(target + alreadyStored) items"
        let detail = String(format: "%.2f items/s, ETA %@", rate, eta)
            + " | instructions kept \(tally.instructionsKept), filtered \(tally.instructionsFiltered.values.reduce(0, +))"
            + (errors > 0 ? " | errors \(errors)" : "")
            + (tally.fruitlessRounds > 0 ? " | fruitless rounds \(tally.fruitlessRounds)/\(tally.fruitlessLimit)" : "")
        guard interactive else { return "generate: \(counts), \(detail)" }
        let width = 24
        let filled = target > 0 ? width * tally.stored / target : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(counts)  \(detail)"
    }

    private static func kind(of reason: FilterReason) -> String {
        switch reason {
        case .tooShort: return "too short"
        case .tooLong: return "too long"
        case .blacklisted: return "blacklisted word"
        case .writeAProgram: return "write a program"
        case .startsWithPunctuation, .startsWithNonASCII: return "bad first character"
        case .tooSimilar: return "too similar"
        case .emptyOutput: return "empty output"
        case .emptyInput: return "empty input"
        case .unparsable: return "unparsable"
        }
    }

    private static func breakdown(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "" : " (" + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
    }
}
