import Foundation

/// What building the engine needs from the system, checked before anything is downloaded so
/// that a missing piece is named at once with the package that provides it.
public struct EnginePrerequisites: Sendable {
    public struct Missing: Sendable, Equatable {
        public var what: String
        public var remedy: String
        public var debianPackages: [String]
    }

    /// The interpreter that creates the venv: `$QUORUM_PYTHON`, else `python3` on PATH.
    public let python: String?
    public let missing: [Missing]
    /// Worth saying, not blocking (pip installs CMake from PyPI into the venv when it is absent).
    public let notes: [String]

    public static let oldestPython = (3, 10)

    /// Checks the system; the build's tools only when `needsBuild`.
    public static func check(
        needsBuild: Bool, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> EnginePrerequisites {
        var missing: [Missing] = []
        var notes: [String] = []
        let pythonName = environment["QUORUM_PYTHON"] ?? "python3"
        let python = ExecutableSearch.find(pythonName, environment: environment)
        if let python {
            missing += checkPython(python)
        } else {
            missing.append(
                Missing(
                    what: "\(pythonName) (Python 3.\(oldestPython.1) or later)",
                    remedy: "install Python 3, or point QUORUM_PYTHON at an interpreter", debianPackages: ["python3"]))
        }
        if needsBuild {
            if ExecutableSearch.findFirst(["cc", "gcc", "clang"], environment: environment) == nil {
                missing.append(Missing(what: "a C compiler", remedy: "install GCC", debianPackages: ["build-essential"]))
            }
            if ExecutableSearch.findFirst(["c++", "g++", "clang++"], environment: environment) == nil {
                missing.append(Missing(what: "a C++ compiler", remedy: "install G++", debianPackages: ["build-essential"]))
            }
            if ExecutableSearch.findFirst(["ninja", "make"], environment: environment) == nil {
                missing.append(Missing(what: "make", remedy: "install make", debianPackages: ["build-essential"]))
            }
            if ExecutableSearch.find("cmake", environment: environment) == nil {
                notes.append("cmake is not installed: pip installs CMake from PyPI into the venv (Debian package: cmake)")
            }
        }
        var seen = Set<String>()
        let unique = missing.map { item -> Missing in
            var item = item
            item.debianPackages = item.debianPackages.filter { seen.insert($0).inserted }
            return item
        }
        return EnginePrerequisites(python: python, missing: unique, notes: notes)
    }

    /// The interpreter's version and its venv module (Debian ships `ensurepip` separately).
    private static func checkPython(_ python: String) -> [Missing] {
        let probe = """
            import sys
            print("%d.%d" % sys.version_info[:2])
            try:
                import venv, ensurepip
                print("venv")
            except ImportError:
                print("no-venv")
            """
        guard let outcome = try? ChildProcess.run(python, ["-c", probe]), outcome.status == 0,
            outcome.tail.count >= 2
        else {
            return [Missing(what: "a working \(python)", remedy: "reinstall Python 3", debianPackages: ["python3"])]
        }
        var missing: [Missing] = []
        let parts = outcome.tail[outcome.tail.count - 2].split(separator: ".").compactMap { Int($0) }
        if parts.count == 2, (parts[0], parts[1]) < oldestPython {
            missing.append(
                Missing(
                    what: "Python 3.\(oldestPython.1) or later (\(python) is \(parts[0]).\(parts[1]))",
                    remedy: "install a newer Python 3, or point QUORUM_PYTHON at one", debianPackages: []))
        }
        if outcome.tail.last != "venv" {
            let minor = parts.count == 2 ? "python\(parts[0]).\(parts[1])-venv" : "python3-venv"
            missing.append(
                Missing(
                    what: "Python's venv module (\(python) -m venv)", remedy: "install Debian's venv package",
                    debianPackages: Array(Set(["python3-venv", minor])).sorted()))
        }
        return missing
    }
}
