import Foundation

/// Timestamps as the SQLite store writes them (GRDB's format, UTC, milliseconds), so both
/// backends hold and export the same text.
enum StoredTime {
    static func text(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        let whole = Date(timeIntervalSince1970: milliseconds / 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
        let millis = Int(milliseconds.truncatingRemainder(dividingBy: 1000) + 1000) % 1000
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d.%03d", parts.year!, parts.month!, parts.day!, parts.hour!,
            parts.minute!, parts.second!, millis)
    }

    static func date(_ text: String) -> Date? {
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "UTC")
        parser.dateFormat = "yyyy-MM-dd HH:mm:ss.SSS"
        return parser.date(from: text)
    }
}
