import ArgumentParser
import Foundation

/// `--curator NAME`: who the decisions are recorded for.
public struct StoreCuratorOptions: ParsableArguments {
    public init() {}

    @Option(name: .long, help: ArgumentHelp(
        "Who the decisions are recorded for.", discussion: "Default: $QUORUM_CURATOR, else $USER.",
        valueName: "name"))
    public var curator: String?

    public func resolvedCurator(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for candidate in [curator, environment["QUORUM_CURATOR"], environment["USER"], environment["LOGNAME"]] {
            if let candidate, !candidate.allSatisfy(\.isWhitespace) { return candidate }
        }
        return "unknown"
    }
}
