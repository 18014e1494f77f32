import Foundation
import QuorumCore

/// Step 1's prompt: "Come up with a series of tasks:" and numbered instructions, each ended
/// by the end marker, then the next number for the model to continue.
public enum InstructionPrompt {
    public static let header = "Come up with a series of tasks:\n"

    public static func make(_ instructions: [String], endMarker: String) -> String {
        var prompt = header
        for (index, instruction) in instructions.enumerated() {
            prompt += "\(index + 1). \(instruction)\(endMarker)\n"
        }
        prompt += "\(instructions.count + 1)."
        return prompt
    }

    /// The pieces of a continuation of `make`'s prompt: split on `\n\d+\s?\. `, end markers
    /// stripped (the reference scored them as part of the text), whitespace collapsed. A last
    /// piece cut off by the token limit (no end marker, `truncated`) is dropped.
    public static func parse(_ continuation: String, endMarker: String, truncated: Bool) -> [String] {
        let pieces = splitOnNumbering(continuation)
        let marker = endMarker.trimmingWhitespace()
        var instructions: [String] = []
        for (index, piece) in pieces.enumerated() {
            let isLast = index == pieces.count - 1
            var text = piece
            let markerRange = marker.isEmpty ? nil : text.range(of: marker)
            if let markerRange { text = String(text[..<markerRange.lowerBound]) }
            if isLast && truncated && markerRange == nil { continue }
            let collapsed = text.collapsingWhitespace()
            if !collapsed.isEmpty { instructions.append(collapsed) }
        }
        return instructions
    }

    /// Splits at every newline followed by digits, an optional space, a period and a space.
    static func splitOnNumbering(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [String] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\n", let end = numberingEnd(scalars, after: index) {
                pieces.append(String(String.UnicodeScalarView(scalars[start..<index])))
                start = end
                index = end
            } else {
                index += 1
            }
        }
        pieces.append(String(String.UnicodeScalarView(scalars[start..<scalars.count])))
        return pieces
    }

    /// For `\n` at `newline`, the index after a following `\d+\s?\. `, if there is one.
    private static func numberingEnd(_ scalars: [Unicode.Scalar], after newline: Int) -> Int? {
        var index = newline + 1
        let digitsStart = index
        while index < scalars.count, scalars[index].properties.numericType == .decimal { index += 1 }
        guard index > digitsStart else { return nil }
        if index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        guard index + 1 < scalars.count, scalars[index] == ".", scalars[index + 1] == " " else { return nil }
        return index + 2
    }
}

extension String {
    /// Python's `re.sub(r"\s+", " ", s).strip()`.
    func collapsingWhitespace() -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace || PythonText.isWhitespace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !PythonText.isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !PythonText.isWhitespace($0) })!
        return String(scalars[first...last])
    }
}
