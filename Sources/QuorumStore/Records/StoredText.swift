import Foundation
import GRDB

// Text goes into and out of SQLite with its byte count, so a U+0000 inside it is kept.
//
// GRDB binds a String with `sqlite3_bind_text(…, -1, …)` and reads one back with
// `String(cString:)` (columns, SQL function arguments and results alike), so both ways stop
// at the first NUL: an instruction "a\u0000b" was stored as "a". The store therefore binds
// its texts as their UTF-8 bytes and lets the SQL make them TEXT (`CAST(? AS TEXT)` keeps
// every byte), and reads them through `sqlite3_column_blob`/`sqlite3_column_bytes`
// (`Row.withUnsafeData`), which works on a TEXT column too. Rows read this way must come from
// a cursor (`fetchCursor`, or a record's `fetchOne`/`fetchAll`, which decode from the
// statement): `Row.fetchAll`/`Row.fetchOne` copy each value through `String(cString:)` first.

/// A text (nil for NULL) bound as its UTF-8 bytes; the placeholder must be written `CAST(? AS TEXT)`.
func textArgument(_ text: String?) -> Data? { text.map { Data($0.utf8) } }

extension Row {
    /// The text at `index`, every byte of it, or nil for NULL.
    func text(atIndex index: Int) -> String? {
        (try? withUnsafeData(atIndex: index) { data in data.map { String(decoding: $0, as: UTF8.self) } }) ?? nil
    }

    /// The text in `column`, every byte of it, or nil for NULL or no such column.
    func text(named column: String) -> String? {
        (try? withUnsafeData(named: column) { data in data.map { String(decoding: $0, as: UTF8.self) } }) ?? nil
    }

    /// The text in `column`, every byte of it, or nil for NULL or no such column.
    func text(_ column: Column) -> String? {
        text(named: column.name)
    }
}
