import QuorumJSON

/// The form in which a run's configuration is stored: canonical JSON with secrets removed.
enum ConfigSnapshot {
    static let redactedMarker = "[redacted]"

    /// Canonical JSON of `json` with the value of every secret-looking key replaced.
    static func redacted(_ json: String) throws -> String {
        let value: JSONValue
        do {
            value = try JSONParser.parse(json.utf8)
        } catch {
            throw StoreError.invalid("a run's configuration must be JSON: \(error)")
        }
        return redacting(value).canonicalText
    }

    private static let secretWords: Set<String> = [
        "key", "apikey", "token", "secret", "password", "passwd", "authorization", "credential", "credentials",
    ]

    /// A key is secret when one of its words (split at non-letters and camelCase humps) says so:
    /// `api_key`, `apiKey`, `HF_TOKEN`, `password`; but not `max_tokens`.
    static func isSecret(key: String) -> Bool {
        var words: [String] = []
        var current = ""
        for character in key {
            if !character.isLetter {
                words.append(current)
                current = ""
            } else if character.isUppercase, let last = current.last, last.isLowercase {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
        }
        words.append(current)
        return words.contains { secretWords.contains($0.lowercased()) }
    }

    private static func redacting(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let fields):
            var clean: [String: JSONValue] = [:]
            for (key, field) in fields {
                clean[key] = isSecret(key: key) ? .string(redactedMarker) : redacting(field)
            }
            return .object(clean)
        case .array(let elements):
            return .array(elements.map(redacting))
        case .null, .bool, .number, .string:
            return value
        }
    }
}
