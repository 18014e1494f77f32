import ArgumentParser
import Foundation
import QuorumCommandLine
import QuorumEngine
import QuorumTUI

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented quorum.toml, and the seed pool and starter guidelines beside it.",
        discussion: """
            The configuration runs the default ensemble on the embedded engine and explains every \
            key, with examples of a real mixture (vLLM, llama.cpp's server, Ollama, TGI, a hosted \
            API). When DIR has no seeds/seed_tasks.jsonl yet, the project's seed pool is copied \
            there, and a starter GUIDELINES.md (shown with H in the workbench) when there is none. \
            An existing quorum.toml is kept unless --force is given.
            """)

    @Argument(help: ArgumentHelp("The folder to write into; created when missing.", valueName: "dir"))
    var directory = "."

    @Flag(help: "Overwrite an existing quorum.toml.")
    var force = false

    func run() throws {
        let folder = URL(fileURLWithPath: directory, isDirectory: true)
        let configFile = folder.appendingPathComponent(QuorumConfigLoader.defaultFileName)
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: configFile.path) && !force {
            throw failure(
                "\(display(configFile)) already exists; pass --force to overwrite it", status: ExitStatus.cannotCreate)
        }
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(QuorumConfigTemplate.text.utf8).write(to: configFile, options: .atomic)
        } catch {
            throw failure("cannot write \(display(configFile)): \(reason(error))", status: ExitStatus.cannotCreate)
        }
        do {
            _ = try QuorumConfigLoader.load(path: configFile.path)
        } catch {
            throw failure("the quorum.toml just written does not load (a bug): \(error)", status: ExitStatus.software)
        }
        printError("wrote \(display(configFile))")
        try placeSeeds(in: folder)
        try placeGuidelines(in: folder)
    }

    /// The starter guidelines; a file already there is the curators' own, kept even with --force.
    private func placeGuidelines(in folder: URL) throws {
        let target = folder.appendingPathComponent(GuidelinesTemplate.fileName)
        if FileManager.default.fileExists(atPath: target.path) {
            printError("kept the guidelines already at \(display(target))")
            return
        }
        do {
            try Data(GuidelinesTemplate.text.utf8).write(to: target, options: .atomic)
        } catch {
            throw failure("cannot write \(display(target)): \(reason(error))", status: ExitStatus.cannotCreate)
        }
        printError("wrote \(display(target)), the curators' guidelines (H in the workbench)")
    }

    private func placeSeeds(in folder: URL) throws {
        let target = folder.appendingPathComponent(InitSeedSource.relativePath)
        if FileManager.default.fileExists(atPath: target.path) {
            printError("kept the seed pool already at \(display(target))")
            return
        }
        guard let source = InitSeedSource.find() else {
            printError(
                "found no seed pool to copy; put one at \(display(target)), or set `seeds` in quorum.toml to a "
                    + "file in Self-Instruct's format (one JSON object a line), such as the original 175 tasks")
            return
        }
        let count: Int
        do {
            count = try SeedPool.load(path: source.path).count
        } catch {
            printError("did not copy the seed pool: \(error)")
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: target)
        } catch {
            throw failure("cannot copy the seed pool to \(display(target)): \(reason(error))", status: ExitStatus.cannotCreate)
        }
        printError("copied the seed pool (\(count) tasks) to \(display(target))")
    }

    /// The path as the user named it: `DIR/quorum.toml`, or just `quorum.toml` for the current folder.
    private func display(_ url: URL) -> String {
        let name = url.path.hasSuffix(InitSeedSource.relativePath) ? InitSeedSource.relativePath : url.lastPathComponent
        return directory == "." ? name : (directory as NSString).appendingPathComponent(name)
    }

    private func reason(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error {
            let posix = underlying as NSError
            if posix.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(posix.code))) }
        }
        return error.localizedDescription
    }
}
