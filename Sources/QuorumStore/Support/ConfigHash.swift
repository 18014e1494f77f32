// QuorumStore/Support: Small pieces the store shares: the run snapshot's redaction and hash, POSIX file checks.

import Crypto

/// The SHA-256 of a run's stored configuration snapshot, in lowercase hex.
enum ConfigHash {
    static func hex(of message: [UInt8]) -> String {
        SHA256.hash(data: message).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 0x10 ? "0" + digits : digits
        }.joined()
    }
}
