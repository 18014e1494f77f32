/// The file a configuration came from, for messages that point into it.
struct ConfigSource: Sendable {
    let file: String
    let locator: TOMLLineLocator

    /// An error about the value at `path` (the whole file when nil), on its line when known.
    func error(at path: TOMLKeyPath?, _ message: String) -> QuorumConfigError {
        let keyPath = path.flatMap { $0.isRoot ? nil : $0.description }
        return QuorumConfigError(file: file, line: path.flatMap(locator.line(of:)), keyPath: keyPath, message: message)
    }
}
