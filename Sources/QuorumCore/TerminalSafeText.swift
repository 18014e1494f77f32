/// The one rule for showing text that comes from outside (model answers, server bodies, file
/// contents) on a terminal: nothing in it may reach the terminal as a control. C0 controls and
/// DEL become their Control Pictures (`␛` for ESC, `␇` for BEL), C1 controls, format characters
/// (bidi overrides, zero-width spaces), line and paragraph separators, surrogates and
/// unassigned code points become `<U+202E>`. The workbench paints with this rule
/// (QuorumTUI's `VisibleText`); the command line prints messages with `escaped(_:)`.
public enum TerminalSafeText {
    /// The visible form of `text` for a message: every character the rule names is escaped;
    /// line breaks (LF, CR LF as LF) and tabs are kept, and so is a zero-width joiner inside
    /// a cluster (an emoji sequence), which the workbench joins too.
    public static func escaped<S: StringProtocol>(_ text: S) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        var previousShown = false
        while let scalar = next {
            next = scalars.next()
            defer { previousShown = !needsEscape(scalar) || (scalar == "\u{200D}" && previousShown) }
            if scalar == "\r" && next == "\n" { continue }
            if scalar == "\u{200D}" && previousShown && next.map({ !needsEscape($0) }) == true {
                result.append(scalar)
            } else if scalar == "\n" || scalar == "\t" {
                result.append(scalar)
            } else if let picture = controlPicture(scalar) {
                result.append(contentsOf: picture.unicodeScalars)
            } else if needsEscape(scalar) {
                result.append(contentsOf: codePointLabel(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// C0 controls as their Control Pictures (`␛` for ESC, `␍` for CR), DEL as `␡`.
    public static func controlPicture(_ scalar: Unicode.Scalar) -> Character? {
        switch scalar.value {
        case 0x00...0x1F: return Character(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: return "\u{2421}"
        default: return nil
        }
    }

    /// `<U+XXXX>`, at least four hexadecimal digits.
    public static func codePointLabel(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// C0 and C1 controls, DEL, format characters (bidi overrides, zero-width spaces, BOM),
    /// line and paragraph separators, surrogates and unassigned code points.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0xA0 { return scalar.value >= 0x7F || scalar.value < 0x20 }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: return true
        default: return false
        }
    }
}
