import ArgumentParser
import QuorumCommandLine
import QuorumCore
import QuorumJSON

struct RougeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rouge",
        abstract: "Rouge-L F-measure of text pairs, exactly as rouge-score 0.1.2 computes it.",
        discussion: """
            Each input line is {"a": "...", "b": "..."} (a is the target, b the prediction); \
            each output line is the F-measure, the shortest decimal that round-trips the double.
            """
    )

    @Flag(help: "Stem tokens longer than 3 characters with NLTK's Porter stemmer.")
    var stem = false

    @Argument(help: "A JSONL file; standard input when omitted.")
    var file: String?

    func run() throws {
        let input = JSONLInput(path: file)
        let output = JSONLOutput()
        var tokenizer = RougeTokenizer()
        var lcs = BitParallelLCS()
        try withDataErrors {
            defer { output.flush() }
            try input.forEachObject { line, _, object in
                let target = try object.requiredString("a", in: input, line: line)
                let prediction = try object.requiredString("b", in: input, line: line)
                let targetIDs = tokenizer.tokenIDs(target, stem: stem)
                let predictionIDs = tokenizer.tokenIDs(prediction, stem: stem)
                output.writeLine(JSONTextWriter.text { $0.score(RougeL.score(targetIDs, predictionIDs, using: &lcs)) })
            }
        }
    }
}
