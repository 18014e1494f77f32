import Foundation

/// Counts one member's requests from any task; `snapshot()` reads them for the status bar.
final class MemberStatisticsRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: LMMemberStatistics
    private var tokenRate: TokenRateWindow

    init(member: String, window: Duration = .seconds(10)) {
        counts = LMMemberStatistics(member: member)
        tokenRate = TokenRateWindow(window: window)
    }

    func snapshot(now: ContinuousClock.Instant = .now) -> LMMemberStatistics {
        lock.withLock {
            var result = counts
            result.tokensPerSecond = tokenRate.rate(now: now)
            return result
        }
    }

    func update(_ change: (inout LMMemberStatistics) -> Void) {
        lock.withLock { change(&counts) }
    }

    func recordToken(now: ContinuousClock.Instant = .now) {
        lock.withLock {
            counts.tokens += 1
            tokenRate.add(1, now: now)
        }
    }

    func recordFailedAttempt(_ error: LMError) {
        update { $0.errorsByKind[LMErrorKind(error), default: 0] += 1 }
    }
}

/// Events counted in one-second buckets over a sliding window.
struct TokenRateWindow {
    private let window: Duration
    private let origin = ContinuousClock.now
    private var buckets: [(second: Int64, count: Int)] = []

    init(window: Duration) {
        self.window = window
    }

    mutating func add(_ count: Int, now: ContinuousClock.Instant) {
        let second = secondIndex(now)
        if let last = buckets.last, last.second == second {
            buckets[buckets.count - 1].count += count
        } else {
            buckets.append((second, count))
        }
        let oldest = second - windowSeconds
        buckets.removeAll { $0.second <= oldest }
    }

    func rate(now: ContinuousClock.Instant) -> Double {
        let current = secondIndex(now)
        let recent = buckets.filter { $0.second > current - windowSeconds }
        guard let first = recent.first else { return 0 }
        let total = recent.map(\.count).reduce(0, +)
        // A window that began less than `window` ago is measured over what it has seen.
        let span = min(windowSeconds, current - first.second + 1)
        return Double(total) / Double(span)
    }

    private var windowSeconds: Int64 { max(1, window.components.seconds) }

    private func secondIndex(_ instant: ContinuousClock.Instant) -> Int64 {
        (instant - origin).components.seconds
    }
}
