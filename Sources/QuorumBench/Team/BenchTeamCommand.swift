// QuorumBench/Team: `quorum bench team`: headless curators deciding at once on PostgreSQL, beside the
// single-writer SQLite figure, with the checks that no item went to two curators and no decision was lost.

import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumSession
import QuorumStore
import QuorumStorePostgres

/// Copies a synthetic store into an empty PostgreSQL database, lets N headless curators claim
/// and accept until nothing is pending, and times each decision's commit; then the same
/// decisions one transaction each on the SQLite store, the single writer it replaces.
struct BenchTeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team",
        abstract: "Team figures: N curators deciding at once on PostgreSQL, beside one SQLite writer.",
        discussion: """
            Needs an empty PostgreSQL database (--store postgresql://…, the password from \
            PGPASSWORD or ~/.pgpass). Builds a synthetic store (by default 100,000 items), copies \
            it there, runs --curators headless curators (each its own connection, claiming \
            --claim items at a time with SKIP LOCKED) until nothing is pending, and reports the \
            decision commit p50/p99 and items per second; with --reviews-per-item N the store \
            adopts that policy first. Checks that no item went to more curators than it needs \
            or twice to one, and that every acknowledged decision is stored. Then accepts --sqlite-decisions items \
            one transaction each on the SQLite copy, for the single-writer figure.
            """)

    @Option(help: ArgumentHelp("An empty PostgreSQL database.", valueName: "url")) var store: String
    @Option(help: "Items in the synthetic store.") var items = 100_000
    @Option(help: "Headless curators deciding at once.") var curators = 8
    @Option(help: "Items each curator claims at a time.") var claim = 20
    @Option(help: "Curators who review each item (the team's policy, resolution unanimous).") var reviewsPerItem = 1
    @Option(help: "Decisions timed on the SQLite store (one transaction each).") var sqliteDecisions = 10_000
    @Option(help: ArgumentHelp("Build the SQLite store in this folder and keep it.", valueName: "path")) var folder: String?

    func validate() throws {
        guard reviewsPerItem >= 1 else { throw ValidationError("--reviews-per-item must be at least 1") }
    }

    func run() async throws {
        let workFolder = try BenchWorkspace.folder(folder, name: "bench-team")
        defer { if folder == nil { try? FileManager.default.removeItem(atPath: workFolder) } }
        let sqlitePath = workFolder + "/team.sqlite"
        var report = TeamBenchReport()
        #if DEBUG
        report.note("note: a debug build; the figures that count come from `swift build -c release`")
        #endif
        do {
            let location = try PostgresLocation(parsing: store)
            let built = try await BenchWorkspace.buildStore(
                at: sqlitePath, shape: SyntheticStore.Shape(items: items, candidatesPerItem: 3), command: invokedCommandLine)
            report.note(String(format: "built %d items in SQLite in %.1f s", items, built))
            let copyStart = ContinuousClock.now
            let copied = try await StoreCopy.copy(from: .sqlite(path: sqlitePath), to: .postgres(location))
            report.note(String(format: "copied to PostgreSQL in %.1f s: %@", (ContinuousClock.now - copyStart).seconds, copied.summary))
            if reviewsPerItem > 1 {
                let adoptStart = ContinuousClock.now
                let policy = TeamPolicy(reviewsPerItem: reviewsPerItem, resolution: .unanimous)
                let store = try await PostgresStore.open(location)
                let changed: Int
                do { changed = try await store.adopt(policy) } catch {
                    await store.close()
                    throw error
                }
                await store.close()
                report.note(String(
                    format: "adopted %@ in %.1f s: %d items changed state", policy.description,
                    (ContinuousClock.now - adoptStart).seconds, changed))
            }
            var environment = ProcessInfo.processInfo.environment
            environment["QUORUM_MIRROR_DIR"] = workFolder + "/mirrors"
            report.note(try await TeamWorkbenchOpening.measure(location: location, sqlitePath: sqlitePath, environment: environment))
            let team = try await TeamBenchRun(location: location, curators: curators, claimSize: claim).run()
            report.add("PostgreSQL, \(curators) curators at once", team.latencies, wallSeconds: team.wallSeconds)
            let check = try await TeamBenchRun.check(
                location: location, reviewsPerItem: reviewsPerItem, acknowledged: team.acknowledged)
            report.note(check.description)
            report.note(try await TeamWorkbenchOpening.measureReopening(location: location, environment: environment))
            let single = try await SingleWriterRun(path: sqlitePath, decisions: sqliteDecisions).run()
            report.add("SQLite, one writer", single.latencies, wallSeconds: single.wallSeconds)
            print(report.text, terminator: "")
            if !check.passed { throw ExitCode(ExitStatus.software) }
        } catch let error as ExitCode {
            throw error
        } catch let error as PostgresStoreError {
            throw failure(error.description, status: error.isUnreachable ? ExitStatus.unavailable : ExitStatus.dataError)
        } catch {
            throw commandFailure(error)
        }
    }
}
