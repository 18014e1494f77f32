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
                    let store = try await PostgresStore.open(location)
                    var timings = DecisionTimings(latencies: [], wallSeconds: 0)
                    do {
                        try await HeadlessCurator(name: "\(HeadlessCurator.benchPrefix)\(index + 1)", claimSize: claimSize).run(on: store) { item, decision, seconds in
                            timings.latencies.append(seconds)
                            timings.acknowledged.append((item, decision.id ?? 0))
                        }
                    } catch {
                        await store.close()
                        throw error
                    }
                    await store.close()
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

    /// Whether the run kept its promises: no item decided twice by the bench's curators, every
    /// acknowledged decision stored, nothing left pending.
    struct Check: CustomStringConvertible {
        var acknowledged: Int
        var stored: Int
        var decidedTwice: Int
        var missing: Int
        var pendingLeft: Int

        var passed: Bool { decidedTwice == 0 && missing == 0 && pendingLeft == 0 }

        var description: String {
            "check: \(acknowledged) decisions acknowledged, \(stored) stored, \(missing) missing, "
                + "\(decidedTwice) items decided twice, \(pendingLeft) left pending: " + (passed ? "ok" : "FAILED")
        }
    }

    static func check(location: PostgresLocation, acknowledged: [(Int64, Int64)]) async throws -> Check {
        let store = try await PostgresStore.open(location)
        let rows: StoreRows
        do {
            rows = try await store.readRows()
            await store.close()
        } catch {
            await store.close()
            throw error
        }
        var perItem: [Int64: Int] = [:]
        var ids = Set<Int64>()
        for row in rows.rows(of: "decisions") {
            guard case .text(let curator) = row[8], curator.hasPrefix(HeadlessCurator.benchPrefix) else { continue }
            if case .integer(let id) = row[0], case .integer(let item) = row[1] {
                ids.insert(id)
                perItem[item, default: 0] += 1
            }
        }
        let pending = rows.rows(of: "items").filter { $0[8] == .text(ItemStatus.pending.rawValue) }.count
        return Check(
            acknowledged: acknowledged.count, stored: ids.count, decidedTwice: perItem.values.filter { $0 > 1 }.count,
            missing: acknowledged.filter { !ids.contains($0.1) }.count, pendingLeft: pending)
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
