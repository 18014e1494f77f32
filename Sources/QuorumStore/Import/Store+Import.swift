import Foundation
import QuorumCore
import QuorumJSON

/// Where import lines come from.
public enum ImportSource: Sendable, Equatable {
    case standardInput
    case file(path: String)

    /// How messages name it: the path as given, or `<stdin>`.
    public var name: String {
        switch self {
        case .standardInput: return "<stdin>"
        case .file(let path): return path
        }
    }
}

/// What an import stored.
public struct ImportSummary: Sendable, Equatable {
    public var runID: Int64
    public var items: Int
    public var pending: Int
    public var discarded: Int
    /// Lines skipped because the store already held the same item (same instruction, input
    /// and candidates), an earlier line of the file included.
    public var duplicates: Int = 0
}

extension Store {
    /// Imports a JSONL file in one transaction: every line is stored, or none is.
    /// `consensus` decides each candidate set (the engine's rule by default). Without
    /// `allowDuplicates`, a line whose item the store already holds (same instruction, input
    /// and candidates) is skipped and counted, so importing a file twice does not double its
    /// items; `quorum import` asks for that unless `--allow-duplicates`. (Callers of this API
    /// that build stores line by line, tests among them, keep every line by default.)
    public func importJSONL(
        from source: ImportSource,
        allowDuplicates: Bool = true,
        consensus: @escaping @Sendable ([String]) -> ConsensusResult = { Consensus.decide($0) }
    ) async throws -> ImportSummary {
        let input = try ImportInput(source)
        return try await write { transaction in
            try Self.importLines(
                from: input.descriptor, source: source, into: transaction, allowDuplicates: allowDuplicates,
                consensus: consensus)
        }
    }

    private static func importLines(
        from descriptor: Int32, source: ImportSource, into transaction: StoreTransaction, allowDuplicates: Bool,
        consensus: ([String]) -> ConsensusResult
    ) throws -> ImportSummary {
        var existing = allowDuplicates ? nil : try ImportDuplicates(transaction.db)
        var config = JSONTextWriter()
        config.value(.object(["source": .string(source.name), "format": .string("jsonl")]))
        let run = try transaction.beginRun(source: "import", configJSON: String(decoding: config.bytes, as: UTF8.self))
        var summary = ImportSummary(runID: run.id!, items: 0, pending: 0, discarded: 0)
        var reader = LineReader(descriptor: descriptor)
        while let line = try Self.nextLine(&reader, of: source) {
            let record = try ImportRecord.parse(line, source: source.name, line: reader.lineNumber)
            if try existing?.contains(
                instruction: record.instruction, input: record.input, candidates: record.candidates, transaction.db) == true
            {
                summary.duplicates += 1
                continue
            }
            let members = record.members
                ?? (record.isAlpaca ? ["imported"] : record.candidates.indices.map { "imported-\($0)" })
            let candidates = zip(members, record.candidates).map { NewCandidate(member: $0, text: $1) }
            let item = try transaction.insertItem(NewItem(
                runID: run.id!, instruction: record.instruction, input: record.input,
                candidateSet: NewCandidateSet(candidates: candidates, consensus: consensus(record.candidates))))
            existing?.add(item.id!, instruction: record.instruction, input: record.input, candidates: record.candidates)
            summary.items += 1
            if item.status == .pending { summary.pending += 1 }
            if item.status == .discarded { summary.discarded += 1 }
        }
        return summary
    }

    private static func nextLine(_ reader: inout LineReader, of source: ImportSource) throws -> ArraySlice<UInt8>? {
        do {
            return try reader.nextContentLine()
        } catch {
            throw ImportError.cannotRead(source: source.name, message: error.message)
        }
    }
}
