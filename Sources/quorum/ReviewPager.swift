import QuorumStore
import QuorumTUI

/// Reads the queue's pages from the store. A search is applied here, page by page, so the
/// workbench never holds more than it shows; a search that finds little returns what it
/// has after a short while and the workbench asks again.
enum ReviewPager {
    static let timeBudget = Duration.milliseconds(150)

    static func page(_ store: Store, query: QueueQuery, after: ReviewCursor, limit: Int, generation: Int) async throws -> QueuePage {
        var collected: [ItemDetail] = []
        var readThrough = after
        let started = ContinuousClock.now
        while collected.count < limit {
            let batch = try await store.queuePage(query.selection, after: readThrough, limit: limit)
            readThrough = batch.last.map(query.order.key(of:)) ?? readThrough
            collected += batch.filter(query.matchesSearch)
            if batch.count < limit {
                return QueuePage(generation: generation, items: collected, readThrough: readThrough, isLast: true)
            }
            if ContinuousClock.now - started > timeBudget { break }
        }
        return QueuePage(generation: generation, items: collected, readThrough: readThrough, isLast: false)
    }
}
