// quorum: The quorum executable: one file per command, argument parsing and wiring only; the work
// is done by the library modules.

import ArgumentParser
import QuorumCommandLine
import QuorumCore
import QuorumJSON

struct ConsensusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consensus",
        abstract: "Pick one candidate per line by exact match, else pairwise Rouge-L.",
        discussion: """
            Each input line is an object with "candidates": [string, ...]; the same object comes \
            out with "consensus": {"choice", "rule", "scores", "margin", "matrix", "discard"} added \
            (choice is null when the set is discarded, and discard then says why).
            """
    )

    @Option(help: "Discard a set whose least similar pair has Rouge-L F at or below this.")
    var minAgreement = Consensus.defaultMinAgreement

    @Argument(help: "A JSONL file; standard input when omitted.")
    var file: String?

    func validate() throws {
        guard (0...1).contains(minAgreement) else {
            throw ValidationError("--min-agreement must be between 0 and 1")
        }
    }

    func run() throws {
        let input = JSONLInput(path: file)
        let output = JSONLOutput()
        var tokenizer = RougeTokenizer()
        try withDataErrors {
            defer { output.flush() }
            try input.forEachObject { line, bytes, object in
                let candidates = try Self.candidates(object, in: input, line: line)
                let result = Consensus.decide(candidates, minAgreement: minAgreement, tokenizer: &tokenizer)
                output.writeLine(JSONObjectSplice.adding("consensus", json: Self.json(result), to: bytes, object: object))
            }
        }
    }

    static func candidates(_ object: [String: Any], in input: JSONLInput, line: Int) throws -> [String] {
        guard let value = object["candidates"] else {
            throw InputError(source: input.displayName, line: line, problem: "missing field \"candidates\"")
        }
        guard let array = value as? [Any] else {
            throw InputError.field("candidates", "expected an array of strings, found \(JSONTypeName.of(value))", in: input, line: line)
        }
        guard !array.isEmpty else {
            throw InputError.field("candidates", "the list is empty", in: input, line: line)
        }
        return try array.enumerated().map { index, element in
            guard let text = element as? String else {
                throw InputError.field(
                    "candidates[\(index)]", "expected a string, found \(JSONTypeName.of(element))", in: input, line: line)
            }
            return text
        }
    }

    static func json(_ result: ConsensusResult) -> String {
        JSONTextWriter.text { json in
            json.beginObject()
            json.key("choice")
            json.optionalInteger(result.choice)
            json.key("rule")
            json.string(result.rule.rawValue)
            json.key("scores")
            scores(result.scores, &json)
            json.key("margin")
            json.score(result.margin)
            json.key("matrix")
            json.beginArray()
            for row in result.matrix { scores(row, &json) }
            json.endArray()
            json.key("discard")
            json.optionalString(result.discard?.rawValue)
            json.endObject()
        }
    }

    private static func scores(_ values: [Double], _ json: inout JSONTextWriter) {
        json.beginArray()
        for value in values { json.score(value) }
        json.endArray()
    }
}
