import QuorumStore

/// One task of a seed pool in Self-Instruct's format.
public struct SeedTask: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var instruction: String
    /// Never empty; the pipeline uses the first instance.
    public var instances: [SeedInstance]
    public var isClassification: Bool

    public init(id: String, name: String, instruction: String, instances: [SeedInstance], isClassification: Bool) {
        precondition(!instances.isEmpty, "a seed task has at least one instance")
        self.id = id
        self.name = name
        self.instruction = instruction
        self.instances = instances
        self.isClassification = isClassification
    }

    /// A when the first instance has an input, B when its input is empty (Self-Instruct's rule).
    public var type: ItemType {
        instances[0].input.isEmpty ? .b : .a
    }

    /// The task as the pipeline's prompts show it: the instruction with its first instance.
    public var demonstration: Demonstration {
        Demonstration(id: id, instruction: instruction, input: instances[0].input, output: instances[0].output)
    }
}

public struct SeedInstance: Sendable, Equatable {
    public var input: String
    public var output: String

    public init(input: String, output: String) {
        self.input = input
        self.output = output
    }
}
