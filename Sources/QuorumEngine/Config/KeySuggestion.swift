/// "Did you mean …?" for a misspelt name: the closest known name when it is close enough
/// (names of under four letters only match when they differ in case or separators).
enum KeySuggestion {
    static func closest(to name: String, among known: [String]) -> String? {
        let folded = fold(name)
        if let sameLetters = known.first(where: { fold($0) == folded }) { return sameLetters }
        let lowered = Array(name.lowercased().unicodeScalars)
        let scored = known.map { candidate in
            (candidate, editDistance(lowered, Array(candidate.lowercased().unicodeScalars)))
        }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let allowed = lowered.count < 4 ? 0 : min(3, max(1, lowered.count / 3))
        return best.1 <= allowed ? best.0 : nil
    }

    /// Lowercase without `_`, `-` and spaces, so `baseURL`, `base-url` and `base_url` agree.
    private static func fold(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// Levenshtein distance, counting a swap of neighbours as one edit.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
