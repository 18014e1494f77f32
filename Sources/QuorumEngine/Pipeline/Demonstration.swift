/// A demonstration for prompts: an instruction with one instance.
public struct Demonstration: Sendable, Equatable {
    public var id: String
    public var instruction: String
    public var input: String
    public var output: String

    public init(id: String, instruction: String, input: String, output: String) {
        self.id = id
        self.instruction = instruction
        self.input = input
        self.output = output
    }
}
