// QuorumTUI/Render: The renderer: the state drawn into a cell grid, pane by pane, for any terminal size.

/// Number formatting without Foundation, so rendering stays deterministic and fast.
enum Format {
    /// A time left as a person reads it: "45s", "12m", "3h05".
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3_600 { return "\(whole / 60)m" }
        let minutes = (whole % 3_600) / 60
        return "\(whole / 3_600)h" + (minutes < 10 ? "0" : "") + String(minutes)
    }

    /// `value` rounded to `digits` decimals: `fixed(0.41237, digits: 3)` is "0.412".
    static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled - Double(whole) * scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }

    /// `text` padded with spaces on the left to `width` columns.
    static func leftPadded(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// A proportion as a percentage with one decimal: `percent(0.0412)` is "4.1%".
    static func percent(_ proportion: Double) -> String {
        fixed(proportion * 100, digits: 1) + "%"
    }
}
