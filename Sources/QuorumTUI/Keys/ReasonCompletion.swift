/// Tab in a reject or wrong-reason prompt: the reasons given before that start with what is
/// typed (case aside), most used first; the text grows as far as they agree.
public enum ReasonCompletion {
    /// Reasons shown under the prompt at most.
    public static let shownChoices = 6

    public static func complete(_ text: String, reasons: [String]) -> CommandCompletion.Result {
        let typed = text.lowercased()
        let matches = reasons.filter { $0.lowercased().hasPrefix(typed) && $0 != text }
        guard let first = matches.first else { return CommandCompletion.Result(text: text, choices: []) }
        if matches.count == 1 { return CommandCompletion.Result(text: first, choices: []) }
        var common = Array(first)
        for other in matches.dropFirst() {
            let characters = Array(other)
            var length = 0
            while length < min(common.count, characters.count),
                  String(common[length]).lowercased() == String(characters[length]).lowercased() { length += 1 }
            common = Array(common.prefix(length))
        }
        let extended = common.count > text.count ? String(common) : text
        return CommandCompletion.Result(text: extended, choices: Array(matches.prefix(shownChoices)))
    }

    /// What a reason prompt offers as it opens: the reasons used most.
    public static func offered(_ reasons: [String]) -> [String] {
        Array(reasons.prefix(shownChoices))
    }
}
