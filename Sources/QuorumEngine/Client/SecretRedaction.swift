/// Keeps an API key out of every excerpt of a server's answer. The whole key is replaced
/// before the text is cut, and a cut that goes through a key (one the server sent already
/// cut, or one the replacement missed) leaves no prefix: an excerpt that ends in the key's
/// first four or more characters loses them too.
enum SecretRedaction {
    static let mark = "[redacted]"
    /// Shorter prefixes are too common in ordinary text to mean the key ("sk-").
    static let shortestPrefix = 4

    /// The first `limit` characters of `text`, redacted before the cut and after it; with
    /// `ellipsis`, a `…` marks a text that was cut.
    static func excerpt(_ text: String, limit: Int, secret: String?, ellipsis: Bool = false) -> String {
        let clean = redact(text, secret: secret)
        guard clean.count > limit else { return clean }
        return redact(String(clean.prefix(limit)), secret: secret) + (ellipsis ? "…" : "")
    }

    /// `text` with every occurrence of `secret` replaced, and a prefix of it that ends the text
    /// (before a final `…`) replaced too.
    static func redact(_ text: String, secret: String?) -> String {
        guard let secret, !secret.isEmpty else { return text }
        var clean = text.replacingOccurrences(of: secret, with: mark)
        let ellipsis = clean.hasSuffix("…")
        if ellipsis { clean.removeLast() }
        let key = Array(secret)
        let longest = min(key.count - 1, clean.count)
        if longest >= shortestPrefix {
            for length in stride(from: longest, through: shortestPrefix, by: -1) where clean.hasSuffix(String(key[0..<length])) {
                clean.removeLast(length)
                clean += mark
                break
            }
        }
        return ellipsis ? clean + "…" : clean
    }
}
