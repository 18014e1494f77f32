import QuorumStore
import QuorumTUI

/// Reads the queue's pages from the store: rows only, the search matched by the store. A
/// search that finds little returns what it has after a short while and the workbench asks
/// again. The first page of a query brings its first item whole, the one selected.
public enum ReviewPager {
    public static let timeBudget = Duration.milliseconds(150)
    /// Rows a search scans in its last reads. The store scans a whole window (about 5 µs a row
    /// at 100,000 items), so a search starts with twice a page and doubles the window while it
    /// finds too little.
    public static let largestSearchWindow = 2_000

    public static func page(
        _ store: any WorkbenchStore, query: QueueQuery, after: ReviewCursor, limit: Int, generation: Int
    ) async throws -> QueuePage {
        let search = query.textSearch
        var listed: [QueueListing] = []
        var readThrough = after
        var isLast = false
        let started = ContinuousClock.now
        var window = search == nil ? limit : 2 * limit
        repeat {
            let scan = try await store.queueListing(
                query.selection, matching: search, after: readThrough, scanning: window, limit: limit - listed.count)
            listed += scan.rows
            readThrough = scan.scannedThrough
            isLast = scan.isLast
            window = min(2 * window, max(window, largestSearchWindow))
        } while !isLast && listed.count < limit && ContinuousClock.now - started < timeBudget
        var details: [ItemDetail] = []
        if after == .start, let first = listed.first {
            details.append(try await store.item(first.itemID))
        }
        return QueuePage(
            generation: generation, rows: listed.map { QueueRow($0, order: query.order) }, details: details,
            readThrough: readThrough, isLast: isLast)
    }
}
