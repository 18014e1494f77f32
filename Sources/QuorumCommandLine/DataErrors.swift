import ArgumentParser
import QuorumJSON

/// Runs a JSONL command body, turning located input errors into exit status 65.
public func withDataErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as InputError {
        throw failure(error.description, status: error.line == nil ? ExitStatus.noInput : ExitStatus.dataError)
    }
}
