import Foundation
import QuorumSession
import QuorumStore
import QuorumStorePostgres

/// How long a curator waits for a workbench on the team's store: its mirror copied and its
/// first queue of leased items listed, beside the first page of the same queue on the SQLite
/// store it was copied from; and, later, the same workbench opened again on its kept mirror.
enum TeamWorkbenchOpening {
    static let curator = "bench-workbench"

    static func measure(location: PostgresLocation, sqlitePath: String, environment: [String: String]) async throws -> String {
        let selection = QueueSelection(statuses: ItemStatus.awaitingReview)
        let start = ContinuousClock.now
        let team = try await TeamWorkbenchStore.open(location, curator: curator, environment: environment)
        let opened = ContinuousClock.now
        let leased: QueueListingPage
        let listed: ContinuousClock.Instant
        let items: Int
        do {
            leased = try await team.queueListing(selection, matching: nil, after: .start, scanning: 200, limit: 50)
            listed = ContinuousClock.now
            items = try await team.countsByStatus().values.reduce(0, +)
        } catch {
            await team.close()
            throw error
        }
        await team.close()
        let sqliteStart = ContinuousClock.now
        let local = try Store.open(at: sqlitePath, access: .read)
        let page = try await local.queueListing(selection, after: .start, scanning: 200, limit: 50)
        try local.close()
        let sqliteSeconds = (ContinuousClock.now - sqliteStart).seconds
        return String(
            format: "a workbench on PostgreSQL: mirror of %d items in %.1f s, first queue (%d leased) in %.0f ms; "
                + "on the SQLite store its first page (%d rows) in %.0f ms",
            items, (opened - start).seconds, leased.rows.count, (listed - opened).seconds * 1000, page.rows.count,
            sqliteSeconds * 1000)
    }

    /// The workbench opened again once others have decided (its kept mirror caught up), and
    /// once more at once (nothing to catch up).
    static func measureReopening(location: PostgresLocation, environment: [String: String]) async throws -> String {
        let afterDecisions = try await reopen(location: location, environment: environment)
        let unchanged = try await reopen(location: location, environment: environment)
        return String(
            format: "the same workbench opened again after the curators' decisions: %@ in %.2f s, first queue (%d leased) in %.0f ms; "
                + "once more with nothing changed: %.2f s",
            afterDecisions.kept ? "its kept mirror caught up" : "a new mirror (the kept one was not used)",
            afterDecisions.opening, afterDecisions.leased, afterDecisions.listing * 1000, unchanged.opening)
    }

    private static func reopen(
        location: PostgresLocation, environment: [String: String]
    ) async throws -> (kept: Bool, opening: Double, leased: Int, listing: Double) {
        let start = ContinuousClock.now
        let team = try await TeamWorkbenchStore.open(location, curator: curator, environment: environment)
        let opened = ContinuousClock.now
        let kept = team.keepsMirror
        let leased: QueueListingPage
        do {
            leased = try await team.queueListing(
                QueueSelection(statuses: ItemStatus.awaitingReview), matching: nil, after: .start, scanning: 200, limit: 50)
        } catch {
            await team.close()
            throw error
        }
        let listed = ContinuousClock.now
        await team.close()
        return (kept, (opened - start).seconds, leased.rows.count, (listed - opened).seconds)
    }
}
