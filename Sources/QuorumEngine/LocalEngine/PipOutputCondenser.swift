/// Turns pip's verbose output (`pip install -v`, which includes the CMake/Ninja build of
/// llama.cpp) into a few readable progress lines: which package is being fetched, each phase
/// of the build, and the build's `[N/M]` steps as a fraction.
public struct PipOutputCondenser: Sendable {
    public enum Update: Sendable, Equatable {
        /// A new phase, worth a line of its own.
        case phase(String)
        /// The native build's step count so far.
        case buildStep(done: Int, total: Int)
        /// A warning or error from pip or the compiler, shown as it is.
        case problem(String)
    }

    private var lastPhase = ""

    public init() {}

    /// What `line` changes, or nil for noise.
    public mutating func condense(_ line: String) -> Update? {
        let text = line.trimmingCharacters(in: .whitespaces)
        if let step = Self.buildStep(text) { return step }
        guard let phase = Self.phase(text) else {
            if text.hasPrefix("ERROR:") || text.contains(" error: ") || text.hasPrefix("error:") {
                return .problem(text)
            }
            return nil
        }
        guard phase != lastPhase else { return nil }
        lastPhase = phase
        return .phase(phase)
    }

    /// Ninja's `[12/193] /usr/bin/g++ ...`.
    static func buildStep(_ text: String) -> Update? {
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return nil }
        let inside = text[text.index(after: text.startIndex)..<close].split(separator: "/")
        guard inside.count == 2, let done = Int(inside[0]), let total = Int(inside[1]), total > 0 else { return nil }
        return .buildStep(done: done, total: total)
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
        if text.hasPrefix("Installing build dependencies: started") { return "installing the build tools" }
        if text.hasPrefix("Installing backend dependencies: started") { return "installing CMake and Ninja" }
        if text.hasPrefix("*** scikit-build-core"), let range = text.range(of: "using CMake ") {
            let version = text[range.upperBound...].split(separator: " ").first.map(String.init) ?? ""
            return "configuring llama.cpp with CMake \(version)"
        }
        if text.hasPrefix("Building wheel for "), text.hasSuffix("started") {
            let name = text.dropFirst("Building wheel for ".count).split(separator: " ").first.map(String.init) ?? ""
            return "building \(name) (compiles llama.cpp: minutes)"
        }
        if text.hasPrefix("Created wheel for ") {
            let name = text.dropFirst("Created wheel for ".count).split(separator: ":").first.map(String.init) ?? ""
            return "built \(name)"
        }
        if text.hasPrefix("Installing collected packages:") { return "installing the packages" }
        if text.hasPrefix("Successfully installed ") { return "installed the packages" }
        if text.hasPrefix("Requirement already satisfied: llama-cpp-python") { return "llama-cpp-python is installed" }
        return nil
    }
}
