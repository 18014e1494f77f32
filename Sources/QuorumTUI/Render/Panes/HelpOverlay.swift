/// The `?` overlay: every binding of every table and every `:` command, generated from
/// the tables the reducer reads.
enum HelpOverlay {
    static func lines() -> [[StyledText]] {
        var lines: [[StyledText]] = []
        func section(_ title: String) {
            if !lines.isEmpty { lines.append([]) }
            lines.append([StyledText(title, .overlayTitle, .bold)])
        }
        func row(_ keys: String, _ summary: String) {
            lines.append([StyledText("  " + keys.padding(to: 16), .accent), StyledText(summary, .overlay)])
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
        section("In the stats view (:stats)")
        for binding in KeyBindings.stats { row(binding.keyLabel, binding.summary) }
        section("In this help")
        for binding in KeyBindings.help { row(binding.keyLabel, binding.summary) }
        section("Commands")
        for command in CommandLineCommand.Name.allCases {
            lines.append([StyledText("  " + command.usage, .accent)])
            lines.append([StyledText("      " + command.summary, .overlay)])
        }
        return lines
    }

    static func render(scroll: Int, into grid: inout CellGrid, in screen: Rect) {
        let content = lines()
        let width = min(74, screen.width - 4)
        let height = min(content.count + 2, screen.height - 2)
        let box = Rect(x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2,
                       width: width, height: height)
        let inner = box.inset(by: 1)
        let top = max(0, min(scroll, content.count - inner.height))
        grid.drawBox(box, title: [StyledText("Keys", .overlayTitle, .bold)],
                     footer: [StyledText(content.count > inner.height ? "j/k scroll · ? close" : "? or Esc to close", .muted)])
        grid.fill(inner, style: .overlay)
        for offset in 0..<inner.height where top + offset < content.count {
            grid.put(content[top + offset], at: Point(x: inner.x + 1, y: inner.y + offset),
                     clip: Rect(x: inner.x + 1, y: inner.y + offset, width: inner.width - 2, height: 1))
        }
    }
}

extension String {
    /// The string padded with spaces to `width` columns (never cut).
    func padding(to width: Int) -> String {
        self + String(repeating: " ", count: max(1, width - DisplayWidth.of(self)))
    }
}
