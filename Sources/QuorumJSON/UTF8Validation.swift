/// Where a byte sequence stops being UTF-8, for messages that point at the bad byte.
public enum UTF8Validation {
    /// Offset of the first byte that is not part of valid UTF-8, or nil when all of it is.
    public static func firstInvalidOffset<Bytes: Collection<UInt8>>(in bytes: Bytes) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
