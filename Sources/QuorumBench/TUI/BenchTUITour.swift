/// The keys `quorum bench tui` presses: a tour of the queue that moves by one, by a page and
/// to either end, expands candidates, searches and changes the filter, going a few pages
/// deeper each round. Each key has its counterpart in the reference pager, or none.
struct BenchTUIKey: Equatable {
    enum Kind: String, CaseIterable {
        case move = "j k"
        case expand = "J K"
        case pageDown = "PageDown"
        case jump = "G g"
        case typing = "typing in / prompt"
        case search = "search (Enter)"
        case filter = "f (filter)"
        case order = ":order (Enter)"
        case readerFilter = "Esc, :filter to the 2,000-word item (Enter)"
        case readerOpen = "v (reader on 2,000 words)"
        case readerEnd = "G (the reader's end)"
        case readerClose = "q (reader closed)"
    }

    var kind: Kind
    /// tmux's name for the key sent to `quorum review`.
    var quorum: String
    /// The key sent to the pager; nil when it has no counterpart there.
    var pager: String?

    /// At least `count` keys: a tour never stops with the search prompt open, where the
    /// key that quits would be typed into it.
    static func tour(count: Int) -> [BenchTUIKey] {
        var keys: [BenchTUIKey] = []
        var round = 0
        while keys.count < count {
            keys += Self.round(round)
            round += 1
        }
        var end = count
        while keys[end - 1].kind == .typing { end += 1 }
        return Array(keys.prefix(end))
    }

    static let words = ["river", "city", "poem", "film", "email", "table"]

    /// One round. In the pager every key changes the screen (no `j` at the end of the file,
    /// no `K` at its top), so each answer is visible from outside.
    private static func round(_ index: Int) -> [BenchTUIKey] {
        func same(_ kind: Kind, _ keys: String...) -> [BenchTUIKey] {
            keys.map { BenchTUIKey(kind: kind, quorum: $0, pager: $0) }
        }
        let word = words[index % words.count]
        var keys = same(.move, "j", "j", "j", "k") + same(.expand, "J", "J", "K") + same(.pageDown, "NPage", "NPage")
            + same(.jump, "G") + same(.move, "k") + same(.jump, "g") + same(.move, "j") + same(.jump, "G") + same(.move, "k")
        keys += same(.typing, "/") + [BenchTUIKey(kind: .typing, quorum: "C-u", pager: nil)]
            + word.map { BenchTUIKey(kind: .typing, quorum: String($0), pager: String($0)) } + same(.search, "Enter")
        keys += same(.jump, "g") + same(.pageDown, "NPage") + same(.move, "j")
        // The workbench clears its search; the pager repeats its own.
        keys += same(.typing, "/") + [BenchTUIKey(kind: .typing, quorum: "C-u", pager: nil)] + same(.search, "Enter")
        if index % 3 == 2 { keys.append(BenchTUIKey(kind: .filter, quorum: "f", pager: nil)) }
        // Each G reaches the end of what is loaded and makes the workbench read the next page;
        // every third round does so in margin order.
        let ends = Array(repeating: BenchTUIKey(kind: .jump, quorum: "G", pager: nil), count: 3)
        keys += index % 3 == 1 ? command("order margin") + ends + command("order id") : ends
        return keys
    }

    /// A command typed on the workbench's command line; the pager has none.
    private static func command(_ text: String) -> [BenchTUIKey] {
        [BenchTUIKey(kind: .typing, quorum: ":", pager: nil)]
            + text.map { BenchTUIKey(kind: .typing, quorum: $0 == " " ? "Space" : String($0), pager: nil) }
            + [BenchTUIKey(kind: .order, quorum: "Enter", pager: nil)]
    }
}
