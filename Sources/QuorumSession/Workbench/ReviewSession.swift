import Foundation
import QuorumStore
import QuorumTUI

/// One run of the workbench on a store, from `initialState` (its query, settings, theme and,
/// for a spot-check, the sample): the first page is read before the screen is taken, the
/// loop runs on a thread of its own (ncurses wants one), and quitting waits for the
/// decisions still being written.
public struct ReviewSession: Sendable {
    /// Makes the engine that generates while the curator reviews, posting to the inbox given.
    public typealias EngineStarter = @Sendable (WorkbenchInbox) -> ReviewEngine
    /// Makes the terminal, on the loop's thread.
    public typealias TerminalMaker = @Sendable () throws -> any WorkbenchTerminal

    public let store: any WorkbenchStore
    public let curator: String
    public let catalog: ThemeCatalog
    public let initialState: WorkbenchState
    public var startEngine: EngineStarter?
    public var makeTerminal: TerminalMaker
    public var editor: @Sendable (String, String) -> ExternalEditor.Outcome
    /// SIGINT, SIGTERM and SIGHUP quit the session as `q` does (the real program's way).
    public var catchesSignals: Bool
    /// Where the loop's frames are logged (`QUORUM_FRAME_LOG`), when they are.
    public var environment: [String: String]

    public init(
        store: any WorkbenchStore, curator: String, catalog: ThemeCatalog, initialState: WorkbenchState,
        startEngine: EngineStarter? = nil, makeTerminal: @escaping TerminalMaker = { try NcursesTerminal() },
        editor: @escaping @Sendable (String, String) -> ExternalEditor.Outcome = { ExternalEditor.edit($0, name: $1) },
        catchesSignals: Bool = true, environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.store = store
        self.curator = curator
        self.catalog = catalog
        self.initialState = initialState
        self.startEngine = startEngine
        self.makeTerminal = makeTerminal
        self.editor = editor
        self.catchesSignals = catchesSignals
        self.environment = environment
    }

    public struct Outcome: Sendable, Equatable {
        public var interrupted = false
        public var failure: String?
        /// The workbench's state when it quit; nil when it never started.
        public var finalState: WorkbenchState?
    }

    public func run() async -> Outcome {
        let inbox = WorkbenchInbox()
        var state = initialState
        if state.progress.curator.isEmpty { state.progress.curator = curator }
        if state.spotCheck == nil, state.queue.query.itemIDs == nil,
           let itemID = try? await store.lastItemDecided(by: curator), let detail = try? await store.item(itemID) {
            state.queue.resume = ResumePoint(itemID: itemID, key: state.queue.query.order.key(of: detail))
        }
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
        let signals = catchesSignals ? TerminationSignals(inbox: inbox) : nil
        let engine = startEngine?(inbox)
        let effects = ReviewEffects(store: store, curator: curator, inbox: inbox, engine: engine)
        let arrivals = Task { [store] in await store.watch(inbox) }
        defer { arrivals.cancel() }
        let clock = Task { await Self.tickClock(inbox) }
        defer { clock.cancel() }
        let loop = LoopStart(
            state: state, effects: initial, catalog: catalog, inbox: inbox, signals: signals, makeTerminal: makeTerminal,
            editor: editor, environment: environment)
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
            let thread = Thread { continuation.resume(returning: loop.run(effects)) }
            thread.name = "quorum.workbench"
            thread.start()
        }
        signals?.stop()
        await effects.finish()
        return outcome
    }
}

extension ReviewSession {
    /// The time since the workbench opened, each second, for the status bar's rate and ETA.
    static func tickClock(_ inbox: WorkbenchInbox) async {
        let start = MonotonicClock.now()
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            inbox.post(.clock(elapsedSeconds: Double(MonotonicClock.now() - start) / 1e9))
        }
    }

    /// Items another process commits (a headless `quorum generate`) appear as they are
    /// stored: a look at the largest item id every quarter second (one step down the primary
    /// key), each new item read and posted, and those still streaming read again until their
    /// consensus is in. While this process's own engine holds the run it reports its items
    /// itself, and nobody else can add any.
    static func pollArrivals(_ store: any WorkbenchStore, _ inbox: WorkbenchInbox) async {
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
}

/// Everything the loop's thread needs to start.
private struct LoopStart: Sendable {
    let state: WorkbenchState
    let effects: [WorkbenchEffect]
    let catalog: ThemeCatalog
    let inbox: WorkbenchInbox
    let signals: TerminationSignals?
    let makeTerminal: ReviewSession.TerminalMaker
    let editor: @Sendable (String, String) -> ExternalEditor.Outcome
    let environment: [String: String]

    func run(_ performer: ReviewEffects) -> ReviewSession.Outcome {
        let terminal: any WorkbenchTerminal
        do { terminal = try makeTerminal() } catch { return ReviewSession.Outcome(failure: "\(error)") }
        defer { terminal.restore() }
        let loop = WorkbenchLoop(
            state: state, terminal: terminal, themes: catalog, inbox: inbox, signals: signals, editor: editor
        ) { performer.perform($0) }
        FrameLog.attach(to: loop, environment: environment)
        let final = loop.run(initialEffects: effects)
        return ReviewSession.Outcome(interrupted: final.wasInterrupted, finalState: final)
    }
}
