import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumCore
import QuorumJSON

struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Keep each record whose text is not too similar to one kept before it.",
        discussion: """
            Self-Instruct's novelty filter: a record is dropped when the Rouge-L F (no stemmer) \
            of its field against any record kept before it, or any record of the pool file, is \
            above the threshold. Kept records are printed unchanged, in order; a summary goes to \
            standard error.
            """
    )

    @Option(help: "Drop a record when its Rouge-L F against a kept one is above this.")
    var threshold = 0.7

    @Option(help: "The field holding the text to compare.")
    var field = "instruction"

    @Option(help: "A JSONL file of records (same field) that count as already kept.")
    var pool: String?

    @Option(help: "Write each dropped record here, with the record it resembles and the score.")
    var rejected: String?

    @Argument(help: "A JSONL file; standard input when omitted.")
    var file: String?

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
    }

    func run() throws {
        var index = NoveltyIndex(threshold: threshold)
        var origins: [String] = []
        let output = JSONLOutput()
        var rejectedOutput: JSONLOutput?
        var seen = 0
        try withDataErrors {
            defer { output.flush() }
            if let pool {
                let poolInput = JSONLInput(path: pool)
                try poolInput.forEachObject { line, _, object in
                    index.insert(try object.requiredString(field, in: poolInput, line: line))
                    origins.append("\(pool):\(line)")
                }
            }
            let poolSize = origins.count
            if let rejected {
                let descriptor = open(rejected, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard descriptor >= 0 else {
                    throw failure("\(rejected): \(String(cString: strerror(errno)))", status: ExitStatus.cannotCreate)
                }
                rejectedOutput = JSONLOutput(descriptor: descriptor)
            }
            let input = JSONLInput(path: file)
            try input.forEachObject { line, bytes, object in
                seen += 1
                let text = try object.requiredString(field, in: input, line: line)
                switch index.admit(text) {
                case .novel:
                    origins.append("\(input.displayName):\(line)")
                    output.writeLine(bytes)
                case .tooSimilar(let match, let score):
                    let note = JSONTextWriter.text { json in
                        json.beginObject()
                        json.key("similar_to")
                        json.string(origins[match])
                        json.key("score")
                        json.score(score)
                        json.endObject()
                    }
                    rejectedOutput?.writeLine(JSONObjectSplice.adding("dedup", json: note, to: bytes, object: object))
                }
            }
            rejectedOutput?.flush()
            let kept = origins.count - poolSize
            printError(
                "dedup: kept \(kept) of \(seen) records, dropped \(seen - kept) "
                    + "(Rouge-L F > \(threshold) against an earlier record or the pool of \(poolSize))")
        }
    }
}
