import GRDB

/// Writes the items of one read transaction as JSONL, one row at a time.
struct ItemExporter {
    let db: Database
    let request: ExportRequest

    /// `status IN (...)` for the request; statuses are enum raw values, safe to inline.
    var statusCondition: String {
        "status IN (" + request.statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
    }

    func write(to output: ByteOutput) throws -> ExportSummary {
        guard !request.statuses.isEmpty else {
            return ExportSummary(lines: 0, bytes: 0, skippedWithoutOutput: 0)
        }
        switch request.format {
        case .alpaca, .sharegpt:
            return try writeTrainingRows(to: output)
        case .full:
            return try FullItemExporter(db: db, statusCondition: statusCondition).write(to: output)
        }
    }

    private func writeTrainingRows(to output: ByteOutput) throws -> ExportSummary {
        let skipped = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM items WHERE \(statusCondition) AND output IS NULL") ?? 0
        let rows = try Row.fetchCursor(
            db, sql: "SELECT instruction, input, output FROM items WHERE \(statusCondition) AND output IS NOT NULL ORDER BY id")
        var json = JSONTextWriter(capacity: 1 << 16)
        var lines = 0
        let start = output.bytesWritten
        while let row = try rows.next() {
            let instruction: String = row[0]
            let input: String = row[1]
            let outputText: String = row[2]
            json.removeAll()
            if request.format == .alpaca {
                Self.alpaca(&json, instruction: instruction, input: input, output: outputText)
            } else {
                Self.sharegpt(&json, instruction: instruction, input: input, output: outputText)
            }
            json.newline()
            try output.write(json.bytes)
            lines += 1
        }
        try output.flush()
        return ExportSummary(lines: lines, bytes: output.bytesWritten - start, skippedWithoutOutput: skipped)
    }

    static func alpaca(_ json: inout JSONTextWriter, instruction: String, input: String, output: String) {
        json.beginObject()
        json.key("instruction")
        json.string(instruction)
        json.key("input")
        json.string(input)
        json.key("output")
        json.string(output)
        json.endObject()
    }

    /// The human turn is the instruction, then a blank line and the input when there is one.
    static func sharegpt(_ json: inout JSONTextWriter, instruction: String, input: String, output: String) {
        json.beginObject()
        json.key("conversations")
        json.beginArray()
        json.beginObject()
        json.key("from")
        json.string("human")
        json.key("value")
        json.string(input.isEmpty ? instruction : instruction + "\n\n" + input)
        json.endObject()
        json.beginObject()
        json.key("from")
        json.string("gpt")
        json.key("value")
        json.string(output)
        json.endObject()
        json.endArray()
        json.endObject()
    }
}
