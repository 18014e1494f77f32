/// Cuts streamed text at the first occurrence of any stop sequence, even one split across pieces.
/// Text that might be the beginning of a stop sequence is held back until the next piece decides.
/// Matching is on Unicode scalars, so it never depends on canonical equivalence.
struct StopSequenceScanner {
    private let stops: [[Unicode.Scalar]]
    private var pending: [Unicode.Scalar] = []
    private(set) var stopped = false

    init(stops: [String]) {
        self.stops = stops.map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
    }

    /// Adds `piece`; returns the text now known to come before any stop sequence.
    mutating func feed(_ piece: String) -> String {
        guard !stopped else { return "" }
        pending.append(contentsOf: piece.unicodeScalars)
        if let stopIndex = firstCompleteStop() {
            stopped = true
            let released = String(String.UnicodeScalarView(pending[..<stopIndex]))
            pending = []
            return released
        }
        let held = firstPartialStopAtEnd() ?? pending.count
        let released = String(String.UnicodeScalarView(pending[..<held]))
        pending.removeFirst(held)
        return released
    }

    /// The text held back when the stream ends without a stop sequence.
    mutating func finish() -> String {
        guard !stopped else { return "" }
        let released = String(String.UnicodeScalarView(pending))
        pending = []
        return released
    }

    private func firstCompleteStop() -> Int? {
        guard !stops.isEmpty else { return nil }
        for start in pending.indices {
            for stop in stops where matches(stop, at: start, allowingTruncation: false) {
                return start
            }
        }
        return nil
    }

    private func firstPartialStopAtEnd() -> Int? {
        for start in pending.indices {
            for stop in stops where matches(stop, at: start, allowingTruncation: true) {
                return start
            }
        }
        return nil
    }

    /// Whether `stop` occurs at `start`; with `allowingTruncation`, whether the rest of the pending
    /// text is a proper beginning of `stop`.
    private func matches(_ stop: [Unicode.Scalar], at start: Int, allowingTruncation: Bool) -> Bool {
        let available = pending.count - start
        if available >= stop.count {
            return !allowingTruncation && pending[start..<start + stop.count].elementsEqual(stop)
        }
        return allowingTruncation && pending[start...].elementsEqual(stop[..<available])
    }
}
