import Foundation

/// Reads a file descriptor line by line, streaming, with 1-based line numbers.
/// Lines end at "\n"; a trailing "\r" is dropped; lines may be of any length.
struct JSONLineReader {
    private let descriptor: Int32
    private let source: String
    private var buffer: [UInt8] = []
    private var scanStart = 0
    private var isAtEnd = false
    private(set) var lineNumber = 0

    init(descriptor: Int32, source: String) {
        self.descriptor = descriptor
        self.source = source
    }

    /// The next line's bytes, or nil at the end of input.
    mutating func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[scanStart...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[scanStart..<newline]
                scanStart = newline + 1
                lineNumber += 1
                return Self.droppingCarriageReturn(line)
            }
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

    private mutating func fill() throws {
        if scanStart > 0 {
            buffer.removeSubrange(0..<scanStart)
            scanStart = 0
        }
        let chunk = 1 << 20
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        var count: Int
        repeat {
            count = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress! + oldCount, chunk) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            let code = errno
            buffer.removeSubrange(oldCount...)
            throw ImportError.cannotRead(source: source, message: FileAccess.message(code))
        }
        buffer.removeSubrange((oldCount + count)...)
        if count == 0 { isAtEnd = true }
    }

    private static func droppingCarriageReturn(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == UInt8(ascii: "\r") ? line.dropLast() : line
    }
}
