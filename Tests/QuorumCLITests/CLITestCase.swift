import Foundation
import QuorumStore
import QuorumTestSupport

/// A test of the `quorum` binary in a fresh folder of its own.
class CLITestCase: TemporaryFolderTestCase {
    /// Opens the folder's store for writing, as another process holding it would.
    func openWriter(_ name: String = "quorum.sqlite") throws -> Store {
        try Store.open(at: path(name), access: .write(command: "quorum test"))
    }
}
