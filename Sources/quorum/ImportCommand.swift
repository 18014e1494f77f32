import ArgumentParser
import QuorumCommandLine
import QuorumSession
import QuorumStore
import QuorumStorePostgres

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add items from a JSONL file to the store, all or nothing.",
        discussion: """
            Each line is {"instruction", "input", "candidates": [...]} (optionally "members": \
            [...], who wrote each candidate; the consensus is computed) or an Alpaca record \
            {"instruction", "input", "output"}. A missing "input" means "" (type B). One bad \
            line stops the import, names the line and field, and stores nothing.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: ArgumentHelp("The JSONL file; - or nothing reads standard input.", valueName: "file"))
    var file: String?

    @Flag(help: "Import lines whose item the store already holds (same instruction, input and candidates); by default they are skipped and counted.")
    var allowDuplicates = false

    func run() async throws {
        let source: ImportSource = file.map { $0 == "-" ? .standardInput : .file(path: $0) } ?? .standardInput
        let allowDuplicates = allowDuplicates
        if let summary = try await withPostgresStore(storeOptions, {
            try await $0.importJSONL(from: source, allowDuplicates: allowDuplicates)
        }) {
            report(summary, from: source)
            return
        }
        let store = try openStore(storeOptions, access: .write(command: invokedCommandLine))
        do {
            report(try await store.importJSONL(from: source, allowDuplicates: allowDuplicates), from: source)
        } catch {
            throw commandFailure(error)
        }
    }

    private func report(_ summary: ImportSummary, from source: ImportSource) {
        printError(
            "imported \(summary.items) item\(summary.items == 1 ? "" : "s") from \(source.name) as run \(summary.runID) "
                + "(\(summary.pending) pending review, \(summary.discarded) discarded by consensus)")
        if summary.duplicates > 0 {
            let lines = summary.duplicates == 1 ? "1 line was" : "\(summary.duplicates) lines were"
            printError(
                "skipped: \(lines) already in the store (same instruction, input and candidates); "
                    + "--allow-duplicates imports them again")
        }
    }
}
