import Foundation
import QuorumStore
import QuorumStorePostgres

/// What a timed run of decisions gave: each commit's seconds and the run's wall time.
struct DecisionTimings: Sendable {
    var latencies: [Double]
    var wallSeconds: Double
    /// (item, decision id) of every decision the store acknowledged.
    var acknowledged: [(Int64, Int64)] = []
}

/// N headless curators, each on its own connection, deciding until nothing is pending.
struct TeamBenchRun {
    let location: PostgresLocation
    let curators: Int
    let claimSize: Int

    func run() async throws -> DecisionTimings {
        let start = ContinuousClock.now
        let location = location, claimSize = claimSize
        let parts = try await withThrowingTaskGroup(of: DecisionTimings.self) { group in
            for index in 0..<curators {
                group.addTask {
                    var timings = DecisionTimings(latencies: [], wallSeconds: 0)
                    let curator = HeadlessCurator(name: "\(HeadlessCurator.benchPrefix)\(index + 1)", claimSize: claimSize)
                    try await curator.run(at: location) { item, decision, seconds in
                        timings.latencies.append(seconds)
                        timings.acknowledged.append((item, decision.id ?? 0))
                    }
                    return timings
                }
            }
            var all: [DecisionTimings] = []
            for try await part in group { all.append(part) }
            return all
        }
        return DecisionTimings(
            latencies: parts.flatMap(\.latencies), wallSeconds: (ContinuousClock.now - start).seconds,
            acknowledged: parts.flatMap(\.acknowledged))
    }

    /// Whether the run kept its promises: no item reviewed by more curators than the policy
    /// asks, none twice by one curator, every acknowledged decision stored, nothing left
    /// pending but the contested items.
    struct Check: CustomStringConvertible {
        var reviewsPerItem: Int
        var acknowledged: Int
        var stored: Int
        var beyondReviews: Int
        var reviewedTwice: Int
        var missing: Int
        var pendingLeft: Int
        var contested: Int

        var passed: Bool { beyondReviews == 0 && reviewedTwice == 0 && missing == 0 && pendingLeft == 0 }

        var description: String {
            "check: \(acknowledged) decisions acknowledged, \(stored) stored, \(missing) missing, "
                + "\(beyondReviews) items reviewed by more than \(reviewsPerItem) curators, "
                + "\(reviewedTwice) reviewed twice by one curator, \(pendingLeft) left pending"
                + (contested > 0 ? " (\(contested) contested)" : "") + ": " + (passed ? "ok" : "FAILED")
        }
    }

    static func check(location: PostgresLocation, reviewsPerItem: Int, acknowledged: [(Int64, Int64)]) async throws -> Check {
        let store = try await PostgresStore.open(location)
        let rows: StoreRows
        let contested: Set<Int64>
        do {
            rows = try await store.readRows()
            contested = Set(try await store.contestedItems())
            await store.close()
        } catch {
            await store.close()
            throw error
        }
        let outcomes: Set<String> = ["accept", "override", "edit", "reject"]
        var reviewers: [Int64: Set<String>] = [:]
        var benchDecisions: [String: Int] = [:]
        var ids = Set<Int64>()
        for row in rows.rows(of: "decisions") {
            guard case .integer(let id) = row[0], case .integer(let item) = row[1], case .text(let kind) = row[2],
                  case .text(let curator) = row[8], outcomes.contains(kind) else { continue }
            reviewers[item, default: []].insert(curator)
            if curator.hasPrefix(HeadlessCurator.benchPrefix) {
                ids.insert(id)
                benchDecisions["\(item) \(curator)", default: 0] += 1
            }
        }
        let pending = rows.rows(of: "items").filter { row in
            guard case .integer(let id) = row[0] else { return false }
            return row[8] == .text(ItemStatus.pending.rawValue) && !contested.contains(id)
        }.count
        return Check(
            reviewsPerItem: reviewsPerItem, acknowledged: acknowledged.count, stored: ids.count,
            beyondReviews: reviewers.values.filter { $0.count > reviewsPerItem }.count,
            reviewedTwice: benchDecisions.values.filter { $0 > 1 }.count,
            missing: acknowledged.filter { !ids.contains($0.1) }.count, pendingLeft: pending, contested: contested.count)
    }
}

/// The single-writer figure: accepts pending items one transaction each on a SQLite store.
struct SingleWriterRun {
    let path: String
    let decisions: Int

    func run() async throws -> DecisionTimings {
        let store = try Store.open(at: path, access: .write(command: "bench team"))
        defer { try? store.close() }
        let targets = try await store.batchTargets(QueueSelection(statuses: [.pending]))
        let start = ContinuousClock.now
        var latencies: [Double] = []
        for itemID in targets.prefix(decisions) {
            let begin = ContinuousClock.now
            _ = try await store.write { try $0.append(.accept, to: itemID, curator: "bench") }
            latencies.append((ContinuousClock.now - begin).seconds)
        }
        return DecisionTimings(latencies: latencies, wallSeconds: (ContinuousClock.now - start).seconds)
    }
}

extension HeadlessCurator {
    /// How the bench's curators are named ("bench-1", …), apart from the synthetic store's.
    static let benchPrefix = "bench-"
}
