import QuorumStore

/// Everything `quorum.toml` configures. Parsed and validated by `QuorumConfigLoader`.
public struct QuorumConfig: Sendable, Equatable {
    public var members: [MemberConfig]
    public var roles: Roles
    public var filters: FilterConfig
    public var generation: GenerationConfig
    /// Seed tasks in Self-Instruct's format, relative to the config file's folder.
    public var seedsPath: String
    public var storePath: String
    public var curator: String?
    public var engine: EngineSettings
    public var workbench: WorkbenchConfig
    /// The `[team]` table; nil when the file has none.
    public var team: TeamPolicy?

    public init(
        members: [MemberConfig], roles: Roles, filters: FilterConfig = FilterConfig(),
        generation: GenerationConfig = GenerationConfig(), seedsPath: String, storePath: String,
        curator: String? = nil, engine: EngineSettings = EngineSettings(), workbench: WorkbenchConfig = WorkbenchConfig(),
        team: TeamPolicy? = nil
    ) {
        self.workbench = workbench
        self.team = team
        self.members = members
        self.roles = roles
        self.filters = filters
        self.generation = generation
        self.seedsPath = seedsPath
        self.storePath = storePath
        self.curator = curator
        self.engine = engine
    }

    public func member(named name: String) -> MemberConfig? {
        members.first { $0.name == name }
    }
}

public enum MemberAPI: String, Sendable, Equatable, CaseIterable {
    /// `/v1/completions`: a vanilla model continues a prompt.
    case completions
    /// `/v1/chat/completions`: an instruction-tuned model answers messages.
    case chat
}

public enum Prompting: String, Sendable, Equatable, CaseIterable {
    case fewShot = "few-shot"
    case zeroShot = "zero-shot"
}

/// One ensemble member: a model behind an OpenAI-compatible endpoint.
public struct MemberConfig: Sendable, Equatable {
    public var name: String
    /// The replicas that serve the member, each up to and including `/v1`, e.g.
    /// `http://127.0.0.1:8080/v1`. Requests go to the least loaded; empty until the embedded
    /// engine is up for a member that runs on it.
    public var baseURLs: [String]
    public var model: String
    public var api: MemberAPI
    public var prompting: Prompting
    public var decoding: Decoding
    /// Requests in flight at once to each replica.
    public var maxConcurrency: Int
    public var timeoutSeconds: Double
    /// Retries after the first attempt.
    public var retries: Int
    /// The environment variable holding the API key; the key itself is never stored.
    public var apiKeyEnv: String?
    /// The member runs on the embedded engine (its `base_url` was left out); `baseURL` is
    /// empty until the engine is up (see `QuorumConfig.placingLocalMembers(at:)`).
    public var usesLocalEngine: Bool
    /// Which request fields beyond OpenAI's the member's server takes.
    public var server: MemberServer

    /// The first replica; setting it makes the member a single server.
    public var baseURL: String {
        get { baseURLs.first ?? "" }
        set { baseURLs = newValue.isEmpty ? [] : [newValue] }
    }

    public init(
        name: String, baseURL: String, model: String, api: MemberAPI = .completions,
        prompting: Prompting = .fewShot, decoding: Decoding = Decoding(), maxConcurrency: Int = 4,
        timeoutSeconds: Double = 120, retries: Int = 3, apiKeyEnv: String? = nil, usesLocalEngine: Bool = false,
        server: MemberServer? = nil, replicas: [String]? = nil
    ) {
        self.name = name
        self.baseURLs = replicas ?? (baseURL.isEmpty ? [] : [baseURL])
        self.model = model
        self.api = api
        self.prompting = prompting
        self.decoding = decoding
        self.maxConcurrency = maxConcurrency
        self.timeoutSeconds = timeoutSeconds
        self.retries = retries
        self.apiKeyEnv = apiKeyEnv
        self.usesLocalEngine = usesLocalEngine
        self.server = server ?? .assumed(onEmbeddedEngine: usesLocalEngine)
    }
}

/// Which member does what. Candidate 0 is always the instance generator's own output.
public struct Roles: Sendable, Equatable {
    public var instructionGenerator: String
    public var instanceGenerator: String
    /// Members that give additional outputs for each instance.
    public var outputMembers: [String]

    public init(instructionGenerator: String, instanceGenerator: String, outputMembers: [String]) {
        self.instructionGenerator = instructionGenerator
        self.instanceGenerator = instanceGenerator
        self.outputMembers = outputMembers
    }
}

/// Self-Instruct's filters and the consensus threshold (DESIGN.md section 1).
public struct FilterConfig: Sendable, Equatable {
    /// Instructions of this many words or fewer are dropped.
    public var maxWordsTooShort: Int
    /// Instructions of more than this many words are dropped.
    public var maxWords: Int
    public var blacklist: [String]
    public var noveltyThreshold: Double
    public var minAgreement: Double

    public static let defaultBlacklist = [
        "image", "images", "graph", "graphs", "picture", "pictures", "file", "files", "map", "maps",
        "draw", "plot", "go to",
    ]

    public init(
        maxWordsTooShort: Int = 3, maxWords: Int = 150, blacklist: [String] = Self.defaultBlacklist,
        noveltyThreshold: Double = 0.7, minAgreement: Double = 0.01
    ) {
        self.maxWordsTooShort = maxWordsTooShort
        self.maxWords = maxWords
        self.blacklist = blacklist
        self.noveltyThreshold = noveltyThreshold
        self.minAgreement = minAgreement
    }
}
