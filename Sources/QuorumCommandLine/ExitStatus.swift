import ArgumentParser
import Foundation
import QuorumCore

/// sysexits(3) codes the CLI uses.
public enum ExitStatus {
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
    /// EX_UNAVAILABLE: the engine is not installed, or its server did not come up.
    public static let unavailable: Int32 = 69
    public static let software: Int32 = 70
    public static let cannotCreate: Int32 = 73
    public static let ioError: Int32 = 74
    public static let temporaryFailure: Int32 = 75
    public static let config: Int32 = 78
}

/// Writes one line to standard error. Messages carry text from outside (server bodies, model
/// text, file contents), so control characters are shown escaped, never sent to the terminal.
public func printError(_ message: String) {
    FileHandle.standardError.write(Data("quorum: \(TerminalSafeText.escaped(message))\n".utf8))
}

/// Reports `message` on standard error and returns the exit to throw.
public func failure(_ message: String, status: Int32) -> ExitCode {
    printError(message)
    return ExitCode(status)
}
