import Foundation

/// Turns the bytes of a completion answer (server-sent events, or one JSON object from a server
/// that ignored `stream`) into text pieces cut at the stop sequences, and notes how it ended.
struct CompletionStreamDecoder {
    enum Format: Equatable {
        case eventStream
        case json
        /// No telling `Content-Type`: decided by the first non-blank byte.
        case undecided
    }

    typealias Failure = CompletionChunk.DecodingFailure

    private(set) var format: Format
    private var events = ServerSentEventParser()
    private var jsonBytes: [UInt8] = []
    private var scanner: StopSequenceScanner
    /// The text released so far.
    private(set) var text = ""
    private(set) var sawDone = false
    private(set) var finishReason: String?
    private(set) var promptTokens: Int?
    private(set) var completionTokens: Int?

    /// Redacted from the excerpts of malformed answers, before they are cut.
    private let secret: String?

    /// A non-streamed answer larger than this is refused as malformed.
    static let maxJSONBytes = 16 << 20

    init(contentType: String?, stops: [String], secret: String? = nil) {
        self.secret = secret
        let type = contentType?.lowercased() ?? ""
        if type.contains("text/event-stream") {
            format = .eventStream
        } else if type.contains("json") {
            format = .json
        } else {
            format = .undecided
        }
        scanner = StopSequenceScanner(stops: stops)
    }

    /// Whether a stop sequence ended the text; reading further is pointless.
    var stoppedAtStopSequence: Bool { scanner.stopped }

    /// Whether the answer is whole: `[DONE]`, a finish reason, or a stop sequence was seen.
    var isComplete: Bool { sawDone || finishReason != nil || scanner.stopped }

    /// Adds bytes of the body; returns the text pieces they release.
    mutating func feed<Bytes: Collection>(_ bytes: Bytes) throws(Failure) -> [String] where Bytes.Element == UInt8 {
        if format == .undecided {
            guard let first = bytes.first(where: { !Self.isBlank($0) }) else { return [] }
            format = first == UInt8(ascii: "{") ? .json : .eventStream
        }
        switch format {
        case .json:
            jsonBytes.append(contentsOf: bytes)
            if jsonBytes.count > Self.maxJSONBytes {
                throw .malformed("an answer of more than \(Self.maxJSONBytes) bytes")
            }
            return []
        case .eventStream, .undecided:
            var pieces: [String] = []
            for data in events.feed(bytes) {
                guard !sawDone, !scanner.stopped else { break }
                if let piece = try take(eventData: data) {
                    pieces.append(piece)
                }
            }
            text += pieces.joined()
            return pieces
        }
    }

    /// Ends the body; returns the last pieces. Whether the answer is whole is then `isComplete`.
    mutating func finish() throws(Failure) -> [String] {
        var pieces: [String] = []
        switch format {
        case .json:
            let chunk = try CompletionChunk.decode(String(decoding: jsonBytes, as: UTF8.self), secret: secret)
            record(chunk)
            // A whole JSON answer is complete even without a finish reason.
            sawDone = true
            pieces.append(scanner.feed(chunk.text))
        case .eventStream, .undecided:
            if !sawDone, !scanner.stopped, let data = events.finish() {
                // A last event without its blank line: use it if whole, else the stream was cut.
                if let piece = try? take(eventData: data) {
                    pieces.append(piece)
                }
            }
        }
        if isComplete {
            pieces.append(scanner.finish())
        }
        let released = pieces.filter { !$0.isEmpty }
        text += released.joined()
        return released
    }

    private mutating func take(eventData data: String) throws(Failure) -> String? {
        if data.trimmingCharacters(in: .whitespaces) == "[DONE]" {
            sawDone = true
            return nil
        }
        let chunk = try CompletionChunk.decode(data, secret: secret)
        record(chunk)
        let piece = scanner.feed(chunk.text)
        return piece.isEmpty ? nil : piece
    }

    private mutating func record(_ chunk: CompletionChunk) {
        finishReason = chunk.finishReason ?? finishReason
        promptTokens = chunk.promptTokens ?? promptTokens
        completionTokens = chunk.completionTokens ?? completionTokens
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\t")
    }
}
