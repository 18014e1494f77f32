/// Why a session could not start or could not go on, with the kind of trouble, which the
/// command line turns into its exit status. Store errors are passed on as they are.
public struct SessionError: Error, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The configuration or a theme is wrong.
        case config
        /// The embedded engine is not installed, or its server did not come up.
        case unavailable
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
