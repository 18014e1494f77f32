import Foundation
import QuorumTUI

/// A terminal that types a script: each step waits until the screen shows its text, then
/// types its keys. It records every frame; past its deadline it types `q` and says so.
final class ScriptedTerminal: WorkbenchTerminal {
    struct Step {
        var waitFor: String
        var keys: [Key]
    }

    let size: Size
    private var steps: [Step]
    private let deadline: ContinuousClock.Instant
    private(set) var frames: [String] = []
    private(set) var suspensions = 0
    private(set) var timedOutWaitingFor: String?
    private(set) var restored = false

    init(size: Size = Size(width: 120, height: 40), steps: [Step], timeout: Duration = .seconds(20)) {
        self.size = size
        self.steps = steps
        deadline = .now + timeout
    }

    var lastFrame: String { frames.last ?? "" }

    func wakeOnResize(_ descriptor: Int32) {}
    func refreshSize() -> Size { size }
    func apply(_ theme: Theme) {}
    func present(_ grid: CellGrid) { frames.append(grid.textDump()) }
    func restore() { restored = true }

    func suspend(_ body: () -> Void) {
        suspensions += 1
        body()
    }

    func waitForKeys(wakeDescriptor: Int32, timeoutMilliseconds: Int32) -> [Key] {
        if let step = steps.first, lastFrame.contains(step.waitFor) {
            steps.removeFirst()
            return step.keys
        }
        if ContinuousClock.now > deadline {
            timedOutWaitingFor = steps.first?.waitFor ?? "nothing"
            steps.removeAll()
            return [.character("q")]
        }
        var descriptor = pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, min(timeoutMilliseconds, 50))
        return []
    }
}

/// Hands the session a terminal made on the loop's thread; the test reads it once the session
/// has ended, so the two never touch it at once.
final class TerminalHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var made: ScriptedTerminal?
    private let steps: [ScriptedTerminal.Step]

    init(_ steps: [ScriptedTerminal.Step]) {
        self.steps = steps
    }

    var terminal: ScriptedTerminal? { lock.withLock { made } }

    func make() -> any WorkbenchTerminal {
        let terminal = ScriptedTerminal(steps: steps)
        lock.withLock { made = terminal }
        return terminal
    }
}
