import QuorumCore
import QuorumStore
import XCTest
@testable import QuorumEngine

/// The project's own seed pool in `seeds/`: the counts, the ratio and the filters it must pass.
final class SeedPoolTests: XCTestCase {
    static let poolPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds/seed_tasks.jsonl").path

    private func pool() throws -> [SeedTask] {
        try SeedPool.load(path: Self.poolPath)
    }

    func testThePoolHasAtLeast110TasksInAboutTheOriginalRatio() throws {
        let tasks = try pool()
        let typeA = tasks.filter { $0.type == .a }.count
        let typeB = tasks.filter { $0.type == .b }.count
        XCTAssertGreaterThanOrEqual(tasks.count, 110)
        XCTAssertEqual([typeA, typeB], [85, 34])
        XCTAssertEqual(Double(typeA) / Double(typeB), 125.0 / 50.0, accuracy: 0.1, "Self-Instruct's 175 are 125 A to 50 B")
        XCTAssertGreaterThanOrEqual(tasks.filter(\.isClassification).count, 15)
    }

    func testIdsFollowSelfInstructsNumberingAndNamesAreUnique() throws {
        let tasks = try pool()
        XCTAssertEqual(tasks.map(\.id), tasks.indices.map { "seed_task_\($0)" })
        XCTAssertEqual(Set(tasks.map(\.name)).count, tasks.count)
    }

    func testEveryTaskHasOneInstanceWithAnOutput() throws {
        for task in try pool() {
            XCTAssertEqual(task.instances.count, 1, task.id)
            XCTAssertFalse(task.instances[0].output.allSatisfy(\.isWhitespace), task.id)
        }
    }

    func testEveryInstructionPassesSelfInstructsFilters() throws {
        let filter = InstructionFilter(settings: FilterConfig())
        for task in try pool() {
            XCTAssertNil(filter.rejection(of: task.instruction), "\(task.id): \(task.instruction)")
        }
    }

    func testNoTwoInstructionsAreAboveTheNoveltyThreshold() throws {
        var index = NoveltyIndex(threshold: 0.7)
        let tasks = try pool()
        for task in tasks {
            if case .tooSimilar(let match, let score) = index.admit(task.instruction) {
                XCTFail("\(task.id) is \(score) from \(tasks[match].id)")
            }
        }
        XCTAssertEqual(index.count, tasks.count)
    }

    func testTypeFollowsTheFirstInput() {
        let typeA = SeedTask(
            id: "1", name: "n", instruction: "Do this with the input.",
            instances: [SeedInstance(input: "x", output: "y")], isClassification: false)
        let typeB = SeedTask(
            id: "2", name: "n", instruction: "Do this without an input.",
            instances: [SeedInstance(input: "", output: "y"), SeedInstance(input: "z", output: "w")],
            isClassification: false)
        XCTAssertEqual(typeA.type, .a)
        XCTAssertEqual(typeB.type, .b)
        XCTAssertEqual(typeA.demonstration, Demonstration(id: "1", instruction: "Do this with the input.", input: "x", output: "y"))
    }
}
