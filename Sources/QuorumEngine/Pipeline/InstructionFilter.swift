import QuorumCore

/// Why a generated instruction (or instance) was not kept; the workbench shows it.
public enum FilterReason: Sendable, Equatable, CustomStringConvertible {
    case tooShort(words: Int)
    case tooLong(words: Int)
    case blacklisted(word: String)
    case writeAProgram
    case startsWithPunctuation
    case startsWithNonASCII
    case tooSimilar(to: String, score: Double)
    case emptyOutput
    case emptyInput
    case unparsable

    public var description: String {
        switch self {
        case .tooShort(let words): return "too short (\(words) words)"
        case .tooLong(let words): return "too long (\(words) words)"
        case .blacklisted(let word): return "mentions \"\(word)\""
        case .writeAProgram: return "starts with \"Write a program\""
        case .startsWithPunctuation: return "starts with punctuation"
        case .startsWithNonASCII: return "starts with a non-ASCII character"
        case .tooSimilar(let other, let score): return "too similar (Rouge-L \(score)) to \"\(other)\""
        case .emptyOutput: return "empty output"
        case .emptyInput: return "empty input for a task that needs one"
        case .unparsable: return "no input/output in the answer"
        }
    }

    /// The reason as the store counts it: without scores, lengths or the similar text, so
    /// that drops of one kind add up (a blacklisted word is kept: there are few).
    public var tallyReason: String {
        switch self {
        case .tooShort: return "too short"
        case .tooLong: return "too long"
        case .blacklisted(let word): return "mentions \"\(word)\""
        case .tooSimilar: return "too similar"
        case .writeAProgram, .startsWithPunctuation, .startsWithNonASCII, .emptyOutput, .emptyInput, .unparsable:
            return description
        }
    }
}

/// Self-Instruct's heuristic filters, before the novelty check.
public struct InstructionFilter: Sendable {
    public let settings: FilterConfig

    public init(settings: FilterConfig) { self.settings = settings }

    public func rejection(of instruction: String) -> FilterReason? {
        let words = instruction.split(whereSeparator: { $0.isWhitespace }).count
        if words <= settings.maxWordsTooShort { return .tooShort(words: words) }
        if words > settings.maxWords { return .tooLong(words: words) }
        if let word = settings.blacklist.first(where: { Self.containsWholeWord($0, in: instruction) }) {
            return .blacklisted(word: word)
        }
        if instruction.hasPrefix("Write a program") { return .writeAProgram }
        guard let first = instruction.unicodeScalars.first else { return .tooShort(words: 0) }
        if PythonText.isASCIIPunctuation(first) { return .startsWithPunctuation }
        if !first.isASCII { return .startsWithNonASCII }
        return nil
    }

    /// Python's `re.search(r"\b" + word + r"\b", text, re.IGNORECASE)`, with Unicode word characters.
    static func containsWholeWord(_ word: String, in text: String) -> Bool {
        let haystack = Array(text.lowercased().unicodeScalars)
        let needle = Array(word.lowercased().unicodeScalars)
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
            let before = start == 0 || !isWordCharacter(haystack[start - 1])
            let after = start + needle.count == haystack.count || !isWordCharacter(haystack[start + needle.count])
            if before && after { return true }
        }
        return false
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
