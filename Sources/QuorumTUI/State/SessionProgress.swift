/// How far the curator is in this session: the decisions they made (an undo takes one back;
/// the engine's automatic ones are not theirs), the time since the workbench opened, and the
/// discards they saw arrive.
public struct SessionProgress: Sendable, Equatable {
    public var curator: String
    public var decisions = 0
    public var elapsedSeconds = 0.0
    public var discardsSeen = 0

    public init(curator: String = "") {
        self.curator = curator
    }

    /// Decisions per hour, once there is enough to say (a minute, or three decisions).
    public var ratePerHour: Double? {
        guard decisions > 0, elapsedSeconds >= 60 || decisions >= 3, elapsedSeconds > 0 else { return nil }
        return Double(decisions) / elapsedSeconds * 3_600
    }

    /// Seconds to decide `remaining` items at this session's rate.
    public func secondsLeft(for remaining: Int) -> Double? {
        guard let rate = ratePerHour, rate > 0 else { return nil }
        return Double(remaining) / rate * 3_600
    }
}
