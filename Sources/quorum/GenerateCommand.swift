import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumEngine
import QuorumSession
import QuorumStore

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Run the ensemble headless and fill the store with items.",
        discussion: """
            Items await review, or with --auto-accept their consensus choice is committed as the \
            curator "auto" (to be spot-checked later). Ctrl-C stops cleanly and keeps every \
            finished item; running the same command again resumes the unfinished run.
            """
    )

    @Option(help: "Items to generate.") var count: Int
    @Option(help: "Task type: A (needs an input), B, or both.") var type: TaskTypeChoice = .both
    @Flag(help: "Commit each consensus choice as the curator \"auto\".") var autoAccept = false
    @Option(help: "The configuration file.") var config = QuorumConfigLoader.defaultFileName
    @Option(help: "The store, instead of the configuration's (a postgresql:// URL feeds a team's store).") var store: String?

    enum TaskTypeChoice: String, ExpressibleByArgument, CaseIterable {
        case a = "A", b = "B", both
        var types: [ItemType] { self == .a ? [.a] : self == .b ? [.b] : [.a, .b] }
    }

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
    }

    func run() async throws {
        let settings: QuorumConfig
        do { settings = try QuorumConfigLoader.load(path: config) } catch {
            throw failure(error.description, status: ExitStatus.config)
        }
        let seeds: [SeedTask]
        do { seeds = try SeedPool.load(path: settings.seedsPath) } catch {
            throw failure(error.description, status: error.isUnreadable ? ExitStatus.noInput : ExitStatus.dataError)
        }
        let opened: Store, team = TeamGeneration.plan(store ?? settings.storePath)
        do { opened = try Store.open(at: team?.localPath ?? store ?? settings.storePath, access: .write(command: invokedCommandLine)) } catch {
            throw commandFailure(error)
        }
        let request = GenerationRequest(count: count, types: type.types, autoAccept: autoAccept)
        // Members without a base_url run on the embedded engine, started (or joined) here and
        // released on every exit; the run snapshot keeps the unplaced configuration, so a run
        // resumes although the engine's port changes.
        let localEngine: LocalEngineLease?
        do { localEngine = try await EngineOnDemand.lease(for: settings, report: printError) } catch {
            throw commandFailure(error)
        }
        defer { localEngine?.release() }
        let models = settings.languageModels(localEngineURL: localEngine?.baseURL)
        let engine: EnsembleEngine
        do {
            engine = try EnsembleEngine(config: settings, models: models, seeds: seeds.map(\.demonstration), store: opened)
        } catch {
            throw failure("\(error)", status: ExitStatus.config)
        }

        let (runID, target) = try await startOrResume(opened, settings: settings, request: request)
        let feeding: TeamGeneration.Feeding?
        do { feeding = try await team?.start(local: opened, runID: runID, report: printError) } catch { throw postgresFailure(error) }
        var owed = request
        owed.count = target
        let progress = GenerateProgress(target: target, alreadyStored: request.count - target)
        let earlier = try await opened.instructionsByType()
        let generation = Task {
            try await engine.generate(owed, runID: runID, earlierInstructions: earlier) { progress.handle($0) }
        }
        let interrupt = InterruptHandler { generation.cancel() }
        defer { interrupt.stop() }
        do {
            _ = try await generation.value
            try await feeding?.finish()
            progress.finish(runID: runID, interrupted: false, members: models.map(\.statistics))
        } catch is CancellationError {
            try? await feeding?.finish()
            progress.finish(runID: runID, interrupted: true)
            throw ExitCode(130)
        } catch let error as EngineError {
            progress.finish(runID: runID, interrupted: true, members: models.map(\.statistics))
            throw failure(error.description, status: ExitStatus.temporaryFailure)
        } catch {
            progress.finish(runID: runID, interrupted: true)
            throw commandFailure(error)
        }
    }

    /// The unfinished run of the same configuration and request, or a new run.
    private func startOrResume(_ store: Store, settings: QuorumConfig, request: GenerationRequest) async throws -> (Int64, Int) {
        do {
            let runs = try await store.runs(source: RunSnapshot.source)
            if let resumed = RunSnapshot.resumable(runs, config: settings, request: request) {
                printError("resuming run \(resumed.runID): \(resumed.remaining) of \(request.count) items to go")
                return (resumed.runID, resumed.remaining)
            }
            let snapshot = RunSnapshot.json(settings, request)
            let run = try await store.write { try $0.beginRun(source: RunSnapshot.source, configJSON: snapshot) }
            return (run.id!, request.count)
        } catch {
            throw commandFailure(error)
        }
    }
}
