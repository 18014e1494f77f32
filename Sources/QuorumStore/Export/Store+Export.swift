import Foundation
import GRDB

extension Store {
    /// Streams the selected items as JSONL from one read snapshot, alongside any writer.
    public func export(_ request: ExportRequest, to destination: ExportDestination) async throws -> ExportSummary {
        try await read { db in
            switch destination {
            case .standardOutput:
                let output = ByteOutput(descriptor: 1, name: "standard output")
                let summary = try ItemExporter(db: db, request: request).write(to: output)
                try output.flush()
                return summary
            case .file(let path):
                let file = try AtomicFile(path: path)
                defer { file.abandon() }
                let output = ByteOutput(descriptor: file.descriptor, name: path)
                let summary = try ItemExporter(db: db, request: request).write(to: output)
                try output.flush()
                try file.commit()
                return summary
            }
        }
    }
}
