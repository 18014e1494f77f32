/// Turns pip's verbose output (`pip install -v`, `pip download`) into a few readable progress
/// lines: which package is being fetched and what pip is doing with it.
public struct PipOutputCondenser: Sendable {
    public enum Update: Sendable, Equatable {
        /// A new phase, worth a line of its own.
        case phase(String)
        /// A warning or error from pip, shown as it is.
        case problem(String)
    }

    private var lastPhase = ""

    public init() {}

    /// What `line` changes, or nil for noise.
    public mutating func condense(_ line: String) -> Update? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard let phase = Self.phase(text) else {
            if text.hasPrefix("ERROR:") || text.hasPrefix("error:") { return .problem(text) }
            return nil
        }
        guard phase != lastPhase else { return nil }
        lastPhase = phase
        return .phase(phase)
    }

    static func phase(_ text: String) -> String? {
        if text.hasPrefix("Collecting ") {
            let requirement = text.dropFirst("Collecting ".count).split(separator: " ").first.map(String.init) ?? ""
            return "resolving \(requirement)"
        }
        if text.hasPrefix("Downloading ") || text.hasPrefix("Using cached ") {
            let words = text.split(separator: " ")
            let start = text.hasPrefix("Using") ? 2 : 1
            guard words.count > start else { return nil }
            let file = words[start]
            let size = words.count > start + 1 ? " " + words[(start + 1)...].joined(separator: " ") : ""
            return (start == 2 ? "cached " : "downloading ") + file + size
        }
        // `pip download` of a source archive reads its metadata with the build backend.
        if text.hasPrefix("Installing build dependencies: started") { return "installing the source's build backend" }
        if text.hasPrefix("Preparing metadata (pyproject.toml): started") { return "reading the source's metadata" }
        if text.hasPrefix("Saved ") { return "saved " + text.dropFirst("Saved ".count) }
        if text.hasPrefix("Installing collected packages:") { return "installing the packages" }
        if text.hasPrefix("Successfully installed ") { return "installed the packages" }
        return nil
    }
}
