import Foundation
import QuorumStore
import QuorumTUI

/// `quorum spot-check` on a terminal: the workbench on exactly the sampled items, verdicts
/// recorded as decisions, then the session saved as a run. The caller prints the report once
/// the terminal is restored.
public struct SpotCheckWorkbench: Sendable {
    public let parameters: SpotCheckParameters
    public let order: ReviewOrder
    public let catalog: ThemeCatalog
    public let themeName: String

    public init(parameters: SpotCheckParameters, order: ReviewOrder, catalog: ThemeCatalog, themeName: String) {
        self.parameters = parameters
        self.order = order
        self.catalog = catalog
        self.themeName = themeName
    }

    public enum Outcome: Sendable {
        /// No decision in the store was made without a human: the (empty) report.
        case nothingToCheck(SpotCheckReport)
        /// The report of the verdicts as the store now has them, and how the workbench ended.
        case judged(SpotCheckReport, ReviewSession.Outcome)
    }

    /// Store errors are thrown as they are.
    public func run(on store: Store, session: (WorkbenchState) -> ReviewSession) async throws -> Outcome {
        let population = try await store.spotCheckPopulation(stratifiedBy: parameters.stratification, filter: parameters.filter)
        let report = population.report(sampleSize: parameters.sampleSize, seed: parameters.seed)
        guard !report.sample.sampledIDs.isEmpty else { return .nothingToCheck(report) }
        var state = WorkbenchState(viewport: Size(width: 80, height: 24), themeNames: catalog.names, themeName: themeName)
        state.queue.query = QueueQuery(filter: .all, order: order, itemIDs: report.sample.sampledIDs)
        state.spotCheck = SpotCheckState(report: report, verdicts: population.verdicts, target: parameters.target)
        let outcome = await session(state).run()
        // The verdicts are read back from the store: the report says what the log says.
        let final = try await store.spotCheckPopulation(stratifiedBy: parameters.stratification, filter: parameters.filter)
            .report(sampleSize: parameters.sampleSize, seed: parameters.seed)
        try await store.saveSpotCheck(final, parameters: parameters)
        return .judged(final, outcome)
    }
}
