import Foundation

/// A buffered writer on a file descriptor.
final class ByteOutput {
    private let descriptor: Int32
    private let name: String
    private var buffer: [UInt8] = []
    private let flushThreshold: Int
    private(set) var bytesWritten = 0

    init(descriptor: Int32, name: String, flushThreshold: Int = 1 << 20) {
        self.descriptor = descriptor
        self.name = name
        self.flushThreshold = flushThreshold
        buffer.reserveCapacity(flushThreshold * 2)
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let count = buffer.withUnsafeBytes { raw in
                FileAccess.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ExportError.writeFailed(path: name, code: errno)
            }
            offset += count
        }
        bytesWritten += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Why an export could not be written; a file destination is left as it was.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    case writeFailed(path: String, code: Int32)
    case cannotCreate(path: String, code: Int32)

    public var description: String {
        switch self {
        case .writeFailed(let path, let code):
            return "cannot write \(path): \(FileAccess.message(code)); nothing was written under that name"
        case .cannotCreate(let path, let code):
            return "cannot create \(path): \(FileAccess.message(code))"
        }
    }
}
