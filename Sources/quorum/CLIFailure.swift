import ArgumentParser
import Foundation
import QuorumCore

/// sysexits(3) codes the CLI uses.
enum ExitStatus {
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let temporaryFailure: Int32 = 75
    static let config: Int32 = 78
}

/// Writes one line to standard error. Messages carry text from outside (server bodies, model
/// text, file contents), so control characters are shown escaped, never sent to the terminal.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("quorum: \(TerminalSafeText.escaped(message))\n".utf8))
}

/// Reports `message` on standard error and returns the exit to throw.
func failure(_ message: String, status: Int32) -> ExitCode {
    printError(message)
    return ExitCode(status)
}
