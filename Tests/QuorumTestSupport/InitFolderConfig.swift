import Foundation

/// The `quorum.toml` that `quorum init` wrote, made to run without the embedded engine: every
/// member's requests go to `baseURL` (the fake server).
public enum InitFolderConfig {
    public static func pointMembers(in folder: URL, at baseURL: String) throws {
        let configURL = folder.appendingPathComponent("quorum.toml")
        var config = try String(contentsOf: configURL, encoding: .utf8)
        config = config.replacingOccurrences(of: "kind = \"local\"", with: "kind = \"none\"")
        config = config.replacingOccurrences(of: "[[members]]\nname = ", with: "[[members]]\nbase_url = \"\(baseURL)\"\nname = ")
        try config.write(to: configURL, atomically: true, encoding: .utf8)
    }
}
