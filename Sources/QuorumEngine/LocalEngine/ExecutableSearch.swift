import Foundation

/// Finds programs on `PATH`, as a shell would.
enum ExecutableSearch {
    static func find(_ name: String, environment: [String: String]) -> String? {
        if name.contains("/") {
            return FileManager.default.isExecutableFile(atPath: name) ? name : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = folder + "/" + name
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }

    static func findFirst(_ names: [String], environment: [String: String]) -> String? {
        for name in names {
            if let found = find(name, environment: environment) { return found }
        }
        return nil
    }
}
