import Foundation
import QuorumTUI

/// With `QUORUM_FRAME_LOG=path` set, the workbench appends a line per frame to that file for
/// `quorum bench tui`, times in CLOCK_MONOTONIC nanoseconds:
///
///     start PID NOW
///     frame INPUT PRESENTED SETTLED
///
/// INPUT is when the loop woke for the input the frame answers, PRESENTED when the frame was
/// handed to the terminal, SETTLED 1 when nothing the screen waits for is still loading.
public final class FrameLog {
    public static let variable = "QUORUM_FRAME_LOG"
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Makes `loop` log its frames when the environment asks for it; otherwise does nothing.
    public static func attach(to loop: WorkbenchLoop, environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let path = environment[variable], !path.isEmpty else { return }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let log = FrameLog(descriptor: descriptor)
        log.append("start \(getpid()) \(MonotonicClock.now())")
        loop.frameObserver = { [unowned loop] elapsed in
            let presented = MonotonicClock.now()
            log.append("frame \(presented - min(presented, elapsed.nanoseconds)) \(presented) \(loop.state.isSettled ? 1 : 0)")
        }
    }

    private func append(_ line: String) {
        var bytes = Array((line + "\n").utf8)
        _ = write(descriptor, &bytes, bytes.count)
    }
}

extension WorkbenchState {
    /// Nothing the screen waits for is on its way: no page, no selected item's detail, no
    /// counts, no decision being written.
    var isSettled: Bool {
        guard !queue.isLoading, status.counts != nil, pendingWrites == 0 else { return false }
        if case .stored(let row) = selectedEntry { return details[row.itemID] != nil }
        return true
    }
}
