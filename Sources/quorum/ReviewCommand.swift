import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumEngine
import QuorumSession
import QuorumStore
import QuorumTUI

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The workbench: go through the items awaiting review and decide, one key each.",
        discussion: """
            Opens the store of the configuration (or --store) and lists the items awaiting review. \
            With a configuration (quorum.toml) the ensemble runs in the background and new items \
            stream in; it pauses while [generation] max_awaiting_review items wait for you. \
            a accepts the consensus choice, a digit takes another candidate, x rejects with a \
            reason, u undoes, ? lists every key. Decisions are written to the store at once.
            """
    )

    @Option(help: ArgumentHelp(
        "The curation store: a SQLite path, or a team's postgresql:// URL.",
        discussion: "Default: $QUORUM_STORE, else the configuration's store, else quorum.sqlite here.",
        valueName: "path"))
    var store: String?
    @Option(help: "The configuration file, read when it exists.") var config = QuorumConfigLoader.defaultFileName
    @OptionGroup var curatorOptions: StoreCuratorOptions
    @Option(help: "The theme (default: $QUORUM_THEME, else [workbench] theme, else dark).") var theme: String?
    @Option(help: ArgumentHelp("The folder of theme files.", valueName: "path")) var themes: String?
    @Option(help: "Flag a consensus at least this fragile, 0 (unanimous) to 1 (default: [workbench] fragile_above, else 0.5).")
    var fragileAbove: Double?
    @Flag(help: "Review only: do not run the ensemble, even when the configuration has one.") var noEngine = false
    @Option(help: "id: oldest first; fragility: the most fragile decisions first (see docs/ARCHITECTURE.md).")
    var order: ReviewOrder = .id
    @OptionGroup var filter: FilterOption

    func validate() throws {
        if let fragileAbove, !(fragileAbove >= 0 && fragileAbove <= 1) {
            throw ValidationError("--fragile-above must be a number from 0 to 1")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings: QuorumConfig?
        let catalog: ThemeCatalog
        let themeName: String
        let guidelines: Guidelines?
        do {
            settings = try WorkbenchSetup.configuration(path: config)
            guidelines = try settings.flatMap { try WorkbenchSetup.guidelines($0.workbench) }
            catalog = try WorkbenchSetup.themes(folder: themes, environment: environment)
            let requestedTheme = (theme ?? environment["QUORUM_THEME"]).flatMap { $0.isEmpty ? nil : $0 }
            themeName = try requestedTheme.map { try WorkbenchSetup.themeName($0, in: catalog) }
                ?? WorkbenchSetup.themeName(settings?.workbench.theme, in: catalog, origin: "\(config): workbench.theme")
        } catch {
            throw commandFailure(error)
        }
        let path = store ?? environment["QUORUM_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? settings?.storePath
            ?? "quorum.sqlite"
        let environmentCurator = environment["QUORUM_CURATOR"].flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        let curator = curatorOptions.curator ?? environmentCurator ?? settings?.curator ?? curatorOptions.resolvedCurator()
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else {
            throw failure("review needs a terminal; for scripts, see quorum export and quorum import", status: 1)
        }
        let opened: OpenedWorkbenchStore
        do { opened = try await OpenedWorkbenchStore.open(path, curator: curator, command: invokedCommandLine) } catch {
            throw postgresFailure(error)
        }
        var state = WorkbenchState(
            viewport: Size(width: 80, height: 24),
            settings: WorkbenchSettings(fragileAbove: fragileAbove ?? settings?.workbench.fragileAbove ?? WorkbenchSettings.defaultFragileAbove),
            themeNames: catalog.names, themeName: themeName)
        state.queue.query.order = order
        state.guidelines = guidelines
        state.settings.marksChangesInText = !(environment["NO_COLOR"] ?? "").isEmpty
        if let text = filter.text, let expression = try filter.expression(fragileAbove: state.settings.fragileAbove) {
            state.queue.query.filter = .expression(text, expression)
        }
        let engineConfig = noEngine ? nil : settings
        if let engineConfig { state.engine.maxAwaitingReview = engineConfig.generation.maxAwaitingReview }
        let startEngine = engineConfig.flatMap { opened.engineStarter(config: $0, curator: curator) }
        let session = ReviewSession(
            store: opened.store, curator: curator, catalog: catalog, initialState: state, startEngine: startEngine)
        let outcome = await session.run()
        await opened.close()
        if outcome.finalState != nil {
            printError("the decisions are in \(path); export them with: quorum export --store \(shellQuoted(path)) -o curated.jsonl")
        }
        if let problem = outcome.failure { throw failure(problem, status: ExitStatus.software) }
        if outcome.interrupted { throw ExitCode(130) }
    }
}

extension ReviewOrder: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(name: argument)
    }
}
