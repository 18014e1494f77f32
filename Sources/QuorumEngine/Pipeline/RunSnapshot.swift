import Foundation
import QuorumStore

/// What a generation run records about itself: the configuration (no secrets: only the
/// names of key variables) and the request, so that a second run can resume the first.
public enum RunSnapshot {
    public static let source = "generate"

    public static func json(_ config: QuorumConfig, _ request: GenerationRequest) -> String {
        let object: [String: Any] = [
            "config": configObject(config),
            "generate": [
                "count": request.count, "types": request.types.map(\.rawValue), "auto_accept": request.autoAccept,
            ],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The newest unfinished run of the same configuration and request, with the items it still owes.
    public static func resumable(_ runs: [RunProgress], config: QuorumConfig, request: GenerationRequest) -> (runID: Int64, remaining: Int)? {
        let wanted = NSDictionary(dictionary: configObject(config))
        for progress in runs {
            guard let data = progress.run.configJSON.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let config = object["config"] as? [String: Any],
                let generate = object["generate"] as? [String: Any],
                let count = generate["count"] as? Int,
                let types = generate["types"] as? [String],
                let autoAccept = generate["auto_accept"] as? Bool,
                let id = progress.run.id
            else { continue }
            guard NSDictionary(dictionary: config).isEqual(to: wanted as! [AnyHashable: Any]),
                types == request.types.map(\.rawValue), autoAccept == request.autoAccept
            else { continue }
            return progress.itemCount < count ? (id, count - progress.itemCount) : nil
        }
        return nil
    }

    static func configObject(_ config: QuorumConfig) -> [String: Any] {
        let members: [[String: Any]] = config.members.map { member in
            var decoding: [String: Any] = [
                "temperature": member.decoding.temperature, "top_p": member.decoding.topP,
                "max_tokens": member.decoding.maxTokens, "stop": member.decoding.stop,
            ]
            if let topK = member.decoding.topK { decoding["top_k"] = topK }
            if let seed = member.decoding.seed { decoding["seed"] = seed }
            let penalties: [(String, Double?)] = [
                ("repeat_penalty", member.decoding.repeatPenalty), ("frequency_penalty", member.decoding.frequencyPenalty),
                ("presence_penalty", member.decoding.presencePenalty), ("dry_multiplier", member.decoding.dryMultiplier),
            ]
            for (key, value) in penalties { if let value { decoding[key] = value } }
            var object: [String: Any] = [
                "name": member.name, "model": member.model, "api": member.api.rawValue,
                "prompting": member.prompting.rawValue, "decoding": decoding, "max_concurrency": member.maxConcurrency,
                "timeout": member.timeoutSeconds, "retries": member.retries, "server": member.server.rawValue,
            ]
            if member.baseURLs.count > 1 { object["base_urls"] = member.baseURLs } else { object["base_url"] = member.baseURL }
            if let variable = member.apiKeyEnv { object["api_key_env"] = variable }
            return object
        }
        let generation = config.generation
        return [
            "members": members,
            "roles": [
                "instructions": config.roles.instructionGenerator, "instances": config.roles.instanceGenerator,
                "outputs": config.roles.outputMembers,
            ],
            "filters": [
                "too_short_words": config.filters.maxWordsTooShort, "max_words": config.filters.maxWords,
                "blacklist": config.filters.blacklist, "novelty_threshold": config.filters.noveltyThreshold,
                "min_agreement": config.filters.minAgreement,
            ],
            "generation": [
                "seed": generation.seed, "instruction_demonstrations_a": generation.instructionDemonstrationsA,
                "machine_demonstrations_a": generation.machineDemonstrationsA,
                "instruction_demonstrations_b": generation.instructionDemonstrationsB,
                "machine_demonstrations_b": generation.machineDemonstrationsB,
                "instruction_tokens": [generation.instructionTokens.maximum, generation.instructionTokens.minimum],
                "instance_tokens": [generation.instanceTokens.maximum, generation.instanceTokens.minimum],
                "instance_demonstrations_a": generation.instanceDemonstrationsA,
                "instance_demonstrations_b": generation.instanceDemonstrationsB, "end_marker": generation.endMarker,
            ],
            "seeds": config.seedsPath,
        ]
    }
}
