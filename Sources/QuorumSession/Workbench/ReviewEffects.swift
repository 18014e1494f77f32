// QuorumSession/Workbench: The workbench's runtime: effects performed against a WorkbenchStore, the queue's pager, and
// the session that runs the loop on a terminal.

import Foundation
import Synchronization
import QuorumStore
import QuorumTUI

/// Performs the workbench's effects against the store and posts the results to the inbox.
/// Writes go one at a time, in order, on their own queue, so a read (a long search) never
/// holds up a decision; `finish()` waits for the writes still queued. A read asked for while
/// writes are still queued goes behind them, so what it brings back is never older than a
/// decision the workbench has already shown.
public final class ReviewEffects: Sendable {
    private let writes: AsyncStream<WorkbenchEffect>.Continuation
    private let reads: AsyncStream<WorkbenchEffect>.Continuation
    private let writer: Task<Void, Never>
    private let reader: Task<Void, Never>
    private let inbox: WorkbenchInbox
    private let worker: ReviewStoreWorker
    private let engine: ReviewEngine?
    /// Writes queued or under way.
    private let writesInFlight: WriteCount

    public init(store: any WorkbenchStore, curator: String, inbox: WorkbenchInbox, engine: ReviewEngine?) {
        self.inbox = inbox
        self.engine = engine
        let (writeStream, writes) = AsyncStream.makeStream(of: WorkbenchEffect.self)
        let (readStream, reads) = AsyncStream.makeStream(of: WorkbenchEffect.self)
        self.writes = writes
        self.reads = reads
        let worker = ReviewStoreWorker(store: store, curator: curator, inbox: inbox)
        self.worker = worker
        let writesInFlight = WriteCount()
        self.writesInFlight = writesInFlight
        writer = Task {
            for await effect in writeStream {
                await worker.perform(effect)
                if effect.isWrite { writesInFlight.change(by: -1) }
            }
        }
        reader = Task { for await effect in readStream { await worker.perform(effect) } }
    }

    public func perform(_ effect: WorkbenchEffect) {
        if effect.isWrite {
            writesInFlight.change(by: 1)
            writes.yield(effect)
            return
        }
        switch effect {
        case .decide, .undo, .export, .decideBatch, .undoBatch, .skip:
            break
        case .loadPage, .loadItem, .loadArrivedItem, .loadVerdict, .loadCounts, .planBatch, .loadCandidateSets,
             .loadRejectReasons:
            if writesInFlight.isPositive {
                writes.yield(effect)
            } else if case .loadCounts = effect {
                // Counting reads the whole status index: never ahead of a page.
                let worker = self.worker
                Task { await worker.perform(effect) }
            } else {
                reads.yield(effect)
            }
        case .loadStats:
            // Statistics read the whole store: never ahead of a page.
            let worker = self.worker
            Task { await worker.perform(effect) }
        case .rerun(let itemID, let scope, let ticket):
            guard let engine else {
                inbox.post(.rerunEnded(ticket: ticket, itemID: itemID, decisionID: nil, failure: "the engine is off"))
                return
            }
            engine.perform(.rerun(itemID: itemID, scope, ticket: ticket))
        case .setEnginePaused(let paused):
            engine?.perform(.setPaused(paused))
        case .alignSharedTokens(let itemID, let texts, let choice, let positions):
            // Seconds of work at most (SharedTokens.backgroundCellLimit), never on the screen's thread.
            let inbox = self.inbox
            Task.detached(priority: .utility) {
                let alignment = SharedTokens.alignInBackground(texts, choice: choice, positions)
                inbox.post(.sharedTokensAligned(itemID: itemID, alignment))
            }
        case .openEditor, .applyTheme, .quit:
            // The loop performs these itself: they need the terminal.
            break
        }
    }

    /// Stops the engine, lets the queued writes finish, drops the reads.
    public func finish() async {
        await engine?.stop()
        writes.finish()
        reads.finish()
        reader.cancel()
        await writer.value
    }
}

/// The store side of each effect.
private struct ReviewStoreWorker: Sendable {
    let store: any WorkbenchStore
    let curator: String
    let inbox: WorkbenchInbox

    func perform(_ effect: WorkbenchEffect) async {
        do {
            switch effect {
            case .loadPage(let query, let after, let limit, let generation):
                inbox.post(.pageLoaded(try await ReviewPager.page(
                    store, query: query, after: after, limit: limit, generation: generation)))
            case .loadItem(let id):
                inbox.post(.itemLoaded(try await store.item(id)))
                inbox.post(.historyLoaded(itemID: id, try await store.history(of: id)))
            case .loadArrivedItem(let id):
                inbox.post(.itemArrived(try await store.item(id)))
                inbox.post(.historyLoaded(itemID: id, try await store.history(of: id)))
            case .loadCounts:
                inbox.post(.countsLoaded(StatusCounts(try await store.countsByStatus(), auto: try await store.autoAcceptedCount())))
            case .loadStats(let filter):
                do {
                    var stats = try await store.stats(filter: filter.expression)
                    if case .expression(let text, _) = filter { stats.filter = text }
                    let team = try await store.teamReport()
                    inbox.post(.statsLoaded(StatsSnapshot(
                        storePath: store.path, stats: stats, team: team.lines, disagreements: team.disagreements)))
                } catch {
                    inbox.post(.statsFailed(describe(error)))
                }
            case .loadVerdict(let itemID):
                inbox.post(.verdictLoaded(itemID: itemID, try await store.spotCheckVerdict(of: itemID)))
            case .loadCandidateSets(let itemID):
                inbox.post(.candidateSetsLoaded(itemID: itemID, try await store.candidateSets(of: itemID)))
            case .loadRejectReasons:
                inbox.post(.rejectReasonsLoaded(try await store.rejectReasons(limit: 50)))
            case .decide(let itemID, let action):
                await record(action, on: itemID)
            case .undo(let itemID, let decisionID):
                await undo(itemID, decisionID)
            case .planBatch(let query, let action):
                let itemIDs = try await store.batchTargets(query.selection, matching: query.textSearch)
                inbox.post(.batchPlanned(BatchPlan(action: action, itemIDs: itemIDs, scope: Workbench.scope(query))))
            case .decideBatch(let plan):
                inbox.post(.batchDecided(BatchResult(outcome: try await store.decideBatch(plan.action, items: plan.itemIDs, curator: curator))))
            case .skip(let itemID):
                try await store.skip(itemID, curator: curator)
            case .undoBatch(let batchID):
                inbox.post(.batchDecided(BatchResult(outcome: try await store.undoBatch(batchID, curator: curator), undid: batchID)))
            case .export(let path, let format):
                let path = (path as NSString).expandingTildeInPath
                let summary = try await store.export(ExportRequest(format: format), toFile: path)
                inbox.post(.notice(StatusMessage("exported \(summary.lines) items to \(path)", .success)))
            case .rerun, .setEnginePaused, .alignSharedTokens, .openEditor, .applyTheme, .quit:
                break
            }
        } catch {
            inbox.post(.effectFailed(describe(error)))
        }
    }

    private func record(_ action: DecisionAction, on itemID: Int64) async {
        do {
            let decision = try await store.record(action, on: itemID, curator: curator)
            let item = try await store.item(itemID)
            inbox.post(.decisionRecorded(DecisionOutcome(decision: decision, item: item)))
            inbox.post(.historyLoaded(itemID: itemID, try await store.history(of: itemID)))
            if decision.kind == .undo, let linked = try await store.linkedInstanceRerun(ofUndo: decision) {
                inbox.post(.itemLoaded(try await store.item(linked)))
                inbox.post(.historyLoaded(itemID: linked, try await store.history(of: linked)))
                inbox.post(.countsLoaded(StatusCounts(try await store.countsByStatus(), auto: try await store.autoAcceptedCount())))
            }
        } catch {
            inbox.post(.decisionFailed(itemID: itemID, message: describe(error)))
        }
    }

    /// Undoes `decisionID`, or the item's latest decision still in force.
    private func undo(_ itemID: Int64, _ decisionID: Int64?) async {
        var target = decisionID
        do {
            if target == nil { target = try await store.latestUndoableDecision(of: itemID) }
        } catch {
            inbox.post(.decisionFailed(itemID: itemID, message: describe(error)))
            return
        }
        guard let target else {
            inbox.post(.decisionFailed(itemID: itemID, message: "#\(itemID) has no decision left to undo"))
            return
        }
        await record(.undo(decisionID: target), on: itemID)
    }

    private func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}

extension WorkbenchEffect {
    /// A decision, an undo or an export: what the write queue exists for.
    fileprivate var isWrite: Bool {
        switch self {
        case .decide, .undo, .export, .decideBatch, .undoBatch, .skip: return true
        default: return false
        }
    }
}

/// How many writes are queued or under way, shared by the effects and their write queue.
private final class WriteCount: Sendable {
    private let count = Mutex(0)

    func change(by delta: Int) {
        count.withLock { $0 += delta }
    }

    var isPositive: Bool { count.withLock { $0 > 0 } }
}
