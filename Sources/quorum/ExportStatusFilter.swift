import ArgumentParser
import Foundation
import QuorumStore

/// `--status accepted,edited`; `curated` means accepted, overridden and edited; `all` means every status.
struct ExportStatusFilter: ExpressibleByArgument {
    var statuses: [ItemStatus]

    init(statuses: [ItemStatus]) {
        self.statuses = statuses
    }

    init?(argument: String) {
        var chosen = Set<ItemStatus>()
        for word in argument.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            switch word {
            case "curated": chosen.formUnion(ItemStatus.curated)
            case "all": chosen.formUnion(ItemStatus.allCases)
            default:
                guard let status = ItemStatus(rawValue: word) else { return nil }
                chosen.insert(status)
            }
        }
        guard !chosen.isEmpty else { return nil }
        statuses = chosen.sorted()
    }

    var defaultValueDescription: String { "curated" }
}
