import Foundation

/// Buffered standard output that only ever writes whole lines.
public final class JSONLOutput {
    private var buffer: [UInt8] = []
    private let descriptor: Int32

    public init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    public func writeLine(_ line: some Collection<UInt8>) {
        buffer.append(contentsOf: line)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func writeLine(_ line: String) {
        writeLine(line.utf8)
    }

    public func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

/// Adds `"key": json` to a JSON object line, keeping the rest of the line byte for byte.
/// An existing `key` is replaced, which needs the object re-encoded.
public enum JSONObjectSplice {
    public static func adding(_ key: String, json: String, to line: ArraySlice<UInt8>, object: [String: Any]) -> [UInt8] {
        var body: ArraySlice<UInt8>
        var isEmpty = object.isEmpty
        if object[key] != nil {
            var rest = object
            rest[key] = nil
            isEmpty = rest.isEmpty
            let data = (try? JSONSerialization.data(withJSONObject: rest, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            body = ArraySlice(data)
        } else {
            body = line
        }
        while let last = body.last, LineReader.isJSONWhitespace(last) { body = body.dropLast() }
        var result = Array(body.dropLast())
        while let last = result.last, LineReader.isJSONWhitespace(last) { result.removeLast() }
        if !isEmpty { result.append(UInt8(ascii: ",")) }
        result.append(contentsOf: "\"\(key)\":\(json)}".utf8)
        return result
    }
}
