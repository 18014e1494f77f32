import ArgumentParser
import Foundation
import QuorumStore
import QuorumTUI

/// `quorum spot-check` on a terminal: the workbench on exactly the sampled items, verdicts
/// recorded as decisions, then the session saved as a run and its report printed once the
/// terminal is restored.
struct SpotCheckWorkbench {
    let parameters: SpotCheckParameters
    let order: ReviewOrder
    let catalog: ThemeCatalog
    let themeName: String

    func run(storePath: String) async throws {
        let store: Store
        do {
            store = try Store.open(
                at: storePath, access: .write(command: invokedCommandLine), options: StoreOpenOptions(claimsRun: false))
        } catch {
            throw storeFailure(error)
        }
        defer { try? store.close() }
        let population: SpotCheckPopulation
        do { population = try await store.spotCheckPopulation(stratifiedBy: parameters.stratification) } catch {
            throw storeFailure(error)
        }
        let report = population.report(sampleSize: parameters.sampleSize, seed: parameters.seed)
        guard !report.sample.sampledIDs.isEmpty else {
            print(SpotCheckText(report: report, target: parameters.target).text, terminator: "")
            printError("nothing to spot-check: no decision in \(storePath) was made without a human")
            return
        }
        var state = WorkbenchState(viewport: Size(width: 80, height: 24), themeNames: catalog.names, themeName: themeName)
        state.queue.query = QueueQuery(filter: .all, order: order, itemIDs: report.sample.sampledIDs)
        state.spotCheck = SpotCheckState(report: report, verdicts: population.verdicts, target: parameters.target)
        let outcome = await ReviewSession(store: store, curator: parameters.curator, catalog: catalog, initialState: state).run()
        // The verdicts are read back from the store: the report says what the log says.
        let final: SpotCheckReport
        do {
            final = try await store.spotCheckPopulation(stratifiedBy: parameters.stratification)
                .report(sampleSize: parameters.sampleSize, seed: parameters.seed)
            try await store.saveSpotCheck(final, parameters: parameters)
        } catch {
            throw storeFailure(error)
        }
        print(SpotCheckText(report: final, target: parameters.target).text, terminator: "")
        if let problem = outcome.failure { throw failure(problem, status: ExitStatus.software) }
        if outcome.interrupted { throw ExitCode(130) }
    }
}
