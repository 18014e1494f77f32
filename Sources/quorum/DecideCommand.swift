import ArgumentParser
import QuorumCommandLine
import QuorumSession
import QuorumStore
import QuorumStorePostgres
import QuorumCore

/// `quorum decide accept|reject|undo`: the workbench's bulk decisions, headless.
struct DecideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide",
        abstract: "Accept or reject every pending item a filter passes, as one batch; or undo a batch.",
        discussion: """
            The decisions are written in one transaction and logged as one batch (each carries \
            the batch's id), so `quorum decide undo --batch ID` or `u` in the workbench takes \
            them all back. Only pending items are decided; an accept skips items without a \
            consensus choice. --dry-run counts without writing.
            """)

    enum Verb: String, ExpressibleByArgument, CaseIterable {
        case accept, reject, undo
    }

    @Argument(help: "accept, reject or undo.") var verb: Verb
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var curatorOptions: StoreCuratorOptions
    @OptionGroup var filter: FilterOption
    @Option(help: "Why the items are rejected (reject only).") var reason: String?
    @Option(help: "The batch to undo (undo only): the id `decide` printed.") var batch: Int64?
    @Flag(help: "Say how many items would be decided, write nothing.") var dryRun = false

    func validate() throws {
        switch verb {
        case .reject:
            guard let reason, !reason.allSatisfy(\.isWhitespace) else { throw ValidationError("reject needs --reason TEXT") }
        case .undo:
            guard batch != nil else { throw ValidationError("undo needs --batch ID") }
        case .accept:
            break
        }
        if verb != .undo && filter.text == nil {
            throw ValidationError("\(verb.rawValue) needs --filter EXPR (e.g. --filter pending, --filter 'rule = exact and fragility < 0.1')")
        }
    }

    func run() async throws {
        let expression = try filter.expression()
        let curator = curatorOptions.resolvedCurator()
        if try await withPostgresStore(storeOptions, { try await decide(on: $0, filter: expression, curator: curator) }) != nil {
            return
        }
        let store = try openStore(storeOptions, access: dryRun ? .read : .write(command: invokedCommandLine))
        do {
            switch verb {
            case .undo:
                let batch = batch!
                let outcome = try await store.write { try $0.undoBatch(batch, curator: curator) }
                printError("undid batch \(batch): \(count(outcome.itemIDs.count)) back as they were (undo batch \(outcome.batchID ?? 0))")
            case .accept, .reject:
                let action: DecisionAction = verb == .accept ? .accept : .reject(reason: reason ?? "")
                let selection = QueueSelection(statuses: ItemStatus.allCases, filter: expression)
                if dryRun {
                    let targets = try await store.batchTargets(selection)
                    printError("would \(verb.rawValue) \(count(targets.count)) (dry run: nothing written)")
                    return
                }
                let outcome = try await store.write { transaction in
                    try transaction.decideBatch(action, items: try transaction.batchTargets(selection), curator: curator)
                }
                report(outcome)
            }
        } catch {
            throw commandFailure(error)
        }
    }

    /// The same verbs on a PostgreSQL store: targets from the filter, decisions in one transaction.
    private func decide(on store: PostgresStore, filter expression: FilterExpression?, curator: String) async throws {
        switch verb {
        case .undo:
            let batch = batch!
            let outcome = try await store.undoBatch(batch, curator: curator)
            printError("undid batch \(batch): \(count(outcome.itemIDs.count)) back as they were (undo batch \(outcome.batchID ?? 0))")
        case .accept, .reject:
            let action: DecisionAction = verb == .accept ? .accept : .reject(reason: reason ?? "")
            let targets = try await store.batchTargets(QueueSelection(statuses: ItemStatus.allCases, filter: expression))
            if dryRun {
                printError("would \(verb.rawValue) \(count(targets.count)) (dry run: nothing written)")
                return
            }
            report(try await store.decideBatch(action, items: targets, curator: curator))
        }
    }

    private func report(_ outcome: BatchOutcome) {
        var message = "\(verb == .accept ? "accepted" : "rejected") \(count(outcome.itemIDs.count))"
        if let id = outcome.batchID { message += " as batch \(id) (undo: quorum decide undo --batch \(id))" }
        if outcome.skipped > 0 { message += "; left \(count(outcome.skipped)) decided meanwhile as they are" }
        printError(message)
    }

    private func count(_ items: Int) -> String { items == 1 ? "1 item" : "\(items) items" }
}
