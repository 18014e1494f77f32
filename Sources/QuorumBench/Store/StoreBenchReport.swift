import Foundation

/// The lines `quorum bench store` prints: one row per measurement, with its target if any.
struct StoreBenchReport {
    private var rows: [[String]] = [["measurement", "median", "best", "target", "meets"]]
    private var notes: [String] = []

    mutating func add(_ name: String, _ sample: StoreBenchSample, targetSeconds: Double? = nil) {
        rows.append([
            name, Self.format(sample.median), Self.format(sample.best),
            targetSeconds.map { "< " + Self.format($0) } ?? "",
            targetSeconds.map { sample.median < $0 ? "yes" : "NO" } ?? "",
        ])
    }

    mutating func note(_ text: String) {
        notes.append(text)
    }

    var text: String {
        (Self.aligned(rows) + [""] + notes).joined(separator: "\n") + "\n"
    }

    /// Rows as lines of columns: the first cell left-aligned, the others right-aligned.
    static func aligned(_ rows: [[String]]) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max()! }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1_000) : String(format: "%.2f s", seconds)
    }
}
