import Foundation

/// Compares Quorum's results with the references' and formats the figures.
struct BenchRougeReport {
    let workload: BenchRougeWorkload
    let quorum: QuorumRougeRun
    let threshold: Double
    var reference: BenchRougeReference.Output?

    var pairAgreement: (same: Int, total: Int)? {
        guard let reference else { return nil }
        let expected = (reference.pairs.f + reference.pairs.f_stem).map { UInt64($0, radix: 16) }
        let actual = quorum.pairBits + quorum.pairStemBits
        return (zip(expected, actual).filter { $0 == $1 }.count, max(expected.count, actual.count))
    }

    var rapidfuzzKeptAgrees: Bool? { reference.map { $0.novelty.rapidfuzz.kept == quorum.kept } }

    var rougeScoreKeptAgrees: Bool? {
        reference.map { reference in
            let sample = reference.novelty.rouge_score.sample ?? 0
            return reference.novelty.rouge_score.kept == quorum.kept.filter { $0 < sample }
        }
    }

    var matrixAgreement: (same: Int, total: Int)? {
        guard let reference else { return nil }
        let expected = reference.matrix.values.flatMap { $0.flatMap { $0 } }.map { UInt64($0, radix: 16) }
        let actual = quorum.matrices.flatMap { $0.flatMap { $0 } }.map(\.bitPattern)
        return (zip(expected, actual).filter { $0 == $1 }.count, max(expected.count, actual.count))
    }

    var allAgree: Bool {
        guard reference != nil else { return true }
        return pairAgreement.map { $0.same == $0.total } == true && rapidfuzzKeptAgrees == true
            && rougeScoreKeptAgrees == true && matrixAgreement.map { $0.same == $0.total } == true
    }

    /// rouge-score's time on the whole stream: tokenising scales with the texts, comparing
    /// with the comparisons a brute-force filter makes on the whole stream.
    var rougeScoreExtrapolatedSeconds: Double? {
        guard let run = reference?.novelty.rouge_score, let sample = run.sample, sample > 0, run.comparisons > 0 else { return nil }
        let perComparison = (run.seconds - run.tokenize_seconds) / Double(run.comparisons)
        return run.tokenize_seconds * Double(workload.stream.count) / Double(sample)
            + perComparison * Double(quorum.bruteForceComparisons)
    }

    func text() -> String {
        var lines: [String] = []
        let pairCount = workload.pairs.count
        lines.append("Rouge-L agreement and speed, Quorum beside its references (same run, same inputs)")
        if let versions = reference?.versions {
            lines.append("references: " + versions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        lines.append("")
        lines.append("1. Pairs: \(pairCount) text pairs (instructions, edits, unicode, long texts, empty), each stemmer setting")
        if let agreement = pairAgreement {
            lines.append("   identical to rouge-score to the last bit: \(agreement.same)/\(agreement.total) (\(percent(agreement.same, agreement.total)))")
        }
        lines.append(row("   no stemmer", quorum: quorum.pairSeconds, reference: reference?.pairs.seconds, units: Double(pairCount), unit: "pairs/s", against: "rouge-score"))
        lines.append(row("   stemmer   ", quorum: quorum.pairStemSeconds, reference: reference?.pairs.seconds_stem, units: Double(pairCount), unit: "pairs/s", against: "rouge-score"))

        let streamCount = workload.stream.count
        lines.append("")
        lines.append("2. Novelty filter: \(streamCount) instruction-like texts (8-30 words, ~10% near duplicates), threshold \(threshold)")
        lines.append("   Quorum kept \(quorum.kept.count); \(String(format: "%.4f", quorum.noveltySeconds)) s (best of 5), \(rate(Double(streamCount) / quorum.noveltySeconds)) texts/s")
        if let rapidfuzz = reference?.novelty.rapidfuzz {
            lines.append("   rapidfuzz cdist LCSseq: \(String(format: "%.3f", rapidfuzz.seconds)) s; Quorum is \(ratio(rapidfuzz.seconds / quorum.noveltySeconds)) faster (target >= 10x); same kept set: \(yes(rapidfuzzKeptAgrees))")
        }
        if let rouge = reference?.novelty.rouge_score, let extrapolated = rougeScoreExtrapolatedSeconds {
            lines.append("   rouge-score: \(String(format: "%.2f", rouge.seconds)) s on the first \(rouge.sample ?? 0) texts (\(rouge.comparisons) comparisons); same kept set: \(yes(rougeScoreKeptAgrees))")
            lines.append("   rouge-score extrapolated to the stream (\(quorum.bruteForceComparisons) comparisons): \(String(format: "%.0f", extrapolated)) s; Quorum is \(ratio(extrapolated / quorum.noveltySeconds)) faster (target >= 3000x)")
        }

        let sizes = workload.matrices.joined().map { $0.split(separator: " ").count }
        let averageWords = sizes.isEmpty ? 0 : sizes.reduce(0, +) / sizes.count
        lines.append("")
        lines.append("3. Pairwise matrix: \(workload.matrices.count) sets of 8 texts of ~\(averageWords) words, Porter stemmer")
        lines.append("   Quorum: \(micros(quorum.matrixSeconds)) per matrix from tokens (target < 20 us); \(micros(quorum.decideSeconds)) per full consensus from raw text")
        if let matrix = reference?.matrix {
            if let agreement = matrixAgreement {
                lines.append("   identical to rouge-score to the last bit: \(agreement.same)/\(agreement.total) values")
            }
            lines.append("   rouge-score: \(micros(matrix.rouge_score.seconds_per_matrix)) per matrix (Quorum \(ratio(matrix.rouge_score.seconds_per_matrix / quorum.matrixSeconds)) faster)")
            lines.append("   rapidfuzz:   \(micros(matrix.rapidfuzz.seconds_per_matrix)) per matrix (Quorum \(ratio(matrix.rapidfuzz.seconds_per_matrix / quorum.matrixSeconds)) faster)")
        }
        lines.append("")
        lines.append(reference == nil ? "references skipped" : (allAgree ? "all results agree" : "DISAGREEMENT: see above"))
        return lines.joined(separator: "\n")
    }

    private func row(_ label: String, quorum: Double, reference: Double?, units: Double, unit: String, against name: String) -> String {
        var line = "\(label): Quorum \(rate(units / quorum)) \(unit)"
        if let reference {
            line += ", \(name) \(rate(units / reference)) \(unit), ratio \(ratio(reference / quorum))"
        }
        return line
    }

    private func rate(_ value: Double) -> String {
        value >= 1e6 ? String(format: "%.2fM", value / 1e6) : value >= 1e3 ? String(format: "%.1fk", value / 1e3) : String(format: "%.0f", value)
    }

    private func ratio(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0fx", value) : String(format: "%.1fx", value)
    }

    private func micros(_ seconds: Double) -> String { String(format: "%.1f us", seconds * 1e6) }
    private func percent(_ part: Int, _ whole: Int) -> String { String(format: "%.2f%%", 100 * Double(part) / Double(max(1, whole))) }
    private func yes(_ value: Bool?) -> String { value == true ? "yes" : "NO" }
}
