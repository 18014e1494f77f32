/// Stops a run whose instruction generator keeps answering without a usable instruction: an
/// empty answer, or instructions that every filter drops, is a request that "succeeds", so
/// the five-failures rule never fires and the run would ask again forever. `limit` rounds in
/// a row that keep nothing end the run; a round that keeps an instruction starts the count again.
actor FruitlessRounds {
    let limit: Int
    private var inARow = 0
    private var emptyAnswers = 0
    private var answersWithoutInstructions = 0
    private var dropped: [String: Int] = [:]
    /// Set once the limit is reached; every worker stops on it, before asking again.
    private(set) var stop: EngineError?

    init(limit: Int) { self.limit = max(1, limit) }

    /// Records one answered step-1 request of `member`: its text, the reasons of the instructions
    /// dropped from it and how many were kept. Returns the fruitless rounds in a row, and the
    /// error to stop with once they reach the limit.
    func record(member: String, answer: String, dropped reasons: [FilterReason], kept: Int)
        -> (inARow: Int, stop: EngineError?)
    {
        if let stop { return (inARow, stop) }
        guard kept == 0 else {
            inARow = 0
            emptyAnswers = 0
            answersWithoutInstructions = 0
            dropped = [:]
            return (0, nil)
        }
        inARow += 1
        if !reasons.isEmpty {
            for reason in reasons { dropped[reason.tallyReason, default: 0] += 1 }
        } else if answer.trimmingWhitespace().isEmpty {
            emptyAnswers += 1
        } else {
            answersWithoutInstructions += 1
        }
        guard inARow >= limit else { return (inARow, nil) }
        stop = .instructionsFruitless(member: member, rounds: inARow, outcome: outcome)
        return (inARow, stop)
    }

    /// What came back over the rounds in a row: `20 empty answers`, or the drop reasons with counts.
    private var outcome: String {
        var parts: [String] = []
        if emptyAnswers > 0 { parts.append(Self.count(emptyAnswers, "empty answer")) }
        if answersWithoutInstructions > 0 {
            parts.append(answersWithoutInstructions == 1 ? "1 answer without an instruction" : "\(answersWithoutInstructions) answers without an instruction")
        }
        let total = dropped.values.reduce(0, +)
        if total > 0 {
            let reasons = dropped.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            parts.append(Self.count(total, "instruction") + " dropped (\(reasons))")
        }
        return parts.joined(separator: ", ")
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
