import Foundation

/// Where `quorum init` finds the project's seed pool to copy: beside the executable's
/// repository (the binary lives under `<repository>/.build…/debug/`), under an installed
/// `share/quorum/`, or in the current directory.
enum InitSeedSource {
    static let relativePath = "seeds/seed_tasks.jsonl"

    static func find(fileManager: FileManager = .default) -> URL? {
        candidates().first { fileManager.isReadableFile(atPath: $0.path) }
    }

    static func candidates() -> [URL] {
        var found: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var folder = executable.deletingLastPathComponent()
            for _ in 0..<8 {
                found.append(folder.appendingPathComponent(relativePath))
                found.append(folder.appendingPathComponent("share/quorum/\(relativePath)"))
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        found.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relativePath))
        return found
    }
}
