/// What a terminal below the minimum size shows instead of a broken layout.
enum TooSmallScreen {
    static func render(_ size: Size, into grid: inout CellGrid) {
        let minimum = WorkbenchLayout.minimum
        let lines = [
            ("Terminal too small: \(size.width)×\(size.height)", StyleRole.warning),
            ("Quorum needs at least \(minimum.width)×\(minimum.height).", StyleRole.text),
            ("Enlarge the window, or press q to quit.", StyleRole.muted),
        ]
        var wrapped: [(WrappedLine, StyleRole)] = []
        for (text, role) in lines {
            for line in TextWrap.lines(text, width: max(1, size.width - 2)).lines { wrapped.append((line, role)) }
        }
        let top = max(0, (size.height - wrapped.count) / 2)
        for (offset, (line, role)) in wrapped.enumerated() where top + offset < size.height {
            let x = max(0, (size.width - line.width) / 2)
            grid.put(line, at: Point(x: x, y: top + offset), style: role, clip: grid.bounds)
        }
    }
}
