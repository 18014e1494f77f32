/// Recognises keys that would hold a credential (`api_key`, `apiKey`, `OPENAI_TOKEN`,
/// `password`), so the loader can refuse them without ever repeating their value.
/// `api_key_env` and other names ending in `env` name a variable instead, and pass.
enum SecretKeyName {
    private static let secretWords: Set<String> = [
        "key", "apikey", "token", "secret", "password", "passwd", "authorization", "bearer", "credential",
        "credentials",
    ]

    static func looksSecret(_ key: String) -> Bool {
        let words = self.words(of: key)
        guard words.last != "env" else { return false }
        return words.contains { secretWords.contains($0) }
    }

    /// Lowercased words, split at non-letters and at lower-to-upper case steps.
    private static func words(of key: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in key {
            if !character.isLetter {
                if !current.isEmpty { words.append(current.lowercased()) }
                current = ""
            } else if character.isUppercase, let last = current.last, last.isLowercase {
                words.append(current.lowercased())
                current = String(character)
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        return words
    }
}
