import Foundation
import QuorumStore

/// Buffered standard output that only ever writes whole lines.
final class JSONLOutput {
    private var buffer: [UInt8] = []
    private let descriptor: Int32

    init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 16)
    }

    func writeLine(_ line: some Collection<UInt8>) {
        buffer.append(contentsOf: line)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    func writeLine(_ line: String) {
        writeLine(line.utf8)
    }

    func flush() {
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
enum JSONObjectSplice {
    static func adding(_ key: String, json: String, to line: ArraySlice<UInt8>, object: [String: Any]) -> [UInt8] {
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

/// JSON text for the few value shapes the commands emit.
enum JSONText {
    static func number(_ value: Double) -> String { value.description }

    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func array(_ values: [Double]) -> String {
        "[" + values.map(number).joined(separator: ",") + "]"
    }
}
