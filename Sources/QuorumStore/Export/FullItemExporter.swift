import GRDB
import QuorumJSON

/// The `full` format: each item with every candidate set, candidate, consensus and the whole
/// decision log (each event marked active or undone).
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
        while let item = try items.next() {
            let itemID: Int64 = item[ItemField.id.rawValue]
            let currentSetID: Int64? = item[ItemField.currentSetID.rawValue]
            json.removeAll()
            json.beginObject()
            writeItemFields(item, to: &json)
            json.key("candidate_sets")
            try writeCandidateSets(of: itemID, currentSetID: currentSetID, from: &sets, to: &json)
            json.key("decisions")
            try writeDecisions(of: itemID, from: &decisions, to: &json)
            json.endObject()
            json.newline()
            try output.write(json.bytes)
            lines += 1
        }
        try output.flush()
        return ExportSummary(lines: lines, bytes: output.bytesWritten - start, skippedWithoutOutput: 0)
    }

    /// Every item column under its own name, in the order of the SELECT.
    private func writeItemFields(_ item: Row, to json: inout JSONTextWriter) {
        for field in ItemField.allCases {
            json.key(field.column.name)
            let index = field.rawValue
            switch field {
            case .id, .runID: json.integer(item[index] as Int64)
            case .type, .status: json.string(item[index])
            case .instruction, .input: json.string(item.text(atIndex: index) ?? "")
            case .generator, .output: json.optionalString(item.text(atIndex: index))
            case .seedIDs: json.raw(item[index])
            case .createdAt: json.string(Self.isoTimestamp(item[index]))
            case .chosen: json.optionalInteger(item[index] as Int?)
            case .currentSetID: json.optionalInteger(item[index] as Int64?)
            }
        }
    }

    private func writeCandidateSets(
        of itemID: Int64, currentSetID: Int64?, from rows: inout OrderedRows, to json: inout JSONTextWriter
    ) throws {
        try rows.skip(before: itemID)
        json.beginArray()
        var openSetID: Int64?
        while let row = rows.current, rows.itemID == itemID {
            let setID: Int64 = row[SetField.setID.rawValue]
            if setID != openSetID {
                if openSetID != nil { closeSet(&json) }
                openSet(row, isCurrent: setID == currentSetID, to: &json)
                openSetID = setID
            }
            if let position = row[SetField.position.rawValue] as Int? {
                writeCandidate(row, position: position, to: &json)
            }
            try rows.advance()
        }
        if openSetID != nil { closeSet(&json) }
        json.endArray()
    }

    /// Writes a set's own fields and consensus, and opens its candidate array.
    private func openSet(_ row: Row, isCurrent: Bool, to json: inout JSONTextWriter) {
        json.beginObject()
        json.key("id")
        json.integer(row[SetField.setID.rawValue] as Int64)
        json.key("ordinal")
        json.integer(row[SetField.ordinal.rawValue] as Int)
        json.key("created_at")
        json.string(Self.isoTimestamp(row[SetField.createdAt.rawValue]))
        json.key("current")
        json.bool(isCurrent)
        json.key("consensus")
        if let rule = row[SetField.consensusRule.rawValue] as String? {
            json.beginObject()
            json.key("choice")
            json.optionalInteger(row[SetField.consensusChoice.rawValue] as Int?)
            json.key("rule")
            json.string(rule)
            json.key("scores")
            json.raw(row[SetField.consensusScores.rawValue] as String? ?? "[]")
            json.key("margin")
            json.optionalDouble(row[SetField.consensusMargin.rawValue] as Double?)
            json.key("fragility")
            json.optionalDouble(row[SetField.consensusFragility.rawValue] as Double?)
            json.key("matrix")
            json.raw(row[SetField.consensusMatrix.rawValue] as String? ?? "[]")
            json.key("discard")
            json.optionalString(row[SetField.consensusDiscard.rawValue] as String?)
            json.endObject()
        } else {
            json.null()
        }
        json.key("candidates")
        json.beginArray()
    }

    private func closeSet(_ json: inout JSONTextWriter) {
        json.endArray()
        json.endObject()
    }

    private func writeCandidate(_ row: Row, position: Int, to json: inout JSONTextWriter) {
        json.beginObject()
        json.key("position")
        json.integer(position)
        json.key(Candidate.Columns.member.name)
        json.string(row.text(atIndex: SetField.member.rawValue) ?? "")
        json.key(Candidate.Columns.text.name)
        json.string(row.text(atIndex: SetField.text.rawValue) ?? "")
        json.key(Candidate.Columns.promptTokens.name)
        json.optionalInteger(row[SetField.promptTokens.rawValue] as Int?)
        json.key(Candidate.Columns.completionTokens.name)
        json.optionalInteger(row[SetField.completionTokens.rawValue] as Int?)
        json.key(Candidate.Columns.latencyMilliseconds.name)
        json.optionalDouble(row[SetField.latencyMilliseconds.rawValue] as Double?)
        json.key(Candidate.Columns.error.name)
        json.optionalString(row.text(atIndex: SetField.error.rawValue))
        json.endObject()
    }

    private func writeDecisions(of itemID: Int64, from rows: inout OrderedRows, to json: inout JSONTextWriter) throws {
        try rows.skip(before: itemID)
        var log: [Decision] = []
        var timestamps: [String] = []
        while let row = rows.current, rows.itemID == itemID {
            func value<T: DatabaseValueConvertible>(_ field: DecisionField) -> T? { row[field.rawValue] }
            func text(_ field: DecisionField) -> String? { row.text(atIndex: field.rawValue) }
            log.append(Decision(
                id: value(.id), itemID: itemID, kind: value(.kind).flatMap(DecisionKind.init(rawValue:)) ?? .accept,
                setID: value(.setID), candidate: value(.candidate), text: text(.text), reason: text(.reason),
                targetID: value(.targetID), curator: text(.curator) ?? "", at: .distantPast, note: text(.note), batchID: value(.batchID)))
            timestamps.append(Self.isoTimestamp(row[DecisionField.at.rawValue]))
            try rows.advance()
        }
        let active = ItemStateDerivation.activeEventIDs(log)
        json.beginArray()
        for (decision, timestamp) in zip(log, timestamps) {
            json.beginObject()
            json.key("id")
            json.optionalInteger(decision.id)
            json.key("kind")
            json.string(decision.kind.rawValue)
            json.key("set_id")
            json.optionalInteger(decision.setID)
            json.key("candidate")
            json.optionalInteger(decision.candidate)
            json.key("text")
            json.optionalString(decision.text)
            json.key("reason")
            json.optionalString(decision.reason)
            json.key("target_id")
            json.optionalInteger(decision.targetID)
            json.key("curator")
            json.string(decision.curator)
            json.key("at")
            json.string(timestamp)
            json.key("note")
            json.optionalString(decision.note)
            json.key("batch_id")
            json.optionalInteger(decision.batchID)
            json.key("active")
            json.bool(active.contains(decision.id!))
            json.endObject()
        }
        json.endArray()
    }

    /// GRDB stores dates as UTC "yyyy-MM-dd HH:mm:ss.SSS"; exports use ISO 8601.
    static func isoTimestamp(_ stored: String) -> String {
        var bytes = Array(stored.utf8)
        if bytes.count > 10, bytes[10] == UInt8(ascii: " ") { bytes[10] = UInt8(ascii: "T") }
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
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
