import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumStore
import QuorumStorePostgres

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write curated items as JSONL, atomically.",
        discussion: """
            alpaca: {"instruction", "input", "output"}; sharegpt: {"conversations": [human, gpt]}; \
            full: every candidate set, candidate, consensus and the decision history. \
            Without -o the lines go to standard output; with -o FILE they go to a temporary file \
            beside FILE that replaces it only once complete and synced. Pending items export \
            the consensus choice; rejected, discarded and streaming items have no output, so \
            only `full` can export them.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "alpaca, sharegpt or full.")
    var format: ExportFormat = .alpaca

    @Option(help: ArgumentHelp(
        "Statuses to export, comma-separated: \(ItemStatus.allCases.map(\.rawValue).joined(separator: ", ")), curated or all.",
        valueName: "list"))
    var status: ExportStatusFilter = ExportStatusFilter(statuses: ItemStatus.curated)

    @OptionGroup var filter: FilterOption

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() async throws {
        let expression = try filter.expression()
        let destination: ExportDestination = output.map { $0 == "-" ? .standardOutput : .file(path: $0) } ?? .standardOutput
        let request = ExportRequest(format: format, statuses: status.statuses, filter: expression)
        let summary: ExportSummary
        if let exported = try await withPostgresStore(storeOptions, { try await $0.export(request, to: destination) }) {
            summary = exported
        } else {
            let store = try openStore(storeOptions, access: .read)
            do {
                summary = try await store.export(request, to: destination)
            } catch {
                throw commandFailure(error)
            }
        }
        var message = "exported \(summary.lines) item\(summary.lines == 1 ? "" : "s") (\(format.rawValue))"
        if case .file(let path) = destination { message += " to \(path)" }
        if summary.skippedWithoutOutput > 0 {
            message += "; \(summary.skippedWithoutOutput) selected item(s) have no output (use --format full to see them)"
        }
        printError(message)
    }
}

extension ExportFormat: ExpressibleByArgument {}
