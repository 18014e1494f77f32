/// One line of a stats report and what it is, so the command line can print it plainly and
/// the workbench can style it.
public struct StatsReportLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case title
        /// A section's name, or a one-line finding.
        case heading
        case tableHeader
        case row
        /// A histogram bin with its bar.
        case bar
        case blank
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    static let blank = StatsReportLine(.blank, "")
}
