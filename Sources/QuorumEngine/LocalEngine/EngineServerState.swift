import Foundation

/// `run/server.json`: the running server, as every Quorum process sees it. A client writes it
/// when it starts the supervisor; the supervisor adds the server's pid and removes the file
/// when it stops. Changed only under the engine lock.
public struct EngineServerState: Codable, Sendable, Equatable {
    public var supervisor: ProcessIdentity
    /// Set by the supervisor once the server process exists.
    public var server: ProcessIdentity?
    public var port: Int
    /// Started by `quorum engine start`: it stays up with no lease until `quorum engine stop`.
    public var pinned: Bool
    public var startedAt: Date
    public var model: String
    public var log: String

    enum CodingKeys: String, CodingKey {
        case supervisor, server, port, pinned, model, log
        case startedAt = "started_at"
    }

    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    static func read(from path: String) -> EngineServerState? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONCoding.decoder.decode(EngineServerState.self, from: data)
    }

    func write(to path: String) throws(LocalEngineError) {
        try AtomicFile.write(JSONCoding.encode(self), to: path)
    }
}

/// The lease files in `run/leases`: one per Quorum process using the server.
enum EngineLeases {
    static func name(_ holder: ProcessIdentity) -> String { "\(holder.pid)-\(holder.startTime)" }

    static func add(_ holder: ProcessIdentity, in directory: EngineDataDirectory) throws(LocalEngineError) {
        let path = directory.leases + "/" + name(holder)
        guard FileManager.default.createFile(atPath: path, contents: Data()) else {
            throw .cannotWrite(path, reason: "cannot create the lease file")
        }
    }

    static func remove(_ holder: ProcessIdentity, in directory: EngineDataDirectory) {
        try? FileManager.default.removeItem(atPath: directory.leases + "/" + name(holder))
    }

    static func removeAll(in directory: EngineDataDirectory) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.leases)) ?? [] {
            try? FileManager.default.removeItem(atPath: directory.leases + "/" + name)
        }
    }

    /// The holders whose process is still running.
    static func live(in directory: EngineDataDirectory) -> [ProcessIdentity] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.leases)) ?? []
        return names.compactMap { name -> ProcessIdentity? in
            let parts = name.split(separator: "-")
            guard parts.count == 2, let pid = Int32(parts[0]), let start = UInt64(parts[1]) else { return nil }
            let holder = ProcessIdentity(pid: pid, startTime: start)
            return holder.isAlive ? holder : nil
        }
    }
}
