// QuorumJSON: JSON values, a parser and a writer that keep text exactly, and JSON Lines read from and
// written to files and standard streams.

import Foundation

/// A JSON Lines source (a file, or standard input when no path is given), read in
/// chunks so that inputs of any size stream; lines are handed over as parsed objects.
public struct JSONLInput {
    public let path: String?

    public init(path: String?) {
        self.path = path
    }

    public var displayName: String { path ?? "<stdin>" }

    /// Calls `body` with each non-blank line's number, raw bytes and top-level object.
    /// A line that is not valid UTF-8 or not a JSON object ends the read with an
    /// `InputError` naming the line.
    public func forEachObject(_ body: (Int, ArraySlice<UInt8>, [String: Any]) throws -> Void) throws {
        try forEachLine { number, bytes in
            guard String(validating: bytes, as: UTF8.self) != nil else {
                throw InputError(source: displayName, line: number, problem: "invalid UTF-8")
            }
            let value: Any
            do {
                value = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            } catch {
                throw InputError(source: displayName, line: number, problem: "invalid JSON")
            }
            guard let object = value as? [String: Any] else {
                throw InputError(source: displayName, line: number, problem: "expected a JSON object")
            }
            try body(number, bytes, object)
        }
    }

    public func forEachLine(_ body: (Int, ArraySlice<UInt8>) throws -> Void) throws {
        let descriptor: Int32
        if let path {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw InputError(source: path, line: nil, problem: String(cString: strerror(errno)))
            }
        } else {
            descriptor = STDIN_FILENO
        }
        defer { if path != nil { close(descriptor) } }
        var reader = LineReader(descriptor: descriptor)
        while true {
            let line: ArraySlice<UInt8>?
            do {
                line = try reader.nextContentLine()
            } catch {
                throw InputError(source: displayName, line: nil, problem: error.message)
            }
            guard let line else { return }
            try body(reader.lineNumber, line)
        }
    }
}

/// Bad input, located by source and line.
public struct InputError: Error, CustomStringConvertible {
    public let source: String
    public let line: Int?
    public let problem: String

    public init(source: String, line: Int?, problem: String) {
        self.source = source
        self.line = line
        self.problem = problem
    }

    public var description: String {
        if let line { return "\(source):\(line): \(problem)" }
        return "\(source): \(problem)"
    }

    public static func field(_ name: String, _ problem: String, in input: JSONLInput, line: Int) -> InputError {
        InputError(source: input.displayName, line: line, problem: "field \"\(name)\": \(problem)")
    }
}

extension [String: Any] {
    /// The string in `field`, or an error naming the line and the field.
    public func requiredString(_ field: String, in input: JSONLInput, line: Int) throws -> String {
        guard let value = self[field] else {
            throw InputError(source: input.displayName, line: line, problem: "missing field \"\(field)\"")
        }
        guard let string = value as? String else {
            throw InputError.field(field, "expected a string, found \(JSONTypeName.of(value))", in: input, line: line)
        }
        return string
    }
}

public enum JSONTypeName {
    public static func of(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "a string"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case let number as NSNumber where String(cString: number.objCType) == "c": return "a boolean"
        case is NSNumber: return "a number"
        default: return "an unexpected value"
        }
    }
}
