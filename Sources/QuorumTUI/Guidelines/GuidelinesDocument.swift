// QuorumTUI/Guidelines: The curators' guidelines: a Markdown file read simply (headings, lists, emphasis), shown over the item.

/// A Markdown text as the guidelines view shows it: one block per source line, its marker
/// (a bullet, a number, a quote bar) in front and the emphasis (`**…**`, `*…*`, `_…_`,
/// `` `…` ``) as ranges of the text with the markers taken out. No HTML, no tables, no links
/// beyond their text: a curator's notes, not a web page.
struct GuidelinesDocument: Sendable, Equatable {
    struct Block: Sendable, Equatable {
        enum Kind: Sendable, Equatable {
            case heading
            case paragraph
            case item
            case quote
            /// A line of a fenced code block: shown as written, never wrapped.
            case code
            case blank
        }

        var kind: Kind
        /// What stands before the text on its first line (`• `, `2. `, `│ `), after the indent.
        var marker = ""
        /// Columns before the marker (nested lists).
        var indent = 0
        var text = ""
        /// UTF-8 ranges of `text` shown emphasised.
        var emphasis: [Range<Int>] = []
    }

    var blocks: [Block]

    init(markdown: String) {
        var blocks: [Block] = []
        var inFence = false
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence {
                blocks.append(Block(kind: .code, indent: 2, text: line))
                continue
            }
            blocks.append(Self.block(line, trimmed: trimmed))
        }
        while blocks.last?.kind == .blank { blocks.removeLast() }
        self.blocks = blocks
    }

    private static func block(_ line: String, trimmed: Substring) -> Block {
        let indent = (line.count - trimmed.count) / 2 * 2
        if trimmed.isEmpty { return Block(kind: .blank) }
        if trimmed.hasPrefix("#") {
            let level = trimmed.prefix { $0 == "#" }.count
            let rest = trimmed.dropFirst(level)
            if level <= 6, rest.isEmpty || rest.hasPrefix(" ") {
                return inline(Block(kind: .heading), rest.drop { $0 == " " })
            }
        }
        if trimmed.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }) && trimmed.filter({ $0 != " " }).count >= 3 {
            return Block(kind: .paragraph, text: "────────")
        }
        for bullet in ["- ", "* ", "+ "] where trimmed.hasPrefix(bullet) {
            return inline(Block(kind: .item, marker: "• ", indent: indent), trimmed.dropFirst(2))
        }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, trimmed.dropFirst(digits.count).hasPrefix(". ") {
            return inline(Block(kind: .item, marker: digits + ". ", indent: indent), trimmed.dropFirst(digits.count + 2))
        }
        if trimmed.hasPrefix(">") {
            return inline(Block(kind: .quote, marker: "│ ", indent: indent), trimmed.dropFirst().drop { $0 == " " })
        }
        return inline(Block(kind: .paragraph, indent: indent), trimmed)
    }

    /// Takes the emphasis markers out of `source` and records where the emphasis is.
    private static func inline(_ block: Block, _ source: Substring) -> Block {
        var block = block
        var text = ""
        var emphasis: [Range<Int>] = []
        var open: (marker: String, start: Int)?
        var index = source.startIndex
        while index < source.endIndex {
            let rest = source[index...]
            let marker = ["**", "__", "*", "_", "`"].first { rest.hasPrefix($0) }
            if let marker, let current = open, current.marker == marker {
                if text.utf8.count > current.start { emphasis.append(current.start..<text.utf8.count) }
                open = nil
                index = source.index(index, offsetBy: marker.count)
                continue
            }
            // An opening marker counts only when it closes later on the line and is not a
            // word's inside (snake_case, 2*3*4).
            if let marker, open == nil, rest.dropFirst(marker.count).contains(marker),
               let next = rest.dropFirst(marker.count).first, next != " ",
               marker == "`" || index == source.startIndex || !source[source.index(before: index)].isLetterOrDigit
            {
                open = (marker, text.utf8.count)
                index = source.index(index, offsetBy: marker.count)
                continue
            }
            text.append(source[index])
            index = source.index(after: index)
        }
        block.text = text
        block.emphasis = emphasis
        return block
    }
}

extension Character {
    fileprivate var isLetterOrDigit: Bool { isLetter || isNumber }
}
