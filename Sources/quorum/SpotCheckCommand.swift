import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumSession
import QuorumStore
import QuorumTUI

struct SpotCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spot-check",
        abstract: "Draw a stratified sample of decisions made without a human and estimate their error rate.",
        discussion: """
            The population: items accepted by the curator "auto" (quorum generate --auto-accept) \
            and imported items' consensus choices. The sample is allocated to strata in proportion \
            to their sizes, at least one item per stratum, and is the same for the same store, \
            size, strata and seed. A human decision made on a sampled item after the automatic one \
            is its verdict: accepted is right; overridden to another candidate, edited or \
            rejected is wrong. Error rates come with Wilson 95% intervals.

            On a terminal it opens the workbench on exactly the sampled items: y marks the \
            automatic choice right (a human accept), n marks it wrong with a reason (a reject), \
            a digit or x correct it, u undoes; the estimate is updated with each verdict. On \
            quit the session is saved as a run (source "spot-check") and the report is printed. \
            Elsewhere, or with --json or --report, it prints the report of the verdicts so far.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "How many decisions to draw.")
    var sample = 100

    @Option(help: "Strata: member (whose candidate won), type (A or B), rule (exact or rouge) or fragility (quartiles).")
    var stratify: SpotCheckStratification = .member

    @Option(help: "Seed of the draw: the same seed draws the same sample.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(
        "Target error rate (0–1): reports whether the overall Wilson upper bound is already below it.",
        valueName: "rate"))
    var target: Double?

    @Flag(help: "Print one JSON object instead of tables (never opens the workbench).")
    var json = false

    @Flag(name: .customLong("report"), help: "Print the report of the verdicts so far, even on a terminal.")
    var reportOnly = false

    @OptionGroup var filter: FilterOption
    @OptionGroup var curatorOptions: StoreCuratorOptions
    @Option(help: "The workbench's theme (default: $QUORUM_THEME, else dark).") var theme: String?
    @Option(help: ArgumentHelp("The folder of theme files.", valueName: "path")) var themes: String?
    @Option(help: "The sample's order in the workbench: id, or fragility (the most fragile first).")
    var order: ReviewOrder = .id

    func validate() throws {
        guard sample >= 1 else { throw ValidationError("--sample must be at least 1") }
        if let target, !(target > 0 && target <= 1) { throw ValidationError("--target must be in (0, 1]") }
    }

    func run() async throws {
        if !json && !reportOnly && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            try await workbench()
            return
        }
        let expression = try filter.expression()
        let store = try openStore(storeOptions, access: .read)
        let report: SpotCheckReport
        do {
            report = try await store.spotCheckPopulation(stratifiedBy: stratify, filter: expression)
                .report(sampleSize: sample, seed: seed)
        } catch {
            throw commandFailure(error)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let output = SpotCheckOutput(report: report, target: target, targetMet: target.map(report.estimate.meets(target:)))
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } else {
            print(SpotCheckText(report: report, target: target).text, terminator: "")
        }
    }

    private func workbench() async throws {
        let environment = ProcessInfo.processInfo.environment
        let storePath = storeOptions.resolvedPath(environment: environment)
        let parameters = SpotCheckParameters(
            sampleSize: sample, stratification: stratify, seed: seed, target: target,
            curator: curatorOptions.resolvedCurator(environment: environment), filterText: filter.text,
            filter: try filter.expression())
        let outcome: SpotCheckWorkbench.Outcome
        do {
            let catalog = try WorkbenchSetup.themes(folder: themes, environment: environment)
            let spotCheck = SpotCheckWorkbench(
                parameters: parameters, order: order, catalog: catalog,
                themeName: try WorkbenchSetup.themeName(theme ?? environment["QUORUM_THEME"], in: catalog))
            let store = try Store.open(
                at: storePath, access: .write(command: invokedCommandLine), options: StoreOpenOptions(claimsRun: false))
            defer { try? store.close() }
            outcome = try await spotCheck.run(on: store) { state in
                ReviewSession(store: store, curator: parameters.curator, catalog: catalog, initialState: state)
            }
        } catch {
            throw commandFailure(error)
        }
        switch outcome {
        case .nothingToCheck(let report):
            print(SpotCheckText(report: report, target: target).text, terminator: "")
            printError("nothing to spot-check: no decision in \(storePath) was made without a human")
        case .judged(let report, let session):
            print(SpotCheckText(report: report, target: target).text, terminator: "")
            if let problem = session.failure { throw failure(problem, status: ExitStatus.software) }
            if session.interrupted { throw ExitCode(130) }
        }
    }
}

extension SpotCheckStratification: ExpressibleByArgument {
    /// `margin`, the strata's earlier name, is still understood.
    public init?(argument: String) {
        self.init(rawValue: argument == "margin" ? Self.fragility.rawValue : argument)
    }
}

/// `quorum spot-check --json`: the report, and the target's verdict when one was set.
struct SpotCheckOutput: Encodable {
    let report: SpotCheckReport
    let target: Double?
    let targetMet: Bool?
}
