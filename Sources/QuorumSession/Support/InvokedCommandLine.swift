/// How this process names itself to a refused second writer: "quorum import data.jsonl".
public var invokedCommandLine: String {
    (["quorum"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
}
