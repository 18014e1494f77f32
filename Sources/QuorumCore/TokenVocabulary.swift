/// Interns byte strings as dense `UInt32` ids, without allocating per lookup.
public struct TokenVocabulary: Sendable {
    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing; 0 is an empty slot, otherwise `id + 1`.
    private var slots: [UInt32] = Array(repeating: 0, count: 1024)

    public init() {}

    public var count: Int { starts.count - 1 }

    public func bytes(of id: UInt32) -> ArraySlice<UInt8> {
        arena[starts[Int(id)]..<starts[Int(id) + 1]]
    }

    public func string(of id: UInt32) -> String {
        String(decoding: bytes(of: id), as: UTF8.self)
    }

    public func length(of id: UInt32) -> Int {
        starts[Int(id) + 1] - starts[Int(id)]
    }

    /// The id of `token`, or nil when it was never interned.
    public func lookup(_ token: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let hash = Self.hash(token)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            let id = entry - 1
            if hashes[Int(id)] == hash && equals(id, token) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    public mutating func intern(_ token: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let hash = Self.hash(token)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = entry - 1
            if hashes[Int(id)] == hash && equals(id, token) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = UInt32(count)
        arena.append(contentsOf: token)
        starts.append(arena.count)
        hashes.append(hash)
        slots[slot] = id + 1
        if count * 2 > slots.count { grow() }
        return id
    }

    public mutating func intern(_ token: [UInt8]) -> UInt32 {
        token.withUnsafeBufferPointer { intern($0) }
    }

    public mutating func intern(_ token: String) -> UInt32 {
        intern(Array(token.utf8))
    }

    private func equals(_ id: UInt32, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[Int(id)]
        let end = starts[Int(id) + 1]
        guard end - start == token.count else { return false }
        return arena.withUnsafeBufferPointer { stored in
            for offset in 0..<token.count where stored[start + offset] != token[offset] {
                return false
            }
            return true
        }
    }

    private mutating func grow() {
        var larger = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for id in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = UInt32(id) + 1
        }
        slots = larger
    }

    /// FNV-1a followed by a 64-bit finaliser so that the low bits spread well.
    private static func hash(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in token {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }
}
