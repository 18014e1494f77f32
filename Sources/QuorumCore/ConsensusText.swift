/// The reference's text normalisation before comparing candidates:
/// `" ".join(t.strip().lower().translate(no punctuation).split())`.
public enum ConsensusText {
    public static func normalize(_ text: String) -> String {
        var scalars = PythonText.lowercased(Array(text.unicodeScalars))
        scalars.removeAll(where: PythonText.isASCIIPunctuation)
        var normalized = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in scalars {
            if PythonText.isWhitespace(scalar) {
                pendingSpace = !normalized.isEmpty
            } else {
                if pendingSpace { normalized.append(" ") }
                pendingSpace = false
                normalized.append(scalar)
            }
        }
        return String(normalized)
    }

    /// `t.strip() == ""`.
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(PythonText.isWhitespace)
    }
}
