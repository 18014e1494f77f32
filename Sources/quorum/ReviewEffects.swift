import Foundation
import QuorumStore
import QuorumTUI

/// Performs the workbench's effects against the store and posts the results to the inbox.
/// Writes go one at a time, in order, on their own queue, so a read (a long search) never
/// holds up a decision; `finish()` waits for the writes still queued.
final class ReviewEffects: Sendable {
    private let writes: AsyncStream<WorkbenchEffect>.Continuation
    private let reads: AsyncStream<WorkbenchEffect>.Continuation
    private let writer: Task<Void, Never>
    private let reader: Task<Void, Never>
    private let inbox: WorkbenchInbox
    private let worker: ReviewStoreWorker

    init(store: Store, curator: String, inbox: WorkbenchInbox) {
        self.inbox = inbox
        let (writeStream, writes) = AsyncStream.makeStream(of: WorkbenchEffect.self)
        let (readStream, reads) = AsyncStream.makeStream(of: WorkbenchEffect.self)
        self.writes = writes
        self.reads = reads
        let worker = ReviewStoreWorker(store: store, curator: curator, inbox: inbox)
        self.worker = worker
        writer = Task { for await effect in writeStream { await worker.perform(effect) } }
        reader = Task { for await effect in readStream { await worker.perform(effect) } }
    }

    func perform(_ effect: WorkbenchEffect) {
        switch effect {
        case .decide, .undo, .export:
            writes.yield(effect)
        case .loadPage, .loadItem, .loadArrivedItem:
            reads.yield(effect)
        case .loadCounts:
            // Counting reads the whole status index: never ahead of a page.
            let worker = self.worker
            Task { await worker.perform(effect) }
        case .rerun:
            notYetAvailable("rerun (r, R) is not yet available in the workbench")
        case .openEditor:
            notYetAvailable("editing in $EDITOR (e) is not yet available in the workbench")
        case .setEnginePaused:
            notYetAvailable("the engine is not yet available in review; quorum generate fills the store")
        case .applyTheme, .quit:
            break
        }
    }

    /// Lets the queued writes finish, drops the reads.
    func finish() async {
        writes.finish()
        reads.finish()
        reader.cancel()
        await writer.value
    }

    private func notYetAvailable(_ text: String) {
        inbox.post(.notice(StatusMessage(text, .warning)))
    }
}

/// The store side of each effect.
private struct ReviewStoreWorker: Sendable {
    let store: Store
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
            case .loadArrivedItem(let id):
                inbox.post(.itemArrived(try await store.item(id)))
            case .loadCounts:
                inbox.post(.countsLoaded(StatusCounts(try await store.countsByStatus())))
            case .decide(let itemID, let action):
                await record(itemID) { [curator] in try $0.append(action, to: itemID, curator: curator) }
            case .undo(let itemID, let decisionID):
                await undo(itemID, decisionID)
            case .export(let path, let format):
                let request = ExportRequest(format: ExportFormat(rawValue: format) ?? .alpaca)
                let summary = try await store.export(request, to: .file(path: path))
                inbox.post(.notice(StatusMessage("exported \(summary.lines) items to \(path)", .success)))
            default:
                break
            }
        } catch {
            inbox.post(.effectFailed(describe(error)))
        }
    }

    private func record(_ itemID: Int64, _ body: @escaping @Sendable (StoreTransaction) throws -> Decision) async {
        do {
            let decision = try await store.write(body)
            let item = try await store.item(itemID)
            inbox.post(.decisionRecorded(DecisionOutcome(decision: decision, item: item)))
        } catch {
            inbox.post(.decisionFailed(itemID: itemID, message: describe(error)))
        }
    }

    /// Undoes `decisionID`, or the item's latest decision still in force.
    private func undo(_ itemID: Int64, _ decisionID: Int64?) async {
        var target = decisionID
        if target == nil {
            do {
                target = try await store.history(of: itemID)
                    .last { $0.isActive && $0.decision.kind != .undo }?.decision.id
            } catch {
                inbox.post(.decisionFailed(itemID: itemID, message: describe(error)))
                return
            }
        }
        guard let target else {
            inbox.post(.decisionFailed(itemID: itemID, message: "#\(itemID) has no decision left to undo"))
            return
        }
        await record(itemID) { [curator] in try $0.append(.undo(decisionID: target), to: itemID, curator: curator) }
    }

    private func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}
