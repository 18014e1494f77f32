// QuorumBench/Export: `quorum bench export`: the full-format export of a PostgreSQL store read directly,
// beside the SQLite snapshot it was made from before, with their bytes compared.

import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumSession
import QuorumStore
import QuorumStorePostgres

/// Copies a synthetic store into an empty PostgreSQL database, then times `quorum export
/// --format full` of it both ways in one run: through a SQLite snapshot of the whole store (a
/// copy, then the SQLite exporter: how the full format and filtered exports were made before)
/// and read directly; checks that the two files are the same bytes.
struct BenchExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "The full export of a PostgreSQL store, read directly, beside the SQLite snapshot it replaced.",
        discussion: """
            Needs an empty PostgreSQL database (--store postgresql://…, the password from \
            PGPASSWORD or ~/.pgpass). Builds a synthetic store (by default 100,000 items), copies \
            it there, and runs `quorum export --format full` (the curated items) through a SQLite \
            snapshot and directly, --rounds times each, alternating (each line as it is measured: the snapshot of \
            100,000 items takes many minutes); reports the best time of each, their ratio, and \
            whether the files are identical.
            """)

    @Option(help: ArgumentHelp("An empty PostgreSQL database.", valueName: "url")) var store: String
    @Option(help: "Items in the synthetic store.") var items = 100_000
    @Option(help: "Exports timed each way.") var rounds = 1
    @Option(help: ArgumentHelp("Build the SQLite store in this folder and keep it.", valueName: "path")) var folder: String?

    func validate() throws {
        guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() async throws {
        let workFolder = try BenchWorkspace.folder(folder, name: "bench-export")
        defer { if folder == nil { try? FileManager.default.removeItem(atPath: workFolder) } }
        do {
            #if DEBUG
            say("note: a debug build; the figures that count come from `swift build -c release`")
            #endif
            let location = try PostgresLocation(parsing: store)
            let sqlitePath = workFolder + "/export.sqlite"
            let built = try await BenchWorkspace.buildStore(
                at: sqlitePath, shape: SyntheticStore.Shape(items: items, candidatesPerItem: 3), command: invokedCommandLine)
            say(String(format: "built %d items in SQLite in %.1f s", items, built))
            let copied = try await StoreCopy.copy(from: .sqlite(path: sqlitePath), to: .postgres(location))
            say("copied to PostgreSQL: \(copied.summary)")
            let run = ExportBenchRun(location: location, folder: workFolder)
            var snapshot = Double.infinity, direct = Double.infinity
            for round in 1...rounds {
                let throughSnapshot = try await run.throughSnapshot()
                say(String(format: "round %d: through a SQLite snapshot %.2f s", round, throughSnapshot))
                let read = try await run.direct()
                say(String(format: "round %d: read directly %.2f s", round, read))
                (snapshot, direct) = (min(snapshot, throughSnapshot), min(direct, read))
            }
            let identical = run.filesAreIdentical()
            let size = (try? FileManager.default.attributesOfItem(atPath: run.directPath)[.size] as? Int) ?? 0
            say(String(format: "quorum export --format full of a %d-item store (%.0f MB written), best of %d:", items, Double(size) / 1_000_000, rounds))
            say(String(format: "  through a SQLite snapshot  %8.2f s", snapshot))
            say(String(format: "  read directly              %8.2f s", direct))
            say(String(format: "  ratio                      %8.1fx", snapshot / direct))
            say("the two exports are " + (identical ? "byte for byte identical" : "DIFFERENT"))
            if !identical { throw ExitCode(ExitStatus.software) }
        } catch let error as ExitCode {
            throw error
        } catch let error as PostgresStoreError {
            throw failure(error.description, status: error.isUnreachable ? ExitStatus.unavailable : ExitStatus.dataError)
        } catch {
            throw commandFailure(error)
        }
    }

    /// Prints a line at once, so a long run shows how far it got.
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
