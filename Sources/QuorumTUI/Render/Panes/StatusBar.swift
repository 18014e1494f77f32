/// The bottom line(s): the engine and each endpoint's in-flight requests, errors and
/// tokens/s, the counts reviewed and waiting, and the message, prompt or key hint.
enum StatusBar {
    static func render(_ state: WorkbenchState, into grid: inout CellGrid, in rect: Rect) {
        grid.fill(rect, style: .statusBar)
        guard !rect.isEmpty else { return }
        let counts = countsText(state)
        let bottom = rect.row(rect.height - 1)
        if rect.height >= 2 {
            let top = rect.row(0)
            let countsX = top.maxX - DisplayWidth.of(counts) - 1
            grid.put(counts, at: Point(x: countsX, y: top.y), style: .statusBar, clip: top)
            let left = Rect(x: top.x, y: top.y, width: max(0, countsX - top.x - 1), height: 1)
            grid.put([StyledText(" ", .statusBar)] + engineParts(state), at: Point(x: left.x, y: left.y), clip: left)
            renderActivity(state, into: &grid, in: bottom)
        } else {
            let countsX = bottom.maxX - DisplayWidth.of(counts) - 1
            let roomy = countsX - bottom.x > 40
            if roomy { grid.put(counts, at: Point(x: countsX, y: bottom.y), style: .statusBar, clip: bottom) }
            renderActivity(state, into: &grid,
                           in: roomy ? Rect(x: bottom.x, y: bottom.y, width: countsX - bottom.x - 1, height: 1) : bottom)
        }
    }

    private static func countsText(_ state: WorkbenchState) -> String {
        if let spotCheck = state.spotCheck {
            let overall = spotCheck.estimate.overall
            var text = "judged \(overall.judged)/\(overall.sampled)"
            if let rate = overall.errorRate, let interval = overall.interval {
                text += " · error \(Format.percent(rate)) (\(Format.percent(interval.lower))–\(Format.percent(interval.upper)))"
            }
            return text
        }
        guard let counts = state.status.counts else { return "counting…" }
        let progress = state.progress
        var text = progress.curator.isEmpty ? "" : progress.curator + " "
        text += "\(progress.decisions) done"
        if let rate = progress.ratePerHour { text += " · \(Int(rate.rounded()))/h" }
        let remaining = remainingUnderFilter(state, counts)
        text += " · \(remaining.count)\(remaining.isExact ? "" : "+") left"
        if remaining.isExact, let seconds = progress.secondsLeft(for: remaining.count), remaining.count > 0 {
            text += " · ETA " + Format.duration(seconds)
        }
        text += " │ reviewed \(counts.reviewed)"
        if counts.auto > 0 { text += " (\(counts.auto) auto)" }
        text += " · waiting \(counts.waiting)"
        if counts[.discarded] > 0 { text += " · ⊘\(counts[.discarded])" }
        if !state.live.isEmpty { text += " · generating \(state.live.count)" }
        return text
    }

    /// What is left to decide under the queue's filter: the store's count for the default
    /// queue, else the pending rows loaded so far (exact once the queue is read to its end).
    private static func remainingUnderFilter(_ state: WorkbenchState, _ counts: StatusCounts) -> (count: Int, isExact: Bool) {
        if state.queue.query.filter == .awaitingReview && state.queue.query.search.isEmpty && state.queue.query.itemIDs == nil {
            return (counts.waiting, true)
        }
        let pending = state.queue.rows.filter { $0.status == .pending || $0.status == .streaming }.count
        return (pending, state.queue.isExhausted)
    }

    private static func engineParts(_ state: WorkbenchState) -> [StyledText] {
        let engine = state.engine
        var parts: [StyledText]
        if let team = state.status.team, !engine.isStarting {
            // On a team's store the workbench's engine only reruns: the team's line stays.
            parts = teamParts(team)
            if engine.isAttached { parts.append(StyledText("  │ ↻ reruns", .statusBar)) }
        } else if !engine.isAttached {
            parts = [StyledText(engine.isStarting ? "◌ engine starting" : "engine off", .statusBar)]
        } else if engine.isPaused {
            parts = [StyledText(engine.isPausedForBacklog ? "⏸ paused: backlog" : "⏸ paused", .warning)]
        } else {
            parts = [StyledText("▶ running", .success)]
        }
        if engine.target > 0 { parts.append(StyledText(" \(engine.stored)/\(engine.target)", .statusBar)) }
        for endpoint in state.status.endpoints {
            parts.append(StyledText("  │ " + endpoint.member, .statusBar))
            parts.append(StyledText(" ⇅\(endpoint.inFlight)", .statusBar))
            parts.append(StyledText(" ✗\(endpoint.errors)", endpoint.errors > 0 ? .danger : .statusBar))
            parts.append(StyledText(" " + Format.fixed(endpoint.tokensPerSecond, digits: 1) + " t/s", .statusBar))
            for replica in endpoint.replicas {
                parts.append(replica.isResting
                    ? StyledText(" ◌\(replica.inFlight)", .danger) : StyledText(" ●\(replica.inFlight)", .statusBar))
            }
        }
        if let error = engine.lastError {
            parts.append(StyledText("  │ last error: " + error, .danger))
        }
        return parts
    }

    /// "team 2 reviews · bob 20 · carol 18 │ 1204 resolved · 98700 open · 3 contested".
    private static func teamParts(_ team: TeamStatus) -> [StyledText] {
        guard team.isConnected else { return [StyledText("team: store lost, reconnecting…", .danger)] }
        var parts = [StyledText("team", .success)]
        if team.reviewsPerItem > 1 { parts.append(StyledText(" \(team.reviewsPerItem) reviews", .statusBar)) }
        parts.append(StyledText(team.others.isEmpty ? " · nobody else" : "", .statusBar))
        for other in team.others {
            parts.append(StyledText(" · \(other.name) \(other.leased)", .statusBar))
        }
        parts.append(StyledText("  │ \(team.resolved) resolved · \(team.open) open", .statusBar))
        if team.contested > 0 { parts.append(StyledText(" · \(team.contested) contested", .warning)) }
        return parts
    }

    /// The prompt when one is open, else the message, else the key hint.
    private static func renderActivity(_ state: WorkbenchState, into grid: inout CellGrid, in line: Rect) {
        if case .prompt(let prompt) = state.overlay {
            PromptLine.render(prompt, message: state.status.message, into: &grid, in: line)
            return
        }
        if let message = state.status.message {
            let role: StyleRole = switch message.severity {
            case .info: .statusBar
            case .success: .success
            case .warning: .warning
            case .error: .danger
            }
            grid.putTruncated(" " + message.text, at: Point(x: line.x, y: line.y), style: role, clip: line)
            return
        }
        var hints: [[StyledText]] = []
        var help: [StyledText] = []
        // With the queue a strip, the key that brings it back keeps its place beside help's.
        var pinned: [StyledText] = []
        // A spot-check's verdict keys come first; outside one they are left out.
        let isSpotCheck = { (group: (title: String, bindings: [KeyBinding<WorkbenchCommand>])) in
            group.bindings.contains { $0.command == .markRight }
        }
        let groups = state.spotCheck == nil
            ? KeyBindings.main.filter { !isSpotCheck($0) }
            : KeyBindings.main.filter(isSpotCheck) + KeyBindings.main.filter { !isSpotCheck($0) }
        for group in groups {
            for binding in group.bindings {
                guard let hint = binding.hint else { continue }
                if binding.command == .help {
                    help = [StyledText(binding.shortKeyLabel, .statusKey), StyledText(" " + hint + " ", .statusBar)]
                } else if binding.command == .toggleQueue {
                    if state.showsQueueStrip {
                        pinned = [StyledText(binding.shortKeyLabel, .statusKey), StyledText(" " + hint + "  ", .statusBar)]
                    }
                } else {
                    hints.append([StyledText(binding.shortKeyLabel, .statusKey), StyledText(" " + hint + "  ", .statusBar)])
                }
            }
        }
        // Whole hints while they fit; the key to every other key keeps its place at the right end.
        func width(_ parts: [StyledText]) -> Int { parts.reduce(0) { $0 + DisplayWidth.of($1.text) } }
        var parts: [StyledText] = [StyledText(" ", .statusBar)]
        help = pinned + help
        var room = line.width - width(help) - 1
        for hint in hints {
            guard width(hint) <= room else { break }
            parts += hint
            room -= width(hint)
        }
        grid.put(parts, at: Point(x: line.x, y: line.y), clip: line)
        grid.put(help, at: Point(x: max(line.x, line.maxX - width(help)), y: line.y), clip: line)
    }
}

/// A prompt's line: its label, the text typed so far (its end when too long), a caret, and
/// after it a warning (why Enter or Tab was refused) or the choices Tab offers.
enum PromptLine {
    static func render(_ prompt: Prompt, message: StatusMessage? = nil, into grid: inout CellGrid, in line: Rect) {
        grid.fill(line, style: .prompt)
        var x = grid.put(" " + prompt.label, at: Point(x: line.x, y: line.y), style: .prompt, attributes: .bold, clip: line)
        let room = line.maxX - x - 1
        var shown = Substring(prompt.text)
        while DisplayWidth.of(shown) > room && !shown.isEmpty { shown = shown.dropFirst() }
        x = grid.put(shown, at: Point(x: x, y: line.y), style: .prompt, clip: line)
        grid.putGlyph(" ", width: 1, x: x, y: line.y, .prompt, .reverse, line)
        if let message, message.severity == .warning || message.severity == .error {
            grid.putTruncated("  " + message.text, at: Point(x: x + 1, y: line.y), style: .warning, clip: line)
        } else if !prompt.choices.isEmpty {
            let choices = prompt.isReason
                ? "  Tab: " + prompt.choices.map(VisibleText.escaped).joined(separator: " │ ")
                : "  " + prompt.choices.joined(separator: "  ")
            grid.putTruncated(choices, at: Point(x: x + 1, y: line.y), style: .muted, clip: line)
        }
    }
}
