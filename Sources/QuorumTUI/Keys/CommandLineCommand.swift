import QuorumCore
import QuorumStore

/// A command of the `:` line. `parse` is the one place the line is read; help lists every
/// `Name` with its usage.
public enum CommandLineCommand: Sendable, Equatable {
    case quit
    case export(path: String, format: ExportFormat)
    case filter(QueueFilter)
    /// `:accept`, `:reject REASON`: every pending item the queue's filter shows, as one batch.
    case bulk(DecisionAction)
    case theme(String)
    case order(ReviewOrder)
    case stats
    case help

    public enum Name: String, Sendable, CaseIterable {
        case quit, export, filter, accept, reject, theme, order, stats, help

        /// The words that name the command, the canonical one last.
        public var words: [String] {
            switch self {
            case .quit: return ["q", "quit"]
            default: return [rawValue]
            }
        }

        public var usage: String {
            switch self {
            case .quit: return ":q"
            case .export: return ":export PATH [" + ExportFormat.allCases.map(\.rawValue).joined(separator: "|") + "]"
            case .filter: return ":filter review|all|EXPR"
            case .accept: return ":accept"
            case .reject: return ":reject REASON"
            case .theme: return ":theme NAME"
            case .order: return ":order " + ReviewOrder.allCases.map(\.rawValue).joined(separator: "|")
            case .stats: return ":stats"
            case .help: return ":help"
            }
        }

        public var summary: String {
            switch self {
            case .quit: return "quit"
            case .export: return "export the curated items"
            case .filter: return "show the items a filter passes (status = pending and fragility > 0.3, type = A, fragile, has:note, text ~ \"…\")"
            case .accept: return "accept every pending item the filter shows, as one batch (u undoes it)"
            case .reject: return "reject every pending item the filter shows, as one batch (u undoes it)"
            case .theme: return "switch to a theme"
            case .order: return "oldest first, or the most fragile decisions first"
            case .stats: return "counts, win rates, agreement, distributions, reasons"
            case .help: return "this help"
            }
        }

        init?(word: String) {
            guard let name = Self.allCases.first(where: { $0.words.contains(word) }) else { return nil }
            self = name
        }
    }

    /// The command on `line`, or the message that says what is wrong with it; nil for a
    /// blank line. `themes` are the names `:theme` accepts.
    public static func parse(
        _ line: String, themes: [String], fragileAbove: Double = 0.5
    ) -> Result<CommandLineCommand, Problem>? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let word = words.first else { return nil }
        guard let name = Name(word: word) else {
            let known = Name.allCases.map { ":" + $0.rawValue }.joined(separator: " ")
            return .failure(Problem("unknown command :\(word) (\(known))"))
        }
        let argument = words.count >= 2 ? words[1] : nil
        switch name {
        case .quit: return .success(.quit)
        case .stats: return .success(.stats)
        case .help: return .success(.help)
        case .accept: return .success(.bulk(.accept))
        case .reject:
            let reason = Self.rest(of: line, after: word)
            if reason.isEmpty { return .failure(Problem("usage: " + name.usage)) }
            return .success(.bulk(.reject(reason: reason)))
        case .export:
            guard let path = argument else { return .failure(Problem("usage: " + name.usage)) }
            let formatName = words.count >= 3 ? words[2].lowercased() : ExportFormat.alpaca.rawValue
            guard let format = ExportFormat(rawValue: formatName) else {
                let formats = ExportFormat.allCases.map(\.rawValue)
                return .failure(Problem(
                    "unknown export format \"\(formatName)\" (\(formats.dropLast().joined(separator: ", ")) or \(formats.last!))"))
            }
            return .success(.export(path: path, format: format))
        case .filter:
            let text = Self.rest(of: line, after: word)
            if text.isEmpty { return .failure(Problem("usage: " + name.usage)) }
            if let named = QueueFilter(name: text), named.expression == nil { return .success(.filter(named)) }
            do throws(FilterSyntaxError) {
                return .success(.filter(.expression(text, try FilterExpression.parse(text, fragileAbove: fragileAbove))))
            } catch {
                return .failure(Problem("filter: \(error) · " + Self.excerpt(text, around: error.offset)))
            }
        case .theme:
            guard let theme = argument, themes.contains(theme) else {
                return .failure(Problem("themes: " + themes.joined(separator: ", ")))
            }
            return .success(.theme(theme))
        case .order:
            guard words.count == 2, let order = argument.flatMap(ReviewOrder.init(name:)) else {
                return .failure(Problem("usage: " + name.usage + " (the most fragile come first; there is no other direction)"))
            }
            return .success(.order(order))
        }
    }

    /// The filter with the offending character marked, as one status-bar line.
    private static func excerpt(_ text: String, around offset: Int) -> String {
        let characters = Array(text)
        let at = min(max(offset, 0), characters.count)
        return String(characters[..<at]) + "⟦" + (at < characters.count ? String(characters[at]) : "") + "⟧"
            + (at + 1 < characters.count ? String(characters[(at + 1)...]) : "")
    }

    /// The line after its first word, trimmed.
    private static func rest(of line: String, after word: String) -> String {
        guard let range = line.range(of: word) else { return "" }
        return String(line[range.upperBound...]).trimmingWhitespaceAndNewlines()
    }

    /// Why a `:` line was not run, as the status bar says it.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String

        public init(_ message: String) {
            self.message = message
        }
    }
}
