import Foundation

/// The lines `quorum bench team` prints: one row per backend.
struct TeamBenchReport {
    private var rows: [[String]] = [["measurement", "decisions", "commit p50", "commit p99", "items/s"]]
    private var notes: [String] = []

    mutating func add(_ name: String, _ latencies: [Double], wallSeconds: Double) {
        let sorted = latencies.sorted()
        func percentile(_ fraction: Double) -> String {
            guard !sorted.isEmpty else { return "-" }
            return StoreBenchReport.format(sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))])
        }
        let rate = wallSeconds > 0 ? Double(sorted.count) / wallSeconds : 0
        rows.append([name, String(sorted.count), percentile(0.5), percentile(0.99), String(format: "%.0f", rate)])
    }

    mutating func note(_ text: String) {
        notes.append(text)
    }

    var text: String {
        (notes + [""] + StoreBenchReport.aligned(rows)).joined(separator: "\n") + "\n"
    }
}
