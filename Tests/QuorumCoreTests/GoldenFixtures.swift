import Foundation
import XCTest

/// Vectors written by scripts/golden/make_rouge_golden.py with the real rouge-score 0.1.2
/// and NLTK 3.9.1; doubles are stored as their IEEE-754 bits in hex.
enum GoldenFixtures {
    static func url(_ name: String) throws -> URL {
        try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"), "missing fixture \(name)")
    }

    static func jsonLines(_ name: String) throws -> [[String: Any]] {
        let text = try String(contentsOf: url(name), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    static func double(_ hex: Any?) throws -> Double {
        let text = try XCTUnwrap(hex as? String)
        return Double(bitPattern: try XCTUnwrap(UInt64(text, radix: 16)))
    }
}
