// QuorumSession/Engine: The engine inside a session: started or joined on demand, its events and statistics mapped
// into what the workbench shows, reruns, install progress.

import Foundation
import QuorumCore
import QuorumEngine

/// Shows an install's progress on standard error with the elapsed time: steps on lines of
/// their own; pip's phases and the build's progress redrawn on one line on a terminal, or as
/// plain lines (the build every 10%) otherwise.
public final class EngineInstallProgress {
    private let started = Date()
    private let interactive: Bool
    private var statusShown = false
    private var lastBuildTenth = -1

    public init(interactive: Bool = isatty(STDERR_FILENO) == 1) {
        self.interactive = interactive
    }

    public var elapsed: Double { Date().timeIntervalSince(started) }

    public func show(_ event: EngineInstaller.Event) {
        switch event {
        case .step(let text): line(text)
        case .note(let text): line("note: " + text)
        case .pip(.problem(let text)): line(text)
        case .pip(.phase(let text)): status(text)
        case .build(.problem(let text)): line(text)
        case .build(.steps(let done, let total)):
            building("building llama.cpp: \(done)/\(total) (\(done * 100 / total)%)", percent: done * 100 / total)
        case .build(.percent(let percent)):
            building("building llama.cpp: \(percent)%", percent: percent)
        }
    }

    private func building(_ text: String, percent: Int) {
        if interactive {
            status(text)
        } else if percent / 10 != lastBuildTenth {
            lastBuildTenth = percent / 10
            status(text)
        }
    }

    /// Ends the in-place status line, if any.
    public func end() {
        if statusShown {
            write("\n")
            statusShown = false
        }
    }

    private func line(_ text: String) {
        end()
        write("quorum: [\(clockText(elapsed))] \(TerminalSafeText.escaped(text))\n")
    }

    private func status(_ text: String) {
        // pip's output: shown escaped, and on one line.
        let text = TerminalSafeText.escaped(text).replacingOccurrences(of: "\n", with: " ")
        if interactive {
            let width = 110
            let shown = text.count > width ? String(text.prefix(width - 1)) + "…" : text
            write("\r\u{1B}[2K  [\(clockText(elapsed))] \(shown)")
            statusShown = true
        } else {
            write("  [\(clockText(elapsed))] \(text)\n")
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
