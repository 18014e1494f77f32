import Foundation
import QuorumStore
/// Step 2's prompt (instance generation) and step 3's few-shot prompt (additional outputs):
/// a header, then `instruction:` / `input:` / `output:` blocks, each ended by the end marker
/// and a blank line. Type B blocks have no `input:` line.
public enum InstancePrompt {
    public static let headerA = """
        Each task below has an instruction, an input for it, and the correct output. \
        Write a new input for the last instruction and its correct output.
        """
    public static let headerB = """
        Each task below has an instruction and the correct output for it. \
        Write the correct output for the last instruction.
        """

    /// Ends with `instruction: {instruction}\n` for the model to write the input and output.
    public static func instance(
        for instruction: String, type: ItemType, demonstrations: [Demonstration], endMarker: String
    ) -> String {
        blocks(type: type, demonstrations: demonstrations, endMarker: endMarker) + "instruction: \(instruction)\n"
    }

    /// Ends with `output:` for a few-shot member to answer a given instruction and input.
    public static func output(
        for instruction: String, input: String, type: ItemType, demonstrations: [Demonstration], endMarker: String
    ) -> String {
        var prompt = blocks(type: type, demonstrations: demonstrations, endMarker: endMarker)
        prompt += "instruction: \(instruction)\n"
        if type == .a { prompt += "input: \(input)\n" }
        return prompt + "output:"
    }

    /// The stop sequences of instance and few-shot output requests.
    public static func stops(endMarker: String) -> [String] {
        ["\n\n", endMarker.trimmingWhitespace()].filter { !$0.isEmpty }
    }

    private static func blocks(type: ItemType, demonstrations: [Demonstration], endMarker: String) -> String {
        var prompt = (type == .a ? headerA : headerB) + "\n\n"
        for demonstration in demonstrations {
            prompt += "instruction: \(demonstration.instruction)\n"
            if type == .a { prompt += "input: \(demonstration.input)\n" }
            prompt += "output: \(demonstration.output)\(endMarker)\n\n"
        }
        return prompt
    }

    /// The input and output of a continuation of `instance`'s prompt. Multi-line text is kept.
    public static func parseInstance(_ continuation: String, type: ItemType, endMarker: String) -> (input: String, output: String)? {
        var text = continuation
        let marker = endMarker.trimmingWhitespace()
        if !marker.isEmpty, let range = text.range(of: marker) { text = String(text[..<range.lowerBound]) }
        guard let outputLabel = labelRange("output:", in: text) else { return nil }
        let output = String(text[outputLabel.upperBound...]).trimmingWhitespace()
        var input = ""
        if type == .a, let inputLabel = labelRange("input:", in: String(text[..<outputLabel.lowerBound])) {
            input = String(text[inputLabel.upperBound..<outputLabel.lowerBound]).trimmingWhitespace()
        }
        return (input, output)
    }

    /// A few-shot member's answer: its text up to the end marker, trimmed.
    public static func parseOutput(_ continuation: String, endMarker: String) -> String {
        var text = continuation
        let marker = endMarker.trimmingWhitespace()
        if !marker.isEmpty, let range = text.range(of: marker) { text = String(text[..<range.lowerBound]) }
        return text.trimmingWhitespace()
    }

    /// The first `label` at the start of the text or of a line.
    private static func labelRange(_ label: String, in text: String) -> Range<String.Index>? {
        var searchStart = text.startIndex
        while let range = text.range(of: label, range: searchStart..<text.endIndex) {
            if range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == "\n" {
                return range
            }
            searchStart = range.upperBound
        }
        return nil
    }
}

/// Step 3's zero-shot prompt: the reference's `instruction + "\n" + input`, ended by a newline.
/// Without it a base model continues the input's own line, or opens with a blank line, which
/// the `\n\n` stop turns into an empty answer (9 of 24 greedy answers of Gemma 3 270M; none
/// with the newline).
public enum ZeroShotPrompt {
    public static func make(instruction: String, input: String) -> String {
        (input.isEmpty ? instruction : instruction + "\n" + input) + "\n"
    }
}
