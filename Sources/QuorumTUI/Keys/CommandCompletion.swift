// QuorumTUI/Keys: Keys: the key values, every binding with its help text, and the `:` commands.

import QuorumCore
import QuorumStore

/// Tab in the `:` prompt: the command's name, then the words its argument takes (an order,
/// a theme, an export format, a filter's fields and shorthands).
public enum CommandCompletion {
    public struct Result: Sendable, Equatable {
        /// The line, completed as far as the candidates agree.
        public var text: String
        /// What could follow when more than one fits; empty when the completion is whole.
        public var choices: [String]
    }

    public static func complete(_ text: String, themes: [String]) -> Result {
        guard let space = text.firstIndex(of: " ") else {
            let names = CommandLineCommand.Name.allCases.map(\.rawValue)
            return extend("", word: text, among: names)
        }
        let command = CommandLineCommand.Name(word: String(text[..<space]))
        let rest = text[text.index(after: space)...]
        let lastSpace = rest.lastIndex(of: " ")
        let word = String(lastSpace.map { rest[rest.index(after: $0)...] } ?? rest)
        let head = String(text[...(lastSpace ?? space)])
        let position = rest.split(separator: " ", omittingEmptySubsequences: false).count - 1
        let candidates: [String]
        switch command {
        case .order?: candidates = position == 0 ? ReviewOrder.allCases.map(\.rawValue) : []
        case .theme?: candidates = position == 0 ? themes : []
        case .export?: candidates = position == 1 ? ExportFormat.allCases.map(\.rawValue) : []
        case .filter?: candidates = filterWords
        default: candidates = []
        }
        return extend(head, word: word, among: candidates)
    }

    /// Field names, shorthands and keywords of the filter language.
    static let filterWords: [String] = FilterField.allCases.map(\.rawValue) + FilterFlag.allCases.map(\.spelling)
        + ["and", "or", "not", "review", "all", "fragile"]
        + ItemStatus.allCases.map(\.rawValue)

    private static func extend(_ head: String, word: String, among candidates: [String]) -> Result {
        let matching = candidates.filter { $0.hasPrefix(word) }
        guard let first = matching.first else { return Result(text: head + word, choices: []) }
        if matching.count == 1 { return Result(text: head + first + " ", choices: []) }
        var common = first
        for other in matching.dropFirst() {
            while !other.hasPrefix(common) { common.removeLast() }
        }
        return Result(text: head + common, choices: matching)
    }
}
