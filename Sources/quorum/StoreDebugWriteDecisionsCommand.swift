import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumSession
import QuorumStore

/// Appends random decisions, one transaction each, and prints each id once its call has
/// returned: the kill -9 test checks every printed id survives.
struct StoreDebugWriteDecisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write-decisions", abstract: "Append random decisions, printing each committed id.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var curatorOptions: StoreCuratorOptions

    @Option(help: "Stop after this many decisions (default: never).")
    var count: Int?

    func run() async throws {
        let store = try openStore(storeOptions, access: .write(command: invokedCommandLine))
        let curator = curatorOptions.resolvedCurator()
        let itemIDs = try await store.items(withStatus: ItemStatus.allCases, limit: 1_000).map { $0.item.id! }
        guard !itemIDs.isEmpty else { throw failure("the store has no items to decide on", status: ExitStatus.dataError) }
        var random = SystemRandomNumberGenerator()
        var written = 0
        while count.map({ written < $0 }) ?? true {
            let itemID = itemIDs[Int(random.next() % UInt64(itemIDs.count))]
            let roll = random.next() % 6
            let decision: Decision
            do {
                decision = try await store.write { transaction in
                    let history = try transaction.activeDecisionIDs(of: itemID)
                    switch roll {
                    case 0: return try transaction.append(.reject(reason: "kill test"), to: itemID, curator: curator)
                    case 1: return try transaction.append(.edit(text: "edited \(roll)", basedOn: nil), to: itemID, curator: curator)
                    case 2 where !history.isEmpty:
                        return try transaction.append(.undo(decisionID: history.last!), to: itemID, curator: curator)
                    default: return try transaction.append(.override(candidate: Int(roll % 3)), to: itemID, curator: curator)
                    }
                }
            } catch {
                throw commandFailure(error)
            }
            FileHandle.standardOutput.write(Data("\(decision.id!)\n".utf8))
            written += 1
        }
    }
}
