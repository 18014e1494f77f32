/// The guidelines file as the workbench holds it: where it is, what it says, and that read
/// as Markdown once.
public struct Guidelines: Sendable, Equatable {
    /// The path as `[workbench] guidelines` resolved it, for the view's title.
    public var path: String
    public var markdown: String
    let document: GuidelinesDocument

    public init(path: String, markdown: String) {
        self.path = path
        self.markdown = markdown
        document = GuidelinesDocument(markdown: markdown)
    }
}
