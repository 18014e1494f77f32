/// What a key does on the main screen.
public enum WorkbenchCommand: Sendable, Hashable {
    case accept, override, edit, reject, skip, rerunOutputs, rerunInstance, undo
    case markRight, markWrong
    case next, previous, pageDown, pageUp, first, last
    case expandNext, expandPrevious
    case search, cycleFilter, commandLine, togglePause, cycleTheme, toggleHighlight, help, cancel, quit
    case openReader, focusCandidates, toggleQueue, previousSet, nextSet, guidelines
}

/// What a key does while a prompt (`:`, `/`, a reject reason) is open.
public enum PromptCommand: Sendable, Hashable {
    case submit, cancel, deleteBackward, clear, complete
}

/// What a key does in the `:stats` view.
public enum StatsViewCommand: Sendable, Hashable {
    case scrollDown, scrollUp, pageDown, pageUp, top, bottom, scrollLeft, scrollRight, reload, disagreements, close
}

/// What a key does while the guidelines are open.
public enum GuidelinesCommand: Sendable, Hashable {
    case scrollDown, scrollUp, pageDown, pageUp, top, bottom, close
}

/// What a key does while the help overlay is open.
public enum HelpCommand: Sendable, Hashable {
    case scrollDown, scrollUp, close
}

/// One row of a binding table: the keys, how help writes them, and what they do.
public struct KeyBinding<Command: Sendable & Hashable>: Sendable {
    public var keys: [Key]
    /// Help's name for the keys when listing each would be noise, like "0–9".
    public var label: String?
    public var command: Command
    public var summary: String
    /// The word the status bar's key hint uses, for the bindings it lists.
    public var hint: String?

    /// How the hint writes the keys, when not as `label` or the first key (`J/K`).
    public var hintKeys: String?

    public init(
        _ keys: [Key], _ command: Command, _ summary: String, label: String? = nil, hint: String? = nil,
        hintKeys: String? = nil
    ) {
        self.hintKeys = hintKeys
        self.keys = keys
        self.command = command
        self.summary = summary
        self.label = label
        self.hint = hint
    }

    public var keyLabel: String {
        label ?? keys.map(\.label).joined(separator: ", ")
    }

    /// The first key alone, for the status bar's hint.
    public var shortKeyLabel: String {
        hintKeys ?? label ?? keys.first?.label ?? ""
    }
}

/// The binding tables. The reducer looks keys up here and the help overlay is generated from
/// the same tables, so the two cannot disagree.
public enum KeyBindings {
    public static let digitKeys: [Key] = (0...9).map { .character(Character(String($0))) }

    public static let decide: [KeyBinding<WorkbenchCommand>] = [
        KeyBinding([.character("a"), .enter], .accept, "accept the consensus choice", hint: "accept"),
        KeyBinding(digitKeys, .override, "override: take candidate k instead", label: "0–9", hint: "take"),
        KeyBinding([.character("e")], .edit, "edit the chosen text in $EDITOR", hint: "edit"),
        KeyBinding([.character("x")], .reject, "reject, with a reason", hint: "reject"),
        KeyBinding([.character("s")], .skip, "skip: put the item off to the end of this session's queue", hint: "skip"),
        KeyBinding([.character("u")], .undo, "undo the last decision (no limit)", hint: "undo"),
        KeyBinding([.character("r")], .rerunOutputs, "rerun the outputs", hint: "rerun"),
        KeyBinding([.character("R")], .rerunInstance, "rerun the whole instance", hint: "new instance"),
    ]

    public static let spotCheck: [KeyBinding<WorkbenchCommand>] = [
        KeyBinding([.character("y")], .markRight, "mark the automatic choice right (a human accept)", hint: "right"),
        KeyBinding([.character("n")], .markWrong, "mark it wrong, with a reason; elsewhere, a note", hint: "wrong"),
    ]

    public static let navigate: [KeyBinding<WorkbenchCommand>] = [
        KeyBinding([.character("j"), .down], .next, "next item"),
        KeyBinding([.character("k"), .up], .previous, "previous item"),
        KeyBinding([.pageDown, .control("d")], .pageDown, "a page down the queue"),
        KeyBinding([.pageUp, .control("u")], .pageUp, "a page up the queue"),
        KeyBinding([.character("g"), .home], .first, "first item"),
        KeyBinding([.character("G"), .end], .last, "last loaded item"),
        KeyBinding([.character("J")], .expandNext, "expand the next candidate", hint: "expand", hintKeys: "J/K"),
        KeyBinding([.character("K")], .expandPrevious, "expand the previous candidate"),
        KeyBinding([.tab], .focusCandidates, "scroll the candidates: j/k, PgDn/PgUp, g/G (Tab again: the queue)"),
        KeyBinding([.character("[")], .previousSet, "the item's candidate set before this one (its reruns' before)"),
        KeyBinding([.character("]")], .nextSet, "the set after it, up to the current one and a rerun streaming"),
        KeyBinding([.character("z")], .toggleQueue, "the whole queue, or a one-row strip (under 100 columns: the strip)",
                   hint: "queue"),
    ]

    public static let view: [KeyBinding<WorkbenchCommand>] = [
        KeyBinding([.character("v")], .openReader, "read the choice full screen: scroll, diff, side by side"),
        KeyBinding([.character("/")], .search, "search instructions, inputs and outputs", hint: "search"),
        KeyBinding([.character("f")], .cycleFilter, "cycle the status filter", hint: "filter"),
        KeyBinding([.character(":")], .commandLine, "command line", hint: "command"),
        KeyBinding([.character("p")], .togglePause, "pause or resume the engine", hint: "pause"),
        KeyBinding([.character("t")], .cycleTheme, "cycle themes"),
        KeyBinding([.character("h")], .toggleHighlight, "mark what candidates do not share with the choice, or what they share"),
        KeyBinding([.character("H")], .guidelines, "the guidelines ([workbench] guidelines in quorum.toml)"),
        KeyBinding([.character("?")], .help, "this help", hint: "help"),
        KeyBinding([.escape], .cancel, "clear the search and the message"),
        KeyBinding([.character("q")], .quit, "quit", hint: "quit"),
    ]

    public static let main: [(title: String, bindings: [KeyBinding<WorkbenchCommand>])] = [
        ("Decide", decide), ("Spot-check (quorum spot-check)", spotCheck), ("Move", navigate), ("View", view),
    ]

    public static let prompt: [KeyBinding<PromptCommand>] = [
        KeyBinding([.enter], .submit, "run the command, search or reject"),
        KeyBinding([.escape], .cancel, "close the prompt"),
        KeyBinding([.backspace], .deleteBackward, "delete the last character"),
        KeyBinding([.control("u")], .clear, "clear the line"),
        KeyBinding([.tab], .complete, "complete a : command, its order, theme, format or filter word, or a reason given before"),
    ]

    public static let help: [KeyBinding<HelpCommand>] = [
        KeyBinding([.character("j"), .down], .scrollDown, "scroll down"),
        KeyBinding([.character("k"), .up], .scrollUp, "scroll up"),
        KeyBinding([.character("?"), .escape, .character("q")], .close, "close the help"),
    ]

    public static let guidelines: [KeyBinding<GuidelinesCommand>] = [
        KeyBinding([.character("j"), .down], .scrollDown, "scroll down"),
        KeyBinding([.character("k"), .up], .scrollUp, "scroll up"),
        KeyBinding([.pageDown, .control("d"), .character(" ")], .pageDown, "a page down"),
        KeyBinding([.pageUp, .control("u")], .pageUp, "a page up"),
        KeyBinding([.character("g"), .home], .top, "the top"),
        KeyBinding([.character("G"), .end], .bottom, "the end"),
        KeyBinding([.character("H"), .escape, .character("q")], .close, "close the guidelines"),
    ]

    public static let stats: [KeyBinding<StatsViewCommand>] = [
        KeyBinding([.character("j"), .down], .scrollDown, "scroll down"),
        KeyBinding([.character("k"), .up], .scrollUp, "scroll up"),
        KeyBinding([.pageDown, .control("d"), .character(" ")], .pageDown, "a page down"),
        KeyBinding([.pageUp, .control("u")], .pageUp, "a page up"),
        KeyBinding([.character("g"), .home], .top, "the top"),
        KeyBinding([.character("G"), .end], .bottom, "the bottom"),
        KeyBinding([.character("h"), .left], .scrollLeft, "scroll left (wide tables)"),
        KeyBinding([.character("l"), .right], .scrollRight, "scroll right"),
        KeyBinding([.character("r")], .reload, "read the store again"),
        KeyBinding([.character("d")], .disagreements, "the queue of the items curators disagree on (again: back)"),
        KeyBinding([.escape, .character("q")], .close, "close the stats"),
    ]

    private static let mainLookup = lookup(main.flatMap(\.bindings))
    private static let promptLookup = lookup(prompt)
    private static let helpLookup = lookup(help)
    private static let statsLookup = lookup(stats)
    private static let guidelinesLookup = lookup(guidelines)

    public static func command(for key: Key) -> WorkbenchCommand? { mainLookup[key] }
    public static func promptCommand(for key: Key) -> PromptCommand? { promptLookup[key] }
    public static func helpCommand(for key: Key) -> HelpCommand? { helpLookup[key] }
    public static func statsCommand(for key: Key) -> StatsViewCommand? { statsLookup[key] }
    public static func guidelinesCommand(for key: Key) -> GuidelinesCommand? { guidelinesLookup[key] }

    private static func lookup<Command>(_ table: [KeyBinding<Command>]) -> [Key: Command] {
        var result: [Key: Command] = [:]
        for binding in table {
            for key in binding.keys where result[key] == nil { result[key] = binding.command }
        }
        return result
    }
}
