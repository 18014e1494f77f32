import Foundation

/// Where a value sits in a TOML document, shown as `members[2].decoding.temperature`
/// (indices of arrays of tables count from 0).
struct TOMLKeyPath: Hashable, Sendable, CustomStringConvertible {
    enum Segment: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    static let root = TOMLKeyPath(segments: [])

    var segments: [Segment]

    var isRoot: Bool { segments.isEmpty }

    func appending(_ key: String) -> TOMLKeyPath {
        TOMLKeyPath(segments: segments + [.key(key)])
    }

    func appending(index: Int) -> TOMLKeyPath {
        TOMLKeyPath(segments: segments + [.index(index)])
    }

    var parent: TOMLKeyPath? {
        isRoot ? nil : TOMLKeyPath(segments: Array(segments.dropLast()))
    }

    var description: String {
        var text = ""
        for segment in segments {
            switch segment {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += Self.displayed(key)
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// How a message names the table at this path: `[members[2].decoding]`, or the top level.
    var tableName: String {
        isRoot ? "at the top level" : "in [\(description)]"
    }

    /// A bare key as written; any other key in double quotes, as TOML would need it.
    static func displayed(_ key: String) -> String {
        let isBare = !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
        }
        return isBare ? key : "\"\(key.replacingOccurrences(of: "\"", with: "\\\""))\""
    }
}
