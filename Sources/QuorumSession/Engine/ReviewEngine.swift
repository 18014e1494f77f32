import QuorumEngine
import QuorumStore
import QuorumTUI

/// The ensemble behind the workbench: generates items into the store without end while the
/// curator reviews, paused and resumed on request, reruns items, and reports every event,
/// error and endpoint statistic to the inbox. Nothing it meets ends the session: a failure
/// is shown and the workbench goes on without generation.
public final class ReviewEngine: Sendable {
    private let commands: AsyncStream<Command>.Continuation
    private let worker: Task<Void, Never>

    public enum Command: Sendable {
        case setPaused(Bool)
        case rerun(itemID: Int64, RerunScope, ticket: Int)
    }

    /// The engine beside a store it does not generate into (a team's, read through its
    /// mirror): it reruns outputs, stored by `record`, and says why it generates nothing.
    public struct RerunsOnly: Sendable {
        public let record: EnsembleEngine.RerunRecorder
        /// Said when the engine is up, and when the curator asks it to generate.
        public let notice: String

        public init(notice: String, record: @escaping EnsembleEngine.RerunRecorder) {
            self.notice = notice
            self.record = record
        }
    }

    public init(config: QuorumConfig, store: Store, curator: String, inbox: WorkbenchInbox, rerunsOnly: RerunsOnly? = nil) {
        inbox.post(.engineStarting)
        let (stream, commands) = AsyncStream.makeStream(of: Command.self)
        self.commands = commands
        let running = ReviewEngineRun(config: config, store: store, curator: curator, inbox: inbox, rerunsOnly: rerunsOnly)
        worker = Task {
            guard await running.start() else {
                for await _ in stream {}
                return
            }
            for await command in stream { await running.handle(command) }
            await running.stop()
        }
    }

    public func perform(_ command: Command) {
        commands.yield(command)
    }

    /// Stops generating (items under way are dropped) and releases the local engine; a start
    /// still waiting for the local engine is abandoned.
    public func stop() async {
        commands.finish()
        worker.cancel()
        await worker.value
    }
}

/// The engine's state, owned by one task so that pauses, resumes and reruns apply in order.
private actor ReviewEngineRun {
    let config: QuorumConfig
    let store: Store
    let curator: String
    let inbox: WorkbenchInbox
    let rerunsOnly: ReviewEngine.RerunsOnly?
    private let gate = GenerationGate()
    private var engine: EnsembleEngine?
    private var models: [OpenAICompatibleModel] = []
    private var lease: LocalEngineLease?
    private var runID: Int64?
    private var generation: Task<Void, Never>?
    private var statistics: Task<Void, Never>?
    private var reruns: [Task<Void, Never>] = []

    init(config: QuorumConfig, store: Store, curator: String, inbox: WorkbenchInbox, rerunsOnly: ReviewEngine.RerunsOnly?) {
        self.config = config
        self.store = store
        self.curator = curator
        self.inbox = inbox
        self.rerunsOnly = rerunsOnly
    }

    /// Loads the seeds, starts or joins the local engine when members need it, and starts
    /// generating; false (with the reason shown) when the session has to go on without it.
    func start() async -> Bool {
        // The run is the exclusive part: with a headless `quorum generate` on the store, the
        // workbench reviews what it commits (ReviewSession polls for it) and generates nothing.
        if rerunsOnly == nil {
            do { try store.claimRun(command: invokedCommandLine) } catch {
                return refuse("the engine is off: \(error)")
            }
        }
        let seeds: [SeedTask]
        do { seeds = try SeedPool.load(path: config.seedsPath) } catch {
            return refuse("the engine is off: \(error)")
        }
        let inbox = self.inbox
        do {
            lease = try await EngineOnDemand.lease(for: config) { line in
                inbox.post(.notice(StatusMessage(line, .info)))
            }
        } catch {
            return refuse("the engine is off: \(error)")
        }
        models = config.languageModels(localEngineURL: lease?.baseURL)
        do {
            engine = try EnsembleEngine(config: config, models: models, seeds: seeds.map(\.demonstration), store: store)
            if rerunsOnly == nil {
                let snapshot = RunSnapshot.json(config, generationRequest)
                runID = try await store.write { try $0.beginRun(source: "review", configJSON: snapshot).id! }
            }
        } catch {
            _ = lease?.release()
            return refuse("the engine is off: \(error)")
        }
        startStatistics()
        if let rerunsOnly {
            inbox.post(.engineStatus(attached: true, paused: true))
            inbox.post(.notice(StatusMessage(rerunsOnly.notice, .info)))
            return true
        }
        startGenerating()
        inbox.post(.engineStatus(attached: true, paused: false))
        return true
    }

    func handle(_ command: ReviewEngine.Command) async {
        switch command {
        case .setPaused(let paused):
            if let rerunsOnly {
                inbox.post(.engineStatus(attached: true, paused: true))
                if !paused { inbox.post(.notice(StatusMessage(rerunsOnly.notice, .warning))) }
                return
            }
            await gate.setPaused(paused)
            if !paused && generation == nil { startGenerating() }
            inbox.post(.engineStatus(attached: true, paused: paused))
        case .rerun(let itemID, let scope, let ticket):
            reruns.removeAll { $0.isCancelled }
            reruns.append(rerunTask(itemID, scope, ticket))
        }
    }

    func stop() async {
        generation?.cancel()
        statistics?.cancel()
        for rerun in reruns { rerun.cancel() }
        await generation?.value
        for rerun in reruns { await rerun.value }
        _ = lease?.release()
    }

    /// The workbench generates until the curator quits; the backlog limit paces it.
    private var generationRequest: GenerationRequest {
        GenerationRequest(count: Int.max)
    }

    private func startGenerating() {
        guard let engine, let runID else { return }
        let inbox = self.inbox
        let store = self.store
        let gate = self.gate
        let request = generationRequest
        generation = Task {
            do {
                let earlier = try await store.instructionsByType()
                _ = try await engine.generate(request, runID: runID, earlierInstructions: earlier, gate: gate) { event in
                    if let shown = LiveEvent(event, runHasTarget: false) { inbox.post(.engine(shown)) }
                }
            } catch is CancellationError {
                return
            } catch {
                inbox.post(.effectFailed("the engine stopped: \(error); p starts it again"))
            }
            await self.generationEnded()
        }
    }

    private func generationEnded() async {
        generation = nil
        await gate.setPaused(true)
        inbox.post(.engineStatus(attached: true, paused: true))
    }

    private func startStatistics() {
        let models = self.models
        let inbox = self.inbox
        statistics = Task {
            var last: [EndpointStatus] = []
            while !Task.isCancelled {
                let current = models.map { EndpointStatus($0.statistics) }
                if current != last {
                    inbox.post(.memberStatistics(current))
                    last = current
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func rerunTask(_ itemID: Int64, _ scope: RerunScope, _ ticket: Int) -> Task<Void, Never> {
        let inbox = self.inbox
        let store = self.store
        let curator = self.curator
        let record = rerunsOnly?.record
        guard let engine else {
            inbox.post(.rerunEnded(ticket: ticket, itemID: itemID, decisionID: nil, failure: "the engine is off"))
            return Task {}
        }
        return Task {
            let post: @Sendable (EngineEvent) -> Void = { event in
                if let shown = LiveEvent(event, runHasTarget: true) { inbox.post(.engine(shown)) }
            }
            var failure: String?
            do {
                switch scope {
                case .outputs:
                    try await engine.rerunOutputs(itemID: itemID, ticket: ticket, curator: curator, record: record, events: post)
                case .instance where record != nil:
                    failure = "a new instance is not made on a team's store yet; r reruns the outputs"
                case .instance:
                    if try await engine.rerunInstance(itemID: itemID, ticket: ticket, curator: curator, events: post) == nil {
                        failure = "the new instance was dropped by the filters; the item is unchanged"
                    }
                }
            } catch {
                failure = "\(error)"
            }
            let decisionID = failure == nil ? try? await store.latestUndoableDecision(of: itemID) : nil
            inbox.post(.rerunEnded(ticket: ticket, itemID: itemID, decisionID: decisionID, failure: failure))
        }
    }

    private func refuse(_ message: String) -> Bool {
        inbox.post(.engineStatus(attached: false, paused: false))
        inbox.post(.effectFailed(message))
        return false
    }
}
