/// The `?` overlay: every binding of every table and every `:` command, generated from
/// the tables the reducer reads.
enum HelpOverlay {
    /// The overlay's box: at most 74 columns wide, centred.
    static func box(in screen: Rect, lineCount: Int) -> Rect {
        let width = min(74, screen.width - 4)
        let height = min(lineCount + 2, screen.height - 2)
        return Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2,
                    width: width, height: height)
    }

    /// The lines for a box `width` columns wide: the keys in a column as wide as the widest
    /// (within reason), each summary wrapped beside them.
    static func lines(width: Int) -> [[StyledText]] {
        var lines: [[StyledText]] = []
        let tables: [[(String, String)]] = [
            KeyBindings.main.flatMap(\.bindings).map { ($0.keyLabel, $0.summary) },
            KeyBindings.prompt.map { ($0.keyLabel, $0.summary) }, KeyBindings.stats.map { ($0.keyLabel, $0.summary) },
            KeyBindings.help.map { ($0.keyLabel, $0.summary) }, KeyBindings.guidelines.map { ($0.keyLabel, $0.summary) },
        ]
        let text = max(8, width - 4)
        let keyWidth = min(text / 3, tables.joined().map { DisplayWidth.of($0.0) }.max() ?? 0) + 2
        func section(_ title: String) {
            if !lines.isEmpty { lines.append([]) }
            lines.append([StyledText(title, .overlayTitle, .bold)])
        }
        func row(_ keys: String, _ summary: String) {
            let keyLines = wrapWords(keys, width: keyWidth - 2)
            let summaryLines = wrapWords(summary, width: max(4, text - keyWidth - 2))
            for index in 0..<max(keyLines.count, summaryLines.count) {
                let key = index < keyLines.count ? keyLines[index] : ""
                let said = index < summaryLines.count ? summaryLines[index] : ""
                lines.append([StyledText("  " + key.padding(to: keyWidth), .accent), StyledText(said, .overlay)])
            }
        }
        for group in KeyBindings.main {
            section(group.title)
            for binding in group.bindings { row(binding.keyLabel, binding.summary) }
        }
        section("In a prompt (: / x n)")
        for binding in KeyBindings.prompt { row(binding.keyLabel, binding.summary) }
        section("With the candidates focused (Tab)")
        for binding in KeyBindings.candidates { row(binding.keyLabel, binding.summary) }
        section("In the reader (v)")
        for binding in KeyBindings.reader { row(binding.keyLabel, binding.summary) }
        section("In the guidelines (H)")
        for binding in KeyBindings.guidelines { row(binding.keyLabel, binding.summary) }
        section("In the stats view (:stats)")
        for binding in KeyBindings.stats { row(binding.keyLabel, binding.summary) }
        section("In this help")
        for binding in KeyBindings.help { row(binding.keyLabel, binding.summary) }
        section("Commands")
        for command in CommandLineCommand.Name.allCases {
            for line in wrapWords(command.usage, width: text - 2) { lines.append([StyledText("  " + line, .accent)]) }
            for line in wrapWords(command.summary, width: text - 6) { lines.append([StyledText("      " + line, .overlay)]) }
        }
        return lines
    }

    /// The furthest the help scrolls on `screen`: its last line at the bottom of the box.
    static func maxScroll(on screen: Rect) -> Int {
        let width = box(in: screen, lineCount: 0).width
        let count = lines(width: width).count
        return max(0, count - box(in: screen, lineCount: count).inset(by: 1).height)
    }

    static func render(scroll: Int, into grid: inout CellGrid, in screen: Rect) {
        let content = lines(width: box(in: screen, lineCount: 0).width)
        let box = box(in: screen, lineCount: content.count)
        let inner = box.inset(by: 1)
        let top = max(0, min(scroll, content.count - inner.height))
        let footer = content.count > inner.height
            ? "\(top + 1)–\(min(content.count, top + inner.height))/\(content.count) · j/k scroll · ? close"
            : "? or Esc to close"
        grid.drawBox(box, title: [StyledText("Keys", .overlayTitle, .bold)], footer: [StyledText(footer, .muted)])
        grid.fill(inner, style: .overlay)
        for offset in 0..<inner.height where top + offset < content.count {
            grid.put(content[top + offset], at: Point(x: inner.x + 1, y: inner.y + offset),
                     clip: Rect(x: inner.x + 1, y: inner.y + offset, width: inner.width - 2, height: 1))
        }
    }

    /// `text` in lines of at most `width` columns, broken at spaces (a longer word alone).
    static func wrapWords(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if DisplayWidth.of(candidate) <= width || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        return lines + [line]
    }
}

extension String {
    /// The string padded with spaces to `width` columns (never cut).
    func padding(to width: Int) -> String {
        self + String(repeating: " ", count: max(1, width - DisplayWidth.of(self)))
    }
}
