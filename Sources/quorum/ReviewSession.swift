import Foundation
import QuorumEngine
import QuorumStore
import QuorumTUI

/// One run of the workbench on a store, from `initialState` (its query, settings, theme and,
/// for a spot-check, the sample): the first page is read before the screen is taken, the
/// loop runs on a thread of its own (ncurses wants one), and quitting waits for the
/// decisions still being written.
struct ReviewSession: Sendable {
    let store: Store
    let curator: String
    let catalog: ThemeCatalog
    let initialState: WorkbenchState
    /// The configuration whose ensemble generates while the curator reviews; nil for none.
    var engineConfig: QuorumConfig? = nil

    struct Outcome: Sendable {
        var interrupted = false
        var failure: String?
    }

    func run() async -> Outcome {
        let inbox = WorkbenchInbox()
        var state = initialState
        var initial = Workbench.start(&state)
        do {
            if case .loadPage(let query, let after, let limit, let generation) = initial.first {
                let page = try await ReviewPager.page(store, query: query, after: after, limit: limit, generation: generation)
                initial = Array(initial.dropFirst()) + Workbench.reduce(&state, .pageLoaded(page))
            }
        } catch {
            return Outcome(failure: "\(error)")
        }
        if let problem = catalog.problems.first {
            let others = catalog.problems.count > 1 ? " (and \(catalog.problems.count - 1) more)" : ""
            state.status.message = StatusMessage("theme skipped: \(problem)\(others)", .warning)
        }
        let signals = TerminationSignals(inbox: inbox)
        let engine = engineConfig.map { ReviewEngine(config: $0, store: store, curator: curator, inbox: inbox) }
        let effects = ReviewEffects(store: store, curator: curator, inbox: inbox, engine: engine)
        let prepared = state
        let startEffects = initial
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            let thread = Thread {
                continuation.resume(returning: Self.loop(prepared, startEffects, catalog, inbox, signals, effects))
            }
            thread.name = "quorum.workbench"
            thread.start()
        }
        signals.stop()
        await effects.finish()
        return outcome
    }

    private static func loop(
        _ state: WorkbenchState, _ initial: [WorkbenchEffect], _ catalog: ThemeCatalog, _ inbox: WorkbenchInbox,
        _ signals: TerminationSignals, _ effects: ReviewEffects
    ) -> Outcome {
        let terminal: Terminal
        do { terminal = try Terminal() } catch { return Outcome(failure: "\(error)") }
        defer { terminal.restore() }
        let loop = WorkbenchLoop(state: state, terminal: terminal, themes: catalog, inbox: inbox, signals: signals) {
            effects.perform($0)
        }
        FrameLog.attach(to: loop)
        let final = loop.run(initialEffects: initial)
        return Outcome(interrupted: final.wasInterrupted)
    }
}
