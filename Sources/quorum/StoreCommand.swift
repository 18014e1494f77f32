import ArgumentParser

/// `quorum store …`: what moves whole stores.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Move a dataset between stores; set the review policy of a team.",
        subcommands: [StoreCopyCommand.self, StoreTeamCommand.self]
    )
}
