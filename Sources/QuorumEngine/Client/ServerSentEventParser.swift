/// Splits a `text/event-stream` body into the data of its events (WHATWG HTML, "server-sent
/// events"): `data:` lines joined by newlines, dispatched at a blank line. Comments, `event:`,
/// `id:` and `retry:` lines are ignored. Bytes may arrive split anywhere.
struct ServerSentEventParser {
    private var line: [UInt8] = []
    private var data: [UInt8] = []
    private var hasData = false
    private var lastWasCarriageReturn = false

    /// Adds bytes; returns the data of every event they complete.
    mutating func feed<Bytes: Sequence>(_ bytes: Bytes) -> [String] where Bytes.Element == UInt8 {
        var events: [String] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n"), lastWasCarriageReturn {
                lastWasCarriageReturn = false
                continue
            }
            lastWasCarriageReturn = byte == UInt8(ascii: "\r")
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if let event = endLine() {
                    events.append(event)
                }
            } else {
                line.append(byte)
            }
        }
        return events
    }

    /// The data of an event the stream ended in the middle of, if any.
    mutating func finish() -> String? {
        if !line.isEmpty {
            _ = endLine()
        }
        return dispatch()
    }

    /// Whether the stream so far has only whole events (nothing buffered).
    var isBetweenEvents: Bool { line.isEmpty && !hasData }

    private mutating func endLine() -> String? {
        defer { line.removeAll(keepingCapacity: true) }
        if line.isEmpty {
            return dispatch()
        }
        if line.first == UInt8(ascii: ":") {
            return nil
        }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        guard line[..<colon].elementsEqual("data".utf8) else { return nil }
        var valueStart = colon == line.endIndex ? colon : colon + 1
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") {
            valueStart += 1
        }
        if hasData {
            data.append(UInt8(ascii: "\n"))
        }
        data.append(contentsOf: line[valueStart...])
        hasData = true
        return nil
    }

    private mutating func dispatch() -> String? {
        guard hasData else { return nil }
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
        }
        return String(decoding: data, as: UTF8.self)
    }
}
