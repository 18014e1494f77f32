import Foundation

/// Reads a file descriptor line by line, streaming, with 1-based line numbers.
/// Lines end at "\n"; a trailing "\r" is dropped; lines may be of any length.
struct JSONLineReader {
    private let descriptor: Int32
    private let source: String
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 20)
    private var scanStart = 0
    /// Where the search for the next newline resumes: bytes before it hold none.
    private var searchStart = 0
    private var isAtEnd = false
    private(set) var lineNumber = 0

    init(descriptor: Int32, source: String) {
        self.descriptor = descriptor
        self.source = source
    }

    /// The next line's bytes, or nil at the end of input.
    mutating func nextLine() throws -> ArraySlice<UInt8>? {
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

    private mutating func fill() throws {
        if scanStart > 0 {
            buffer.removeSubrange(0..<scanStart)
            searchStart -= scanStart
            scanStart = 0
        }
        var count: Int
        repeat {
            count = chunk.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress!, raw.count) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else {
            throw ImportError.cannotRead(source: source, message: FileAccess.message(errno))
        }
        buffer.append(contentsOf: chunk[0..<count])
        if count == 0 { isAtEnd = true }
    }

    private static func droppingCarriageReturn(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == UInt8(ascii: "\r") ? line.dropLast() : line
    }
}
