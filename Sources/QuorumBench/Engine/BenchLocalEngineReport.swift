import Foundation
import QuorumEngine

/// The table `quorum bench engine --local` prints: one column per server, the ratio of
/// llama-server's figure to each other server's, and the issue's two targets.
struct BenchLocalEngineReport {
    let figures: [BenchLocalEngineFigures]

    static let itemsPerMinuteFactor = 5.0
    static let firstReviewableSeconds = 20.0

    var text: String {
        guard !figures.isEmpty else { return "no server was measured\n" }
        let ours = figures.first { $0.server == BenchLocalEngine.Server.llamaServer.rawValue }
        let baselines = ours == nil ? [] : figures.filter { $0.server != BenchLocalEngine.Server.llamaServer.rawValue }
        var rows = [["figure"] + figures.map(\.server) + baselines.map { "ratio to \($0.server)" }]
        func row(
            _ name: String, ratio: Bool = true, _ value: (BenchLocalEngineFigures) -> Double?, _ format: (Double) -> String
        ) {
            var cells = [name] + figures.map { value($0).map(format) ?? "n/a" }
            if let ours {
                cells += baselines.map { ratio ? Self.ratio(value(ours), value($0)) : "" }
            }
            rows.append(cells)
        }
        let seconds = { (value: Double) in String(format: "%.1f s", value) }
        let count = { (value: Double) in String(Int(value)) }
        row("slots (requests served at once)", ratio: false, { Double($0.slots) }, count)
        row("engine answering", \.engineAnswering, seconds)
        row("first stored item", \.firstStored, seconds)
        row("first reviewable item", \.firstReviewable, seconds)
        row("generation time", ratio: false, \.seconds, seconds)
        row("items stored", { Double($0.stored) }, count)
        row("items per minute", \.itemsPerMinute) { String(format: "%.1f", $0) }
        row("items discarded", { $0.discardedShare.map { $0 * 100 } }) { String(format: "%.0f%%", $0) }
        row("prompt tokens from cache", { $0.promptTokens.map { Double($0.cachedPromptTokens) } }, count)
        row("prompt tokens evaluated", { $0.promptTokens.map { Double($0.evaluatedPromptTokens) } }, count)
        row("share of prompt tokens cached", { $0.promptTokens.flatMap(Self.cachedShare) }) { String(format: "%.0f%%", $0 * 100) }
        var lines = StoreBenchReport.aligned(rows)
        lines.append("")
        lines.append("times are from the start of the run (before the server is launched); ratio = llama-server / the other")
        lines.append(
            "llama-cpp-python gets the same prompts as llama-server; llama-cpp-python-sampled is the engine before "
                + "llama-server and fixed templates (each item's instance prompt with demonstrations drawn for it alone)")
        if let ours {
            lines += targets(ours, baselines)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The issue's "today's engine" is the one before it: llama-cpp-python with demonstrations
    /// drawn per item. Without that run, the factor over llama-cpp-python with the same prompts.
    private func targets(_ ours: BenchLocalEngineFigures, _ baselines: [BenchLocalEngineFigures]) -> [String] {
        var lines: [String] = []
        let today = baselines.first { $0.server == BenchLocalEngine.Server.llamaCppPythonSampled.rawValue }
            ?? baselines.first { $0.server == BenchLocalEngine.Server.llamaCppPython.rawValue }
        if let today, today.itemsPerMinute > 0 {
            let factor = ours.itemsPerMinute / today.itemsPerMinute
            lines.append(
                String(format: "target: items per minute at least %.0fx today's engine", Self.itemsPerMinuteFactor)
                    + " (\(today.server)): "
                    + String(format: "%.1fx, %@", factor, factor >= Self.itemsPerMinuteFactor ? "met" : "NOT met"))
        }
        let first = ours.firstReviewable
        lines.append(
            "target: first reviewable item within \(Int(Self.firstReviewableSeconds)) s: "
                + (first.map { String(format: "%.1f s, %@", $0, $0 <= Self.firstReviewableSeconds ? "met" : "NOT met") }
                    ?? "none in the run, NOT met"))
        return lines
    }

    static func ratio(_ ours: Double?, _ theirs: Double?) -> String {
        guard let ours, let theirs, theirs != 0 else { return "" }
        return String(format: "%.2f", ours / theirs)
    }

    static func cachedShare(_ tokens: LlamaServerMetrics) -> Double? {
        let total = tokens.cachedPromptTokens + tokens.evaluatedPromptTokens
        return total > 0 ? Double(tokens.cachedPromptTokens) / Double(total) : nil
    }
}
