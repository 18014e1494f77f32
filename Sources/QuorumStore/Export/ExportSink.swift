import QuorumJSON

/// Writes export lines to a destination exactly as `Store.export` does: how another backend
/// exports byte for byte like SQLite, through the same row writers.
/// Used from one task; `finish()` commits a file destination, dropping the sink abandons it.
public final class ExportSink {
    private let format: ExportFormat
    private let writeRow: ItemExporter.TrainingRowWriter?
    private let file: AtomicFile?
    private let output: ByteOutput
    private var json = JSONTextWriter(capacity: 1 << 16)
    private var lines = 0
    private var skipped = 0

    public init(format: ExportFormat, destination: ExportDestination) throws {
        self.format = format
        switch format {
        case .alpaca: writeRow = ItemExporter.alpaca
        case .sharegpt: writeRow = ItemExporter.sharegpt
        case .full: writeRow = nil
        }
        switch destination {
        case .standardOutput:
            file = nil
            output = ByteOutput(descriptor: 1, name: "standard output")
        case .file(let path):
            let file = try AtomicFile(path: path)
            self.file = file
            output = ByteOutput(descriptor: file.descriptor, name: path)
        }
    }

    /// One line of alpaca or sharegpt; a full-format sink refuses it.
    public func write(instruction: String, input: String, output text: String) throws {
        guard let writeRow else { throw StoreError.invalid("the full format is not a training row") }
        json.removeAll()
        var instruction = instruction, input = input, text = text
        instruction.withUTF8 { instruction in
            input.withUTF8 { input in
                text.withUTF8 { text in
                    writeRow(&json, UnsafeRawBufferPointer(instruction), UnsafeRawBufferPointer(input), UnsafeRawBufferPointer(text))
                }
            }
        }
        try endLine()
    }

    /// The item's line in the sink's format; in a training format an item without output
    /// writes nothing and is counted as skipped.
    public func write(_ item: FullExportItem) throws {
        guard format == .full else {
            guard let text = item.output else {
                skipped += 1
                return
            }
            return try write(instruction: item.instruction, input: item.input, output: text)
        }
        json.removeAll()
        FullItemWriter.write(item, to: &json)
        try endLine()
    }

    private func endLine() throws {
        json.newline()
        try output.write(json.bytes)
        lines += 1
    }

    /// Flushes (and for a file, syncs and renames it into place); reports `skipped` on top of
    /// the items without output `write(_:)` was given.
    public func finish(skippedWithoutOutput skipped: Int = 0) throws -> ExportSummary {
        try output.flush()
        try file?.commit()
        return ExportSummary(lines: lines, bytes: output.bytesWritten, skippedWithoutOutput: self.skipped + skipped)
    }
}
