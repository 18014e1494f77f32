import Foundation

/// What a finished install recorded, written last so that its presence means the install
/// completed. An install whose stamp matches the pins is not redone.
public struct EngineInstallStamp: Codable, Sendable, Equatable {
    /// The llama-cpp-python release whose vendored llama.cpp was built.
    public var llamaCppPython: String
    public var modelPackage: String
    public var modelFile: String
    public var modelSHA256: String
    public var modelBytes: Int64
    public var python: String
    public var installedAt: Date
    /// `EnginePins.llamaCppBuildOptions` of the build; nil in stamps written before they were pinned.
    public var buildOptions: String?
    /// The built server; nil in the stamps of the installs that served llama-cpp-python's
    /// Python server from the venv (Quorum before llama-server).
    public var llamaServer: String?
    /// `EnginePins.llamaServerConfiguration` of the build, space-separated.
    public var serverConfiguration: String?

    enum CodingKeys: String, CodingKey {
        case llamaCppPython = "llama_cpp_python"
        case modelPackage = "model_package"
        case modelFile = "model_file"
        case modelSHA256 = "model_sha256"
        case modelBytes = "model_bytes"
        case python
        case installedAt = "installed_at"
        case buildOptions = "build_options"
        case llamaServer = "llama_server"
        case serverConfiguration = "server_configuration"
    }

    /// Whether this stamp records the pinned versions and model.
    public var matchesPins: Bool {
        llamaCppPython == EnginePins.llamaCppPythonVersion && modelPackage == EnginePins.modelPackageVersion
            && modelSHA256 == EnginePins.modelSHA256 && buildOptions == EnginePins.llamaCppBuildOptions
            && llamaServer != nil && serverConfiguration == Self.pinnedServerConfiguration
    }

    /// Whether an older Quorum wrote this stamp for llama-cpp-python's server in the venv.
    public var servesLlamaCppPython: Bool { llamaServer == nil }

    static var pinnedServerConfiguration: String { EnginePins.llamaServerConfiguration.joined(separator: " ") }

    public static func read(from path: String) -> EngineInstallStamp? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONCoding.decoder.decode(EngineInstallStamp.self, from: data)
    }

    func write(to path: String) throws(LocalEngineError) {
        try AtomicFile.write(JSONCoding.encode(self), to: path)
    }
}

/// JSON with sorted keys and ISO 8601 dates, for the small files other processes read.
enum JSONCoding {
    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    static func encode<Value: Encodable>(_ value: Value) -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return ((try? encoder.encode(value)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }
}

/// Writes a file so readers see the old content or the new, never a part.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws(LocalEngineError) {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .cannotWrite(path, reason: error.localizedDescription)
        }
    }
}
