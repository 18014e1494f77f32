import QuorumJSON
import QuorumStore

extension SeedTask {
    /// Decodes one line's object. Fields beyond Self-Instruct's five are ignored.
    init(json fields: [String: JSONValue]) throws(SeedFieldProblem) {
        let reader = SeedFieldReader(topLevel: fields)
        let id = try reader.nonBlankString("id")
        let name = try reader.string("name")
        let instruction = try reader.nonBlankString("instruction")
        let elements = try reader.array("instances")
        guard !elements.isEmpty else {
            throw SeedFieldProblem(field: "instances", problem: "must hold at least one instance")
        }
        var instances: [SeedInstance] = []
        for (index, element) in elements.enumerated() {
            let instance = try SeedFieldReader(element, at: "instances[\(index)]")
            instances.append(SeedInstance(input: try instance.string("input"), output: try instance.string("output")))
        }
        let isClassification = try reader.bool("is_classification")
        self.init(id: id, name: name, instruction: instruction, instances: instances, isClassification: isClassification)
    }
}
