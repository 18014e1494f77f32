import QuorumJSON

/// The full format's line for one item: its columns, its candidate sets (each with its
/// consensus and candidates) and its decision log, each event marked active or undone. Both
/// backends write the format through this, so their bytes cannot drift apart.
public enum FullItemWriter {
    /// Appends the item's JSON object, without the newline.
    public static func write(_ item: FullExportItem, to json: inout JSONTextWriter) {
        json.beginObject()
        json.key(Item.Columns.id.name)
        json.integer(item.id)
        json.key(Item.Columns.runID.name)
        json.integer(item.runID)
        json.key(Item.Columns.type.name)
        json.string(item.type)
        json.key(Item.Columns.instruction.name)
        json.string(item.instruction)
        json.key(Item.Columns.input.name)
        json.string(item.input)
        json.key(Item.Columns.generator.name)
        json.optionalString(item.generator)
        json.key(Item.Columns.seedIDs.name)
        json.raw(item.seedIDs)
        json.key(Item.Columns.createdAt.name)
        json.string(isoTimestamp(item.createdAt))
        json.key(Item.Columns.status.name)
        json.string(item.status)
        json.key(Item.Columns.output.name)
        json.optionalString(item.output)
        json.key(Item.Columns.chosen.name)
        json.optionalInteger(item.chosen)
        json.key(Item.Columns.currentSetID.name)
        json.optionalInteger(item.currentSetID)
        json.key("candidate_sets")
        json.beginArray()
        for set in item.sets { write(set, isCurrent: set.id == item.currentSetID, to: &json) }
        json.endArray()
        json.key("decisions")
        writeDecisions(item.decisions, to: &json)
        json.endObject()
    }

    private static func write(_ set: FullExportItem.SetEntry, isCurrent: Bool, to json: inout JSONTextWriter) {
        json.beginObject()
        json.key("id")
        json.integer(set.id)
        json.key("ordinal")
        json.integer(set.ordinal)
        json.key("created_at")
        json.string(isoTimestamp(set.createdAt))
        json.key("current")
        json.bool(isCurrent)
        json.key("consensus")
        if let consensus = set.consensus {
            json.beginObject()
            json.key("choice")
            json.optionalInteger(consensus.choice)
            json.key("rule")
            json.string(consensus.rule)
            json.key("scores")
            json.raw(consensus.scores ?? "[]")
            json.key("margin")
            json.optionalDouble(consensus.margin)
            json.key("fragility")
            json.optionalDouble(consensus.fragility)
            json.key("matrix")
            json.raw(consensus.matrix ?? "[]")
            json.key("discard")
            json.optionalString(consensus.discard)
            json.endObject()
        } else {
            json.null()
        }
        json.key("candidates")
        json.beginArray()
        for candidate in set.candidates { write(candidate, to: &json) }
        json.endArray()
        json.endObject()
    }

    private static func write(_ candidate: FullExportItem.CandidateEntry, to json: inout JSONTextWriter) {
        json.beginObject()
        json.key(Candidate.Columns.position.name)
        json.integer(candidate.position)
        json.key(Candidate.Columns.member.name)
        json.string(candidate.member)
        json.key(Candidate.Columns.text.name)
        json.string(candidate.text)
        json.key(Candidate.Columns.promptTokens.name)
        json.optionalInteger(candidate.promptTokens)
        json.key(Candidate.Columns.completionTokens.name)
        json.optionalInteger(candidate.completionTokens)
        json.key(Candidate.Columns.latencyMilliseconds.name)
        json.optionalDouble(candidate.latencyMilliseconds)
        json.key(Candidate.Columns.error.name)
        json.optionalString(candidate.error)
        json.endObject()
    }

    private static func writeDecisions(_ events: [FullExportItem.DecisionEntry], to json: inout JSONTextWriter) {
        let active = ItemStateDerivation.activeEventIDs(events.map { event in
            Decision(
                id: event.id, itemID: 0, kind: DecisionKind(rawValue: event.kind) ?? .accept, setID: event.setID,
                candidate: nil, text: nil, reason: nil, targetID: event.targetID, curator: event.curator, at: .distantPast, note: nil)
        })
        json.beginArray()
        for event in events {
            json.beginObject()
            json.key("id")
            json.integer(event.id)
            json.key("kind")
            json.string(event.kind)
            json.key("set_id")
            json.optionalInteger(event.setID)
            json.key("candidate")
            json.optionalInteger(event.candidate)
            json.key("text")
            json.optionalString(event.text)
            json.key("reason")
            json.optionalString(event.reason)
            json.key("target_id")
            json.optionalInteger(event.targetID)
            json.key("curator")
            json.string(event.curator)
            json.key("at")
            json.string(isoTimestamp(event.at))
            json.key("note")
            json.optionalString(event.note)
            json.key("batch_id")
            json.optionalInteger(event.batchID)
            json.key("active")
            json.bool(active.contains(event.id))
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
