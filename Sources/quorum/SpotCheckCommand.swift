import ArgumentParser
import Foundation
import QuorumStore

struct SpotCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spot-check",
        abstract: "Draw a stratified sample of decisions made without a human and estimate their error rate.",
        discussion: """
            The population: items accepted by the curator "auto" (quorum generate --auto-accept) \
            and imported items' consensus choices. The sample is allocated to strata in proportion \
            to their sizes, at least one item per stratum, and is the same for the same store, \
            size, strata and seed. A human decision made on a sampled item after the automatic one \
            is its verdict: accepted is right; overridden to another candidate, edited or \
            rejected is wrong. Error rates come with Wilson 95% intervals.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "How many decisions to draw.")
    var sample = 100

    @Option(help: "Strata: member (whose candidate won), type (A or B), rule (exact or rouge) or margin (quartiles).")
    var stratify: SpotCheckStratification = .member

    @Option(help: "Seed of the draw: the same seed draws the same sample.")
    var seed: UInt64 = 1

    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    func validate() throws {
        guard sample >= 1 else { throw ValidationError("--sample must be at least 1") }
    }

    func run() async throws {
        let store = try openStore(storeOptions, access: .read)
        let report: SpotCheckReport
        do {
            report = try await store.spotCheckPopulation(stratifiedBy: stratify).report(sampleSize: sample, seed: seed)
        } catch {
            throw storeFailure(error)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(SpotCheckText(report: report).text, terminator: "")
        }
    }
}

extension SpotCheckStratification: ExpressibleByArgument {}
