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
        let arrivals = Task { [store] in await Self.pollArrivals(store, inbox) }
        defer { arrivals.cancel() }
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

    /// Items another process commits (a headless `quorum generate`) appear as they are
    /// stored: a look at the largest item id every quarter second (one step down the primary
    /// key), each new item read and posted, and those still streaming read again until their
    /// consensus is in. While this process's own engine holds the run it reports its items
    /// itself, and nobody else can add any.
    private static func pollArrivals(_ store: Store, _ inbox: WorkbenchInbox) async {
        guard var seen = try? await store.latestItemID() else { return }
        var streaming: Set<Int64> = []
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(250))
            guard let latest = try? await store.latestItemID() else { continue }
            if store.holdsRun {
                seen = latest
                streaming = []
                continue
            }
            for id in streaming.sorted() {
                guard let detail = try? await store.item(id), detail.item.status != .streaming else { continue }
                streaming.remove(id)
                inbox.post(.itemLoaded(detail))
            }
            guard latest > seen else { continue }
            for id in (seen + 1)...latest {
                guard let detail = try? await store.item(id) else { continue }
                if detail.item.status == .streaming { streaming.insert(id) }
                inbox.post(.itemArrived(detail))
            }
            seen = latest
        }
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
