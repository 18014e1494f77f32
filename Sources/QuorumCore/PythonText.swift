/// Python 3's `str` semantics that the reference's text normalisation relies on,
/// over Unicode scalars (never `Character`, whose equality is canonical equivalence).
public enum PythonText {
    /// `str.isspace()`: what `str.strip()` and `str.split()` treat as whitespace.
    @inlinable
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
            0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `string.punctuation`.
    @inlinable
    public static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    /// `str.lower()`: full lowercase mappings plus the Final_Sigma context for U+03A3,
    /// which Swift's `lowercased()` does not apply.
    public static func lowercased(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var lowered: [Unicode.Scalar] = []
        lowered.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() {
            if scalar.isASCII {
                let isUpper = (0x41...0x5A).contains(scalar.value)
                lowered.append(isUpper ? Unicode.Scalar(scalar.value | 0x20)! : scalar)
            } else if scalar.value == 0x3A3 {
                lowered.append(isFinalSigma(at: index, in: scalars) ? "\u{3C2}" : "\u{3C3}")
            } else {
                lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return lowered
    }

    /// Cased, case-ignorable*, SIGMA, and not (case-ignorable*, cased).
    private static func isFinalSigma(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var before = index - 1
        while before >= 0 && scalars[before].properties.isCaseIgnorable { before -= 1 }
        guard before >= 0 && scalars[before].properties.isCased else { return false }
        var after = index + 1
        while after < scalars.count && scalars[after].properties.isCaseIgnorable { after += 1 }
        return after == scalars.count || !scalars[after].properties.isCased
    }
}
