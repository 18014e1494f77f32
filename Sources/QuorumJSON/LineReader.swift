import Foundation

/// Reads a file descriptor line by line, streaming, with 1-based line numbers: what every
/// JSON Lines input (import, and the CLI's rouge, consensus and dedup) is read with.
/// Lines end at "\n"; a trailing "\r" is dropped; lines may be of any length.
public struct LineReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 20)
    private var scanStart = 0
    /// Where the search for the next newline resumes: bytes before it hold none.
    private var searchStart = 0
    private var isAtEnd = false
    public private(set) var lineNumber = 0

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next line's bytes, or nil at the end of input.
    public mutating func nextLine() throws(LineReadError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[searchStart...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[scanStart..<newline]
                scanStart = newline + 1
                searchStart = scanStart
                lineNumber += 1
                return Self.droppingCarriageReturn(line)
            }
            searchStart = buffer.count
            if isAtEnd {
                guard scanStart < buffer.count else { return nil }
                let line = buffer[scanStart...]
                scanStart = buffer.count
                lineNumber += 1
                return Self.droppingCarriageReturn(line)
            }
            try fill()
        }
    }

    /// The next line holding more than JSON whitespace (blank lines are skipped), or nil.
    public mutating func nextContentLine() throws(LineReadError) -> ArraySlice<UInt8>? {
        while let line = try nextLine() {
            if line.contains(where: { !Self.isJSONWhitespace($0) }) { return line }
        }
        return nil
    }

    public static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private mutating func fill() throws(LineReadError) {
        if scanStart > 0 {
            buffer.removeSubrange(0..<scanStart)
            searchStart -= scanStart
            scanStart = 0
        }
        var count: Int
        repeat {
            count = chunk.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress!, raw.count) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else { throw LineReadError(code: errno) }
        buffer.append(contentsOf: chunk[0..<count])
        if count == 0 { isAtEnd = true }
    }

    private static func droppingCarriageReturn(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == UInt8(ascii: "\r") ? line.dropLast() : line
    }
}

/// A read(2) that failed, with its errno.
public struct LineReadError: Error, Equatable {
    public let code: Int32

    public var message: String { String(cString: strerror(code)) }
}
