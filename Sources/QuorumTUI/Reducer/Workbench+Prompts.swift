import QuorumStore

extension Workbench {
    static func helpKey(_ key: Key, scroll: Int, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        switch KeyBindings.helpCommand(for: key) {
        case .scrollDown: scrollHelp(to: scroll + 1, &state)
        case .scrollUp: state.overlay = .help(scroll: max(0, scroll - 1))
        case .close: state.overlay = nil
        case nil: break
        }
        return []
    }

    /// Scrolls the help, never past its last line.
    static func scrollHelp(to scroll: Int, _ state: inout WorkbenchState) {
        let screen = Rect(x: 0, y: 0, width: state.viewport.width, height: state.viewport.height)
        state.overlay = .help(scroll: max(0, min(scroll, HelpOverlay.maxScroll(on: screen))))
    }

    /// Opens a reject or wrong-reason prompt offering the reasons given before (read again,
    /// so another curator's count too).
    static func openReasonPrompt(_ prompt: Prompt, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        var prompt = prompt
        prompt.choices = ReasonCompletion.offered(state.rejectReasons)
        state.overlay = .prompt(prompt)
        return [.loadRejectReasons]
    }

    static func rejectReasonsLoaded(_ reasons: [String], _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        state.rejectReasons = reasons
        if case .prompt(var prompt) = state.overlay, prompt.isReason, prompt.text.isEmpty {
            prompt.choices = ReasonCompletion.offered(reasons)
            state.overlay = .prompt(prompt)
        }
        return []
    }

    static func promptKey(_ key: Key, _ prompt: Prompt, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        var prompt = prompt
        prompt.choices = []
        state.status.message = nil
        switch KeyBindings.promptCommand(for: key) {
        case .submit:
            state.overlay = nil
            return submit(prompt, &state)
        case .cancel:
            state.overlay = nil
            return []
        case .deleteBackward:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .clear:
            prompt.text = ""
        case .complete:
            let completion: CommandCompletion.Result
            if prompt.isReason {
                completion = ReasonCompletion.complete(prompt.text, reasons: state.rejectReasons)
                if completion.text == prompt.text && completion.choices.isEmpty {
                    message(state.rejectReasons.isEmpty ? "no reasons given before to complete from"
                                                        : "no reason given before starts with that", .warning, &state)
                }
            } else if case .command = prompt.kind {
                completion = CommandCompletion.complete(prompt.text, themes: state.themeNames)
            } else {
                return []
            }
            prompt.text = completion.text
            prompt.choices = completion.choices
            state.overlay = .prompt(prompt)
            return []
        case nil:
            guard case .character(let character) = key, isTypeable(character) else { return [] }
            prompt.text.append(character)
        }
        state.overlay = .prompt(prompt)
        return []
    }

    /// Printable text only: a prompt's text may be stored (a reject reason).
    private static func isTypeable(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { !VisibleText.needsEscape($0) }
    }

    private static func submit(_ prompt: Prompt, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        let text = prompt.text.trimmingWhitespaceAndNewlines()
        switch prompt.kind {
        case .search:
            var query = state.queue.query
            query.search = text
            return setQuery(query, &state)
        case .rejectReason(let itemID), .wrongReason(let itemID):
            guard !text.isEmpty else {
                state.overlay = .prompt(prompt)
                message("a reason is needed: type one, or Tab for one given before (Esc cancels)", .warning, &state)
                return []
            }
            let verb = if case .wrongReason = prompt.kind { "marking wrong" } else { "rejecting" }
            return decide(itemID, .reject(reason: text), verb: verb, &state)
        case .note(let itemID):
            return addNote(text, to: itemID, prompt, &state)
        case .command:
            return runCommandLine(text, &state)
        case .confirmBatch(let plan):
            return confirmBatch(plan, answer: text, &state)
        }
    }

    static func runCommandLine(_ line: String, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        switch CommandLineCommand.parse(line, themes: state.themeNames, fragileAbove: state.settings.fragileAbove) {
        case nil:
            return []
        case .failure(let problem):
            message(problem.message, .warning, &state)
            return []
        case .success(let command):
            return run(command, &state)
        }
    }

    private static func run(_ command: CommandLineCommand, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        switch command {
        case .quit:
            state.isQuitting = true
            return [.quit]
        case .export(let path, let format):
            message("exporting to \(path)…", .info, &state)
            return [.export(path: path, format: format)]
        case .filter(let filter):
            var query = state.queue.query
            query.filter = filter
            return setQuery(query, &state)
        case .theme(let name):
            return applyTheme(name, &state)
        case .order(let order):
            var query = state.queue.query
            query.order = order
            return setQuery(query, &state)
        case .stats:
            state.overlay = .stats(StatsView())
            return [.loadStats(filter: state.queue.query.filter)]
        case .bulk(let action):
            return planBatch(action, &state)
        case .help:
            state.overlay = .help(scroll: 0)
            return []
        }
    }
}

extension String {
    func trimmingWhitespaceAndNewlines() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
