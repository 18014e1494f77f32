import QuorumJSON

/// Writes alpaca or sharegpt lines to an export destination, exactly as `Store.export` does:
/// how another backend exports the training formats byte for byte like SQLite.
/// Used from one task; `finish()` commits a file destination, dropping the sink abandons it.
public final class TrainingRowSink {
    private let writeRow: ItemExporter.TrainingRowWriter
    private let file: AtomicFile?
    private let output: ByteOutput
    private var json = JSONTextWriter(capacity: 1 << 16)
    private var lines = 0

    /// `format` must be alpaca or sharegpt; `full` is refused.
    public init(format: ExportFormat, destination: ExportDestination) throws {
        switch format {
        case .alpaca: writeRow = ItemExporter.alpaca
        case .sharegpt: writeRow = ItemExporter.sharegpt
        case .full: throw StoreError.invalid("the full format is not a training row")
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

    public func write(instruction: String, input: String, output text: String) throws {
        json.removeAll()
        var instruction = instruction, input = input, text = text
        instruction.withUTF8 { instruction in
            input.withUTF8 { input in
                text.withUTF8 { text in
                    writeRow(&json, UnsafeRawBufferPointer(instruction), UnsafeRawBufferPointer(input), UnsafeRawBufferPointer(text))
                }
            }
        }
        json.newline()
        try output.write(json.bytes)
        lines += 1
    }

    /// Flushes (and for a file, syncs and renames it into place); `skipped` is reported as is.
    public func finish(skippedWithoutOutput skipped: Int) throws -> ExportSummary {
        try output.flush()
        try file?.commit()
        return ExportSummary(lines: lines, bytes: output.bytesWritten, skippedWithoutOutput: skipped)
    }
}
