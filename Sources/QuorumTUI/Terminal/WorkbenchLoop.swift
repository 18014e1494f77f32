import Foundation

/// Runs the workbench until it quits: reduces keys and inbox actions, performs terminal
/// effects itself (themes, quit) and hands the rest to `perform`, and presents a frame
/// after each batch of input.
public final class WorkbenchLoop {
    public private(set) var state: WorkbenchState
    private let terminal: any WorkbenchTerminal
    private let editor: ExternalEditing
    private let themes: ThemeCatalog
    private let inbox: WorkbenchInbox
    private let perform: (WorkbenchEffect) -> Void
    private let signals: TerminationSignals?
    /// Called with the time each frame took from its first input to the screen update.
    public var frameObserver: ((Duration) -> Void)?
    private var grid: CellGrid

    public init(
        state: WorkbenchState, terminal: any WorkbenchTerminal, themes: ThemeCatalog, inbox: WorkbenchInbox,
        signals: TerminationSignals? = nil, editor: @escaping ExternalEditing = { ExternalEditor.edit($0, name: $1) },
        perform: @escaping (WorkbenchEffect) -> Void
    ) {
        self.signals = signals
        self.editor = editor
        self.state = state
        self.terminal = terminal
        self.themes = themes
        self.inbox = inbox
        self.perform = perform
        grid = CellGrid(size: terminal.size)
    }

    /// Runs until a quit; returns the final state.
    public func run(initialEffects: [WorkbenchEffect]) -> WorkbenchState {
        applyTheme(state.themeName)
        terminal.wakeOnResize(inbox.wakeWriter)
        state.viewport = terminal.size
        handle(initialEffects)
        var frameStart = ContinuousClock.now
        var changed = true
        while !state.isQuitting {
            if changed {
                if grid.size != state.viewport { grid = CellGrid(size: state.viewport) }
                WorkbenchRenderer.render(state, into: &grid)
                terminal.present(grid)
                frameObserver?(ContinuousClock.now - frameStart)
            }
            let keys = terminal.waitForKeys(wakeDescriptor: inbox.wakeDescriptor, timeoutMilliseconds: 1000)
            frameStart = ContinuousClock.now
            for key in keys {
                if key == .resize {
                    dispatch(.resized(terminal.refreshSize()))
                } else {
                    dispatch(.key(key))
                }
            }
            let actions = inbox.drain()
            for action in actions { dispatch(action) }
            changed = !keys.isEmpty || !actions.isEmpty
        }
        return state
    }

    private func dispatch(_ action: WorkbenchAction) {
        handle(Workbench.reduce(&state, action))
    }

    private func handle(_ effects: [WorkbenchEffect]) {
        for effect in effects {
            switch effect {
            case .applyTheme(let name):
                applyTheme(name)
            case .quit:
                state.isQuitting = true
            case .openEditor(let itemID, let text, let basedOn):
                edit(text, itemID: itemID, basedOn: basedOn)
            default:
                perform(effect)
            }
        }
    }

    /// Hands the terminal to the curator's editor and feeds the result back.
    private func edit(_ text: String, itemID: Int64, basedOn: Int?) {
        var outcome = ExternalEditor.Outcome.cancelled(problem: nil)
        let editing = { [editor] in editor(text, "item-\(itemID)") }
        terminal.suspend {
            outcome = signals?.leavingKeyboardInterrupts(editing) ?? editing()
        }
        dispatch(.resized(terminal.refreshSize()))
        switch outcome {
        case .edited(let edited):
            dispatch(.editorFinished(itemID: itemID, basedOn: basedOn, text: edited))
        case .cancelled(let problem):
            dispatch(.editorFinished(itemID: itemID, basedOn: basedOn, text: nil))
            if let problem { dispatch(.effectFailed(problem)) }
        }
    }

    private func applyTheme(_ name: String) {
        terminal.apply(themes.theme(named: name) ?? themes.theme(named: themes.names[0]) ?? .plain)
    }
}
