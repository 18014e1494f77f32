import GRDB
import QuorumJSON

/// Writes the items of one read transaction as JSONL, one row at a time.
struct ItemExporter {
    let db: Database
    let request: ExportRequest

    /// `status IN (...)` for the request (statuses are enum raw values, safe to inline), and
    /// its filter's condition on `items`.
    var statusCondition: String {
        let statuses = "\(Item.Columns.status.name) IN (" + request.statuses.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"
        guard let filter = request.filter else { return statuses }
        return statuses + " AND " + FilterSQL(alias: Item.databaseTableName).condition(filter).sql
    }

    /// The filter's values, bound in every query that uses `statusCondition`.
    var arguments: StatementArguments {
        request.filter.map { FilterSQL(alias: Item.databaseTableName).condition($0).arguments } ?? []
    }

    func write(to output: ByteOutput) throws -> ExportSummary {
        guard !request.statuses.isEmpty else {
            return ExportSummary(lines: 0, bytes: 0, skippedWithoutOutput: 0)
        }
        switch request.format {
        case .alpaca:
            return try writeTrainingRows(to: output, Self.alpaca)
        case .sharegpt:
            return try writeTrainingRows(to: output, Self.sharegpt)
        case .full:
            return try FullItemExporter(db: db, statusCondition: statusCondition, arguments: arguments).write(to: output)
        }
    }

    /// Rows in id order by a plain scan: through the status index SQLite would sort every
    /// selected row, text included, before returning the first.
    var trainingRowsSQL: String {
        let output = Item.Columns.output.name
        return "SELECT \(Item.Columns.instruction.name), \(Item.Columns.input.name), \(output) "
            + "FROM \(Item.databaseTableName) NOT INDEXED WHERE \(statusCondition) AND \(output) IS NOT NULL "
            + "ORDER BY \(Item.Columns.id.name)"
    }

    /// How one row of a training format is written: the writer, then the instruction, input
    /// and output's UTF-8 bytes.
    typealias TrainingRowWriter = (
        inout JSONTextWriter, UnsafeRawBufferPointer, UnsafeRawBufferPointer, UnsafeRawBufferPointer
    ) -> Void

    private func writeTrainingRows(to output: ByteOutput, _ writeRow: TrainingRowWriter) throws -> ExportSummary {
        let skipped = try Int.fetchOne(
            db,
            sql: "SELECT COUNT(*) FROM \(Item.databaseTableName) WHERE \(statusCondition) AND \(Item.Columns.output.name) IS NULL",
            arguments: arguments
        ) ?? 0
        let rows = try Row.fetchCursor(db, sql: trainingRowsSQL, arguments: arguments)
        var json = JSONTextWriter(capacity: 1 << 16)
        var lines = 0
        let start = output.bytesWritten
        while let row = try rows.next() {
            json.removeAll()
            try Self.withText(row, 0) { instruction in
                try Self.withText(row, 1) { input in
                    try Self.withText(row, 2) { text in
                        writeRow(&json, instruction, input, text)
                    }
                }
            }
            json.newline()
            try output.write(json.bytes)
            lines += 1
        }
        try output.flush()
        return ExportSummary(lines: lines, bytes: output.bytesWritten - start, skippedWithoutOutput: skipped)
    }

    /// A text column's UTF-8 bytes, read in place: no String is made for the export's
    /// largest columns.
    private static func withText<T>(_ row: Row, _ index: Int, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        try row.withUnsafeData(atIndex: index) { data in
            guard let data else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
            return try data.withUnsafeBytes(body)
        }
    }

    static func alpaca(
        _ json: inout JSONTextWriter, instruction: UnsafeRawBufferPointer, input: UnsafeRawBufferPointer,
        output: UnsafeRawBufferPointer
    ) {
        json.beginObject()
        json.key("instruction")
        json.string(utf8: instruction)
        json.key("input")
        json.string(utf8: input)
        json.key("output")
        json.string(utf8: output)
        json.endObject()
    }

    private static let blankLine: StaticString = "\n\n"

    /// The human turn is the instruction, then a blank line and the input when there is one.
    static func sharegpt(
        _ json: inout JSONTextWriter, instruction: UnsafeRawBufferPointer, input: UnsafeRawBufferPointer,
        output: UnsafeRawBufferPointer
    ) {
        json.beginObject()
        json.key("conversations")
        json.beginArray()
        json.beginObject()
        json.key("from")
        json.string("human")
        json.key("value")
        if input.isEmpty {
            json.string(utf8: instruction)
        } else {
            let separator = UnsafeRawBufferPointer(start: blankLine.utf8Start, count: blankLine.utf8CodeUnitCount)
            json.string(utf8: instruction, separator, input)
        }
        json.endObject()
        json.beginObject()
        json.key("from")
        json.string("gpt")
        json.key("value")
        json.string(utf8: output)
        json.endObject()
        json.endArray()
        json.endObject()
    }
}
