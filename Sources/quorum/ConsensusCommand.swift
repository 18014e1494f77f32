import ArgumentParser
import QuorumCore

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
        let choice = result.choice.map(String.init) ?? "null"
        let discard = result.discard.map { JSONText.string($0.rawValue) } ?? "null"
        let matrix = "[" + result.matrix.map(JSONText.array).joined(separator: ",") + "]"
        return """
            {"choice":\(choice),"rule":"\(result.rule.rawValue)","scores":\(JSONText.array(result.scores)),\
            "margin":\(JSONText.number(result.margin)),"matrix":\(matrix),"discard":\(discard)}
            """
    }
}
