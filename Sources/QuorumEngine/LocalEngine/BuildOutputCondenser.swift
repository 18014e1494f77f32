// QuorumEngine/LocalEngine: The embedded engine: llama.cpp's llama-server built and installed, supervised as a child
// process, leases shared by every Quorum process on the machine.

/// Turns CMake's build output into progress: Ninja's `[57/193] …` steps, or the `[ 29%] …`
/// percentages of the Makefiles generator, and the compiler's errors.
public struct BuildOutputCondenser: Sendable {
    public enum Update: Sendable, Equatable {
        case steps(done: Int, total: Int)
        case percent(Int)
        case problem(String)
    }

    private var last: Update?

    public init() {}

    /// What `line` changes, or nil for noise and for the progress already reported.
    public mutating func condense(_ line: String) -> Update? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard let update = Self.progress(text) ?? Self.problem(text), update != last else { return nil }
        last = update
        return update
    }

    static func progress(_ text: String) -> Update? {
        guard text.hasPrefix("["), let close = text.firstIndex(of: "]") else { return nil }
        let inside = text[text.index(after: text.startIndex)..<close].trimmingCharacters(in: .whitespaces)
        if inside.hasSuffix("%"), let percent = Int(inside.dropLast()), (0...100).contains(percent) {
            return .percent(percent)
        }
        let parts = inside.split(separator: "/")
        guard parts.count == 2, let done = Int(parts[0]), let total = Int(parts[1]), total > 0 else { return nil }
        return .steps(done: done, total: total)
    }

    static func problem(_ text: String) -> Update? {
        text.contains(" error: ") || text.hasPrefix("CMake Error") || text.hasPrefix("make: ***")
            || text.hasPrefix("ninja: build stopped") ? .problem(text) : nil
    }
}
