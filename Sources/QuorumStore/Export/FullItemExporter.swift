import GRDB

/// The `full` format: each item with every candidate set, candidate, consensus and the whole
/// decision log (each event marked active or undone).
struct FullItemExporter {
    let db: Database
    let statusCondition: String

    /// The three cursors of the merge join, each in item order without a sort step.
    var itemsSQL: String {
        """
        SELECT id, run_id, type, instruction, input, generator, seed_ids, created_at,
               status, output, chosen, current_set_id
        FROM items NOT INDEXED WHERE \(statusCondition) ORDER BY id
        """
    }

    static let candidatesSQL = """
        SELECT s.item_id, s.id, s.ordinal, s.created_at, s.consensus_rule, s.consensus_choice,
               s.consensus_scores, s.consensus_margin, s.consensus_matrix, s.consensus_discard,
               c.position, c.member, c.text, c.prompt_tokens, c.completion_tokens, c.latency_ms, c.error
        FROM candidate_sets s LEFT JOIN candidates c ON c.set_id = s.id
        ORDER BY s.item_id, s.ordinal, c.position
        """

    static let decisionsSQL = """
        SELECT item_id, id, kind, set_id, candidate, text, reason, target_id, curator, at, note
        FROM decisions ORDER BY item_id, id
        """

    func write(to output: ByteOutput) throws -> ExportSummary {
        let start = output.bytesWritten
        let items = try Row.fetchCursor(db, sql: itemsSQL)
        var sets = try OrderedRows(Row.fetchCursor(db, sql: Self.candidatesSQL))
        var decisions = try OrderedRows(Row.fetchCursor(db, sql: Self.decisionsSQL))
        var json = JSONTextWriter(capacity: 1 << 16)
        var lines = 0
        while let item = try items.next() {
            let itemID: Int64 = item[0]
            let currentSetID: Int64? = item[11]
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

    private func writeItemFields(_ item: Row, to json: inout JSONTextWriter) {
        json.key("id")
        json.integer(item[0] as Int64)
        json.key("run_id")
        json.integer(item[1] as Int64)
        json.key("type")
        json.string(item[2])
        json.key("instruction")
        json.string(item.text(atIndex: 3) ?? "")
        json.key("input")
        json.string(item.text(atIndex: 4) ?? "")
        json.key("generator")
        json.optionalString(item.text(atIndex: 5))
        json.key("seed_ids")
        json.raw(item[6])
        json.key("created_at")
        json.string(Self.isoTimestamp(item[7]))
        json.key("status")
        json.string(item[8])
        json.key("output")
        json.optionalString(item.text(atIndex: 9))
        json.key("chosen")
        json.optionalInteger(item[10] as Int?)
        json.key("current_set_id")
        json.optionalInteger(item[11] as Int64?)
    }

    private func writeCandidateSets(
        of itemID: Int64, currentSetID: Int64?, from rows: inout OrderedRows, to json: inout JSONTextWriter
    ) throws {
        try rows.skip(before: itemID)
        json.beginArray()
        var openSetID: Int64?
        while let row = rows.current, rows.itemID == itemID {
            let setID: Int64 = row[1]
            if setID != openSetID {
                if openSetID != nil { closeSet(&json) }
                openSet(row, isCurrent: setID == currentSetID, to: &json)
                openSetID = setID
            }
            if let position = row[10] as Int? {
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
        json.integer(row[1] as Int64)
        json.key("ordinal")
        json.integer(row[2] as Int)
        json.key("created_at")
        json.string(Self.isoTimestamp(row[3]))
        json.key("current")
        json.bool(isCurrent)
        json.key("consensus")
        if let rule = row[4] as String? {
            json.beginObject()
            json.key("choice")
            json.optionalInteger(row[5] as Int?)
            json.key("rule")
            json.string(rule)
            json.key("scores")
            json.raw(row[6] as String? ?? "[]")
            json.key("margin")
            json.optionalDouble(row[7] as Double?)
            json.key("matrix")
            json.raw(row[8] as String? ?? "[]")
            json.key("discard")
            json.optionalString(row[9] as String?)
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
        json.key("member")
        json.string(row.text(atIndex: 11) ?? "")
        json.key("text")
        json.string(row.text(atIndex: 12) ?? "")
        json.key("prompt_tokens")
        json.optionalInteger(row[13] as Int?)
        json.key("completion_tokens")
        json.optionalInteger(row[14] as Int?)
        json.key("latency_ms")
        json.optionalDouble(row[15] as Double?)
        json.key("error")
        json.optionalString(row.text(atIndex: 16))
        json.endObject()
    }

    private func writeDecisions(of itemID: Int64, from rows: inout OrderedRows, to json: inout JSONTextWriter) throws {
        try rows.skip(before: itemID)
        var log: [Decision] = []
        var timestamps: [String] = []
        while let row = rows.current, rows.itemID == itemID {
            log.append(Decision(
                id: row[1], itemID: itemID, kind: DecisionKind(rawValue: row[2]) ?? .accept, setID: row[3],
                candidate: row[4], text: row.text(atIndex: 5), reason: row.text(atIndex: 6), targetID: row[7],
                curator: row.text(atIndex: 8) ?? "", at: .distantPast, note: row.text(atIndex: 10)))
            timestamps.append(Self.isoTimestamp(row[9]))
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
