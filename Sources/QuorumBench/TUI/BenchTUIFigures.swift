import Foundation

/// Percentiles by nearest rank over a run's timings, in seconds.
struct BenchTUISample {
    var values: [Double]

    init(_ values: [Double?]) {
        self.values = values.compactMap { $0 }.sorted()
    }

    func percentile(_ share: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        return values[max(0, Int((share * Double(values.count)).rounded(.up)) - 1)]
    }

    var median: Double? { percentile(0.5) }
}

/// A process's peak and current resident memory, from /proc/PID/status.
struct ProcessMemory {
    var peakBytes: Int
    var residentBytes: Int

    static func of(_ pid: pid_t) throws -> ProcessMemory {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
            throw BenchTUIError("cannot read /proc/\(pid)/status")
        }
        func kilobytes(_ field: String) -> Int? {
            status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
                .flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
        }
        guard let peak = kilobytes("VmHWM"), let resident = kilobytes("VmRSS") else {
            throw BenchTUIError("/proc/\(pid)/status has no VmHWM or VmRSS")
        }
        return ProcessMemory(peakBytes: peak * 1_024, residentBytes: resident * 1_024)
    }
}

/// The bytes a process has written so far (to its terminal, for the programs measured here),
/// from /proc/PID/io.
func bytesWritten(by pid: pid_t) throws -> Int {
    guard let io = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8),
          let line = io.split(separator: "\n").first(where: { $0.hasPrefix("wchar:") }),
          let count = Int(line.dropFirst("wchar:".count).trimmingCharacters(in: .whitespaces)) else {
        throw BenchTUIError("cannot read wchar from /proc/\(pid)/io")
    }
    return count
}

/// Everything measured on one program: its start-ups, the tour watched from outside (and,
/// for the workbench, from inside at the same time), the tour measured from inside only,
/// and its memory at the end.
struct BenchTUIRun {
    var program: String
    var startups: [BenchTUIStartup] = []
    var watchedKeys: [BenchTUIKeyTiming] = []
    var loggedKeys: [BenchTUIKeyTiming] = []
    var memory = ProcessMemory(peakBytes: 0, residentBytes: 0)
    /// Bytes written over the presses watched from outside, most of it to the terminal.
    var watchedBytes = 0

    var bytesPerWatchedPress: Double? { watchedKeys.isEmpty ? nil : Double(watchedBytes) / Double(watchedKeys.count) }

    var startupFirstFrame: Double? { BenchTUISample(startups.map(\.insideFirstFrame)).median }
    var startupSettled: Double? { BenchTUISample(startups.map(\.insideSettled)).median }
    var startupScreen: Double? { BenchTUISample(startups.map(\.outside)).median }
    /// The frame that answers each key, drawn before any store read it asked for returns.
    var keyFrames: BenchTUISample { BenchTUISample(loggedKeys.map(\.insideFirst)) }
    /// The frame once the store's answers are in: the same one unless the key needed a read.
    var keySettledFrames: BenchTUISample { BenchTUISample(loggedKeys.map(\.inside)) }
    /// The screens of the keys that have a counterpart in the pager, so both programs are
    /// compared on the same presses.
    var keyScreens: BenchTUISample { BenchTUISample(watchedKeys.filter { $0.key.pager != nil }.map(\.outside)) }
    var unchangedScreens: Int { watchedKeys.filter { $0.outside == nil }.count }

    /// The reader opened on 2,000 words and taken to its end: each key's finished frame.
    var readerFrames: BenchTUISample {
        BenchTUISample(loggedKeys.filter { $0.key.kind == .readerOpen || $0.key.kind == .readerEnd }.map(\.inside))
    }

    func keyFrames(_ kind: BenchTUIKey.Kind) -> BenchTUISample {
        BenchTUISample(loggedKeys.filter { $0.key.kind == kind }.map(\.insideFirst))
    }

    func keySettledFrames(_ kind: BenchTUIKey.Kind) -> BenchTUISample {
        BenchTUISample(loggedKeys.filter { $0.key.kind == kind }.map(\.inside))
    }

    func keyScreens(_ kind: BenchTUIKey.Kind) -> BenchTUISample {
        BenchTUISample(watchedKeys.filter { $0.key.kind == kind }.map(\.outside))
    }
}
