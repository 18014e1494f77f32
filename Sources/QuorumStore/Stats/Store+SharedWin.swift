import Foundation
import GRDB
import QuorumCore

/// Whether two candidates say the same once normalised as the consensus compares them: a
/// member whose text equals the choice's shares its win in the statistics, though the tie
/// went to the lowest position.
enum SharedWin {
    static let functionName = "quorum_same_consensus_text"

    static let sqlFunction = DatabaseFunction(functionName, argumentCount: 2, pure: true) { values in
        guard let left = Data.fromDatabaseValue(values[0]), let right = Data.fromDatabaseValue(values[1]) else {
            return false
        }
        return left == right || same(String(decoding: left, as: UTF8.self), String(decoding: right, as: UTF8.self))
    }

    /// Whether the two texts are the same bytes, or the same once normalised (and not empty).
    static func same(_ left: String, _ right: String) -> Bool {
        if left.utf8.elementsEqual(right.utf8) { return true }
        let normalized = ConsensusText.normalize(left)
        return !normalized.isEmpty && normalized == ConsensusText.normalize(right)
    }
}
