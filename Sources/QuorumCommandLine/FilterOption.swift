import ArgumentParser
import QuorumCore

/// `--filter EXPR`: the filter language of the workbench's `:filter`, on the command line.
public struct FilterOption: ParsableArguments {
    @Option(
        name: .customLong("filter"),
        help: ArgumentHelp(
            "Only items this filter passes: e.g. 'type = A and fragility >= 0.5', 'pending,edited', 'fragile', "
                + "'curator = ana and not has:note', 'text ~ \"recipe\"', 'contested' (on a team's store) "
                + "(see the README's filter language).",
            valueName: "expr"))
    public var text: String?

    public init() {}

    /// The parsed filter, nil when none was given; a filter that does not parse is a usage
    /// error (exit 64) showing where.
    public func expression(fragileAbove: Double = 0.5) throws -> FilterExpression? {
        guard let text else { return nil }
        do throws(FilterSyntaxError) {
            return try FilterExpression.parse(text, fragileAbove: fragileAbove)
        } catch {
            printError("--filter \(error)")
            for line in error.pointing(into: text).split(separator: "\n", omittingEmptySubsequences: false) {
                printError("  " + line)
            }
            throw ExitCode(64)
        }
    }
}
