import Foundation
import QuorumSession

/// One frame of the workbench's frame log (see `FrameLog`).
struct LoggedFrame: Equatable {
    var input: UInt64
    var presented: UInt64
    var isSettled: Bool
}

/// Reads the frame log as the workbench appends to it.
final class FrameLogTail {
    let path: String
    private(set) var frames: [LoggedFrame] = []
    /// When the workbench attached the log, and its pid.
    private(set) var start: (pid: pid_t, time: UInt64)?
    private var offset: off_t = 0
    private var partial: [UInt8] = []

    init(path: String) {
        self.path = path
    }

    /// Reads what was appended since the last call.
    func refresh() {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = pread(descriptor, &chunk, chunk.count, offset)
            guard count > 0 else { break }
            offset += off_t(count)
            partial += chunk[0..<count]
        }
        while let newline = partial.firstIndex(of: UInt8(ascii: "\n")) {
            parse(String(decoding: partial[..<newline], as: UTF8.self))
            partial.removeFirst(newline + 1)
        }
    }

    /// The first frame that answers input given at `time` or later, and the first of those that is settled.
    func answer(after time: UInt64) -> (first: LoggedFrame, settled: LoggedFrame?)? {
        var index = frames.count
        while index > 0 && frames[index - 1].input >= time { index -= 1 }
        guard index < frames.count else { return nil }
        return (frames[index], frames[index...].first(where: \.isSettled))
    }

    private func parse(_ line: String) {
        let words = line.split(separator: " ")
        switch words.first {
        case "start" where words.count == 3:
            if let pid = pid_t(words[1]), let time = UInt64(words[2]) { start = (pid, time) }
        case "frame" where words.count == 4:
            if let input = UInt64(words[1]), let presented = UInt64(words[2]) {
                frames.append(LoggedFrame(input: input, presented: presented, isSettled: words[3] == "1"))
            }
        default:
            break
        }
    }
}
