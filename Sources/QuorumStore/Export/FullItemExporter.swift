import GRDB
import QuorumJSON

/// The `full` format read from SQLite: each item with every candidate set, candidate and its
/// decision log, merged from three cursors in item order and written by `FullItemWriter`.
struct FullItemExporter {
    let db: Database
    let statusCondition: String
    var arguments: StatementArguments = []

    /// The three cursors of the merge join, each in item order without a sort step.
    var itemsSQL: String {
        "SELECT \(ItemField.selectList) FROM \(Item.databaseTableName) NOT INDEXED WHERE \(statusCondition) "
            + "ORDER BY \(Item.Columns.id.name)"
    }

    static let candidatesSQL = """
        SELECT \(SetField.selectList)
        FROM \(CandidateSet.databaseTableName) s LEFT JOIN \(Candidate.databaseTableName) c
            ON c.\(Candidate.Columns.setID.name) = s.\(CandidateSet.Columns.id.name)
        ORDER BY s.\(CandidateSet.Columns.itemID.name), s.\(CandidateSet.Columns.ordinal.name), c.\(Candidate.Columns.position.name)
        """

    static let decisionsSQL = """
        SELECT \(DecisionField.selectList) FROM \(Decision.databaseTableName)
        ORDER BY \(Decision.Columns.itemID.name), \(Decision.Columns.id.name)
        """

    func write(to output: ByteOutput) throws -> ExportSummary {
        let start = output.bytesWritten
        let items = try Row.fetchCursor(db, sql: itemsSQL, arguments: arguments)
        var sets = try OrderedRows(Row.fetchCursor(db, sql: Self.candidatesSQL))
        var decisions = try OrderedRows(Row.fetchCursor(db, sql: Self.decisionsSQL))
        var json = JSONTextWriter(capacity: 1 << 16)
        var lines = 0
        while let row = try items.next() {
            var item = Self.item(row)
            item.sets = try Self.candidateSets(of: item.id, from: &sets)
            item.decisions = try Self.decisions(of: item.id, from: &decisions)
            json.removeAll()
            FullItemWriter.write(item, to: &json)
            json.newline()
            try output.write(json.bytes)
            lines += 1
        }
        try output.flush()
        return ExportSummary(lines: lines, bytes: output.bytesWritten - start, skippedWithoutOutput: 0)
    }

    private static func item(_ row: Row) -> FullExportItem {
        func text(_ field: ItemField) -> String? { row.text(atIndex: field.rawValue) }
        return FullExportItem(
            id: row[ItemField.id.rawValue], runID: row[ItemField.runID.rawValue], type: row[ItemField.type.rawValue],
            instruction: text(.instruction) ?? "", input: text(.input) ?? "", generator: text(.generator),
            seedIDs: row[ItemField.seedIDs.rawValue], createdAt: row[ItemField.createdAt.rawValue],
            status: row[ItemField.status.rawValue], output: text(.output), chosen: row[ItemField.chosen.rawValue],
            currentSetID: row[ItemField.currentSetID.rawValue])
    }

    private static func candidateSets(of itemID: Int64, from rows: inout OrderedRows) throws -> [FullExportItem.SetEntry] {
        try rows.skip(before: itemID)
        var sets: [FullExportItem.SetEntry] = []
        while let row = rows.current, rows.itemID == itemID {
            func value<T: DatabaseValueConvertible>(_ field: SetField) -> T? { row[field.rawValue] }
            func text(_ field: SetField) -> String? { row.text(atIndex: field.rawValue) }
            let setID: Int64 = row[SetField.setID.rawValue]
            if sets.last?.id != setID {
                let consensus = (value(.consensusRule) as String?).map { rule in
                    FullExportItem.ConsensusEntry(
                        choice: value(.consensusChoice), rule: rule, scores: value(.consensusScores),
                        margin: value(.consensusMargin), fragility: value(.consensusFragility), matrix: value(.consensusMatrix),
                        discard: value(.consensusDiscard))
                }
                sets.append(FullExportItem.SetEntry(
                    id: setID, ordinal: row[SetField.ordinal.rawValue], createdAt: row[SetField.createdAt.rawValue],
                    consensus: consensus))
            }
            if let position: Int64 = value(.position) {
                sets[sets.count - 1].candidates.append(FullExportItem.CandidateEntry(
                    position: position, member: text(.member) ?? "", text: text(.text) ?? "",
                    promptTokens: value(.promptTokens), completionTokens: value(.completionTokens),
                    latencyMilliseconds: value(.latencyMilliseconds), error: text(.error)))
            }
            try rows.advance()
        }
        return sets
    }

    private static func decisions(of itemID: Int64, from rows: inout OrderedRows) throws -> [FullExportItem.DecisionEntry] {
        try rows.skip(before: itemID)
        var log: [FullExportItem.DecisionEntry] = []
        while let row = rows.current, rows.itemID == itemID {
            func value<T: DatabaseValueConvertible>(_ field: DecisionField) -> T? { row[field.rawValue] }
            func text(_ field: DecisionField) -> String? { row.text(atIndex: field.rawValue) }
            log.append(FullExportItem.DecisionEntry(
                id: row[DecisionField.id.rawValue], kind: row[DecisionField.kind.rawValue], setID: value(.setID),
                candidate: value(.candidate), text: text(.text), reason: text(.reason), targetID: value(.targetID),
                curator: text(.curator) ?? "", at: row[DecisionField.at.rawValue], note: text(.note), batchID: value(.batchID)))
            try rows.advance()
        }
        return log
    }
}

/// The item columns the export reads, in the order of its SELECT: a field's raw value is its
/// position in the row.
private enum ItemField: Int, CaseIterable {
    case id, runID, type, instruction, input, generator, seedIDs, createdAt, status, output, chosen, currentSetID

    var column: Column {
        switch self {
        case .id: Item.Columns.id
        case .runID: Item.Columns.runID
        case .type: Item.Columns.type
        case .instruction: Item.Columns.instruction
        case .input: Item.Columns.input
        case .generator: Item.Columns.generator
        case .seedIDs: Item.Columns.seedIDs
        case .createdAt: Item.Columns.createdAt
        case .status: Item.Columns.status
        case .output: Item.Columns.output
        case .chosen: Item.Columns.chosen
        case .currentSetID: Item.Columns.currentSetID
        }
    }

    static let selectList = allCases.map(\.column.name).joined(separator: ", ")
}

/// The columns of a candidate set joined with its candidates (`s` and `c`), in SELECT order.
private enum SetField: Int, CaseIterable {
    case itemID, setID, ordinal, createdAt, consensusRule, consensusChoice, consensusScores, consensusMargin
    case consensusMatrix, consensusDiscard, consensusFragility
    case position, member, text, promptTokens, completionTokens, latencyMilliseconds, error

    var qualifiedName: String {
        switch self {
        case .itemID: "s." + CandidateSet.Columns.itemID.name
        case .setID: "s." + CandidateSet.Columns.id.name
        case .ordinal: "s." + CandidateSet.Columns.ordinal.name
        case .createdAt: "s." + CandidateSet.Columns.createdAt.name
        case .consensusRule: "s." + CandidateSet.Columns.consensusRule.name
        case .consensusChoice: "s." + CandidateSet.Columns.consensusChoice.name
        case .consensusScores: "s." + CandidateSet.Columns.consensusScores.name
        case .consensusMargin: "s." + CandidateSet.Columns.consensusMargin.name
        case .consensusMatrix: "s." + CandidateSet.Columns.consensusMatrix.name
        case .consensusDiscard: "s." + CandidateSet.Columns.consensusDiscard.name
        case .consensusFragility: "s." + CandidateSet.Columns.consensusFragility.name
        case .position: "c." + Candidate.Columns.position.name
        case .member: "c." + Candidate.Columns.member.name
        case .text: "c." + Candidate.Columns.text.name
        case .promptTokens: "c." + Candidate.Columns.promptTokens.name
        case .completionTokens: "c." + Candidate.Columns.completionTokens.name
        case .latencyMilliseconds: "c." + Candidate.Columns.latencyMilliseconds.name
        case .error: "c." + Candidate.Columns.error.name
        }
    }

    static let selectList = allCases.map(\.qualifiedName).joined(separator: ", ")
}

/// The decision columns the export reads, in SELECT order; the item's id comes first, as the
/// merge join wants.
private enum DecisionField: Int, CaseIterable {
    case itemID, id, kind, setID, candidate, text, reason, targetID, curator, at, note, batchID

    var column: Column {
        switch self {
        case .itemID: Decision.Columns.itemID
        case .id: Decision.Columns.id
        case .kind: Decision.Columns.kind
        case .setID: Decision.Columns.setID
        case .candidate: Decision.Columns.candidate
        case .text: Decision.Columns.text
        case .reason: Decision.Columns.reason
        case .targetID: Decision.Columns.targetID
        case .curator: Decision.Columns.curator
        case .at: Decision.Columns.at
        case .note: Decision.Columns.note
        case .batchID: Decision.Columns.batchID
        }
    }

    static let selectList = allCases.map(\.column.name).joined(separator: ", ")
}
