import Foundation
import QuorumCore

/// What a spot-check session was asked for, saved with its result.
public struct SpotCheckParameters: Sendable, Equatable {
    public var sampleSize: Int
    public var stratification: SpotCheckStratification
    public var seed: UInt64
    public var target: Double?
    public var curator: String
    /// The filter the population was narrowed by (`--filter`), as written.
    public var filterText: String?
    public var filter: FilterExpression?

    public init(
        sampleSize: Int, stratification: SpotCheckStratification, seed: UInt64, target: Double?, curator: String,
        filterText: String? = nil, filter: FilterExpression? = nil
    ) {
        self.filterText = filterText
        self.filter = filter
        self.sampleSize = sampleSize
        self.stratification = stratification
        self.seed = seed
        self.target = target
        self.curator = curator
    }
}

extension Store {
    /// The `runs.source` of a saved spot-check session.
    public static let spotCheckSource = "spot-check"

    /// Saves a spot-check session as a run whose `config_json` holds the parameters and the
    /// report: `{"parameters": {…}, "report": {"population", "strata": [{"stratum", "population",
    /// "sample", "judged", "wrong", "error_rate", "wilson_lower", "wilson_upper"}], "overall",
    /// "fragility_edges", "target_met"}}`.
    @discardableResult
    public func saveSpotCheck(_ report: SpotCheckReport, parameters: SpotCheckParameters) async throws -> Run {
        let json = Self.spotCheckJSON(report, parameters)
        return try await write { try $0.beginRun(source: Self.spotCheckSource, configJSON: json) }
    }

    static func spotCheckJSON(_ report: SpotCheckReport, _ parameters: SpotCheckParameters) -> String {
        let samples = Dictionary(uniqueKeysWithValues: report.sample.strata.map { ($0.key, $0) })
        func row(_ row: ErrorRateEstimate.Row) -> [String: Any] {
            var object: [String: Any] = [
                "stratum": row.stratum, "sampled": row.sampled, "judged": row.judged, "wrong": row.wrong,
                "error_rate": row.errorRate ?? NSNull(), "wilson_lower": row.interval?.lower ?? NSNull(),
                "wilson_upper": row.interval?.upper ?? NSNull(),
            ]
            if let stratum = samples[row.stratum] {
                object["population"] = stratum.population
                object["sample"] = stratum.sample
            }
            return object
        }
        var reportObject: [String: Any] = [
            "stratification": report.stratification.rawValue, "population": report.population,
            "strata": report.estimate.strata.map(row), "overall": row(report.estimate.overall),
            "fragility_edges": report.fragilityEdges ?? NSNull(),
        ]
        if let target = parameters.target { reportObject["target_met"] = report.estimate.meets(target: target) }
        let object: [String: Any] = [
            "parameters": [
                "sample": parameters.sampleSize, "stratify": parameters.stratification.rawValue, "seed": parameters.seed,
                "target": parameters.target ?? NSNull(), "curator": parameters.curator,
                "filter": parameters.filterText ?? NSNull(),
            ] as [String: Any],
            "report": reportObject,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
