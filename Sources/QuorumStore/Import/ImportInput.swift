import Foundation

/// The open descriptor an import reads; closed when released (standard input stays open).
final class ImportInput: Sendable {
    let descriptor: Int32

    init(_ source: ImportSource) throws {
        switch source {
        case .standardInput:
            descriptor = 0
        case .file(let path):
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw ImportError.cannotRead(source: source.name, message: FileAccess.message(errno))
            }
        }
    }

    deinit {
        if descriptor != 0 { close(descriptor) }
    }
}
