import Foundation

/// One streamed chunk, or a whole non-streamed answer, of `/v1/completions` or
/// `/v1/chat/completions`, reduced to what the client uses.
struct CompletionChunk: Equatable {
    var text: String
    var finishReason: String?
    var promptTokens: Int?
    var completionTokens: Int?

    enum DecodingFailure: Error, Equatable {
        case malformed(String)
        /// The server reported an error inside a 200 answer, as some do mid-stream.
        case serverError(status: Int, message: String)
    }

    /// Decodes a JSON object: `choices[0].text` (completions), `choices[0].delta.content`
    /// (streamed chat) or `choices[0].message.content` (chat), with optional `finish_reason` and `usage`.
    /// `secret` (the member's API key) is redacted from the excerpts in failures before they are cut.
    static func decode(_ payload: String, secret: String? = nil) throws(DecodingFailure) -> CompletionChunk {
        func excerpt(_ text: String) -> String { CompletionChunk.excerpt(text, secret: secret) }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any] else {
                throw DecodingFailure.malformed("not a JSON object: \(excerpt(payload))")
            }
            object = parsed
        } catch let failure as DecodingFailure {
            throw failure
        } catch {
            throw .malformed("invalid JSON: \(excerpt(payload))")
        }
        if let error = object["error"] {
            throw serverError(error)
        }
        let usage = object["usage"] as? [String: Any]
        var chunk = CompletionChunk(
            text: "", finishReason: nil, promptTokens: integer(usage?["prompt_tokens"]),
            completionTokens: integer(usage?["completion_tokens"]))
        guard let choices = object["choices"] as? [Any] else {
            if usage != nil { return chunk }
            throw .malformed("no choices: \(excerpt(payload))")
        }
        guard let first = choices.first else { return chunk }
        guard let choice = first as? [String: Any] else {
            throw .malformed("a choice is not an object: \(excerpt(payload))")
        }
        chunk.finishReason = choice["finish_reason"] as? String
        chunk.text = try text(of: choice, payload: payload, secret: secret)
        return chunk
    }

    private static func text(of choice: [String: Any], payload: String, secret: String?) throws(DecodingFailure) -> String {
        func excerpt(_ text: String) -> String { CompletionChunk.excerpt(text, secret: secret) }
        if let value = choice["text"] {
            guard let text = value as? String else { throw .malformed("text is not a string: \(excerpt(payload))") }
            return text
        }
        for key in ["delta", "message"] {
            guard let value = choice[key] else { continue }
            guard let message = value as? [String: Any] else {
                throw .malformed("\(key) is not an object: \(excerpt(payload))")
            }
            switch message["content"] {
            case nil, is NSNull: return ""
            case let text as String: return text
            default: throw .malformed("content is not a string: \(excerpt(payload))")
            }
        }
        if choice["finish_reason"] != nil { return "" }
        throw .malformed("a choice without text: \(excerpt(payload))")
    }

    private static func serverError(_ error: Any) -> DecodingFailure {
        let details = error as? [String: Any]
        let message = (details?["message"] as? String) ?? (error as? String) ?? "\(error)"
        let status = integer(details?["code"]).flatMap { (400...599).contains($0) ? $0 : nil } ?? 500
        return .serverError(status: status, message: message)
    }

    private static func integer(_ value: Any?) -> Int? {
        switch value {
        case let number as NSNumber: return number.intValue
        case let text as String: return Int(text)
        default: return nil
        }
    }

    static func excerpt(_ text: String, limit: Int = 120, secret: String? = nil) -> String {
        SecretRedaction.excerpt(text, limit: limit, secret: secret, ellipsis: true)
    }
}
