import Foundation
import TOMLKit

/// Reads a theme file: `name`, `description` and a `[styles]` table with one entry per role,
/// `{ fg, bg, fg8, bg8, attributes }`. Anything unexpected stops the load with a
/// `ThemeError` naming the file, the line and the key.
public enum ThemeLoader {
    static let topLevelKeys = ["name", "description", "styles"]
    static let styleKeys = ["fg", "bg", "fg8", "bg8", "attributes"]
    static let attributeNames: [(String, TextAttributes)] =
        [("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse), ("italic", .italic)]

    public static func load(path: String) throws(ThemeError) -> Theme {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ThemeError(file: path, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ThemeError(file: path, message: "is not valid UTF-8")
        }
        let fallbackName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try parse(text, file: path, defaultName: fallbackName)
    }

    public static func parse(_ text: String, file: String, defaultName: String) throws(ThemeError) -> Theme {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, message: "TOML syntax error: \(error.description)")
        } catch {
            throw ThemeError(file: file, message: "TOML syntax error: \(error)")
        }
        let reader = Reader(file: file, lines: TOMLKeyLines(source: text))
        try reader.checkKeys(root, allowed: topLevelKeys, at: [])
        let name = try reader.string(root["name"], at: ["name"]) ?? defaultName
        let description = try reader.string(root["description"], at: ["description"]) ?? ""
        var styles: [StyleRole: ThemeStyle] = [:]
        if let value = root["styles"] {
            guard let table = value.table else { throw reader.error(["styles"], "expected a table of styles") }
            for key in table.keys.sorted(by: reader.byLine(["styles"])) {
                guard let role = StyleRole(themeKey: key) else {
                    throw reader.error(["styles", key], "unknown style (styles are: "
                        + StyleRole.allCases.map(\.themeKey).joined(separator: ", ") + ")")
                }
                styles[role] = try reader.style(table[key]!, at: ["styles", key])
            }
        }
        return Theme(name: name, description: description, styles: styles)
    }

    private struct Reader {
        let file: String
        let lines: TOMLKeyLines

        func error(_ path: [String], _ message: String) -> ThemeError {
            ThemeError(file: file, line: lines.line(of: path), key: path.joined(separator: "."), message: message)
        }

        func byLine(_ parent: [String]) -> (String, String) -> Bool {
            { a, b in (lines.line(of: parent + [a]) ?? .max, a) < (lines.line(of: parent + [b]) ?? .max, b) }
        }

        func checkKeys(_ table: TOMLTable, allowed: [String], at path: [String]) throws(ThemeError) {
            if let unknown = table.keys.sorted(by: byLine(path)).first(where: { !allowed.contains($0) }) {
                throw error(path + [unknown], "unknown key (expected one of: \(allowed.joined(separator: ", ")))")
            }
        }

        func string(_ value: (any TOMLValueConvertible)?, at path: [String]) throws(ThemeError) -> String? {
            guard let value else { return nil }
            guard let text = value.string else { throw error(path, "expected a string") }
            return text
        }

        func style(_ value: any TOMLValueConvertible, at path: [String]) throws(ThemeError) -> ThemeStyle {
            guard let table = value.table else {
                throw error(path, "expected a table such as { fg = 252, bg = \"default\", attributes = [\"bold\"] }")
            }
            try checkKeys(table, allowed: styleKeys, at: path)
            var style = ThemeStyle()
            if let fg = table["fg"] { style.foreground = try color(fg, at: path + ["fg"]) }
            if let bg = table["bg"] { style.background = try color(bg, at: path + ["bg"]) }
            if let fg8 = table["fg8"] { style.foreground8 = try basicColor(fg8, at: path + ["fg8"]) }
            if let bg8 = table["bg8"] { style.background8 = try basicColor(bg8, at: path + ["bg8"]) }
            if let attributes = table["attributes"] { style.attributes = try self.attributes(attributes, at: path + ["attributes"]) }
            return style
        }

        private func color(_ value: any TOMLValueConvertible, at path: [String]) throws(ThemeError) -> ThemeColor {
            if let number = value.int {
                guard (0...255).contains(number) else {
                    throw error(path, "expected a colour number from 0 to 255, found \(number)")
                }
                return .indexed(UInt8(number))
            }
            if let name = value.string, let color = ThemeColor(name: name) { return color }
            throw error(path, "expected a colour: 0–255, \"#rrggbb\", a name such as \"red\" or \"bright-blue\", or \"default\"")
        }

        private func basicColor(_ value: any TOMLValueConvertible, at path: [String]) throws(ThemeError) -> BasicColor {
            if let name = value.string, let color = BasicColor(rawValue: name.lowercased()) { return color }
            throw error(path, "expected one of the eight basic colours or \"default\" ("
                + BasicColor.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }

        private func attributes(_ value: any TOMLValueConvertible, at path: [String]) throws(ThemeError) -> TextAttributes {
            guard let array = value.array else { throw error(path, "expected an array such as [\"bold\", \"underline\"]") }
            var result: TextAttributes = []
            for element in array {
                guard let name = element.string, let attribute = attributeNames.first(where: { $0.0 == name })?.1 else {
                    throw error(path, "expected attribute names from: " + attributeNames.map(\.0).joined(separator: ", "))
                }
                result.insert(attribute)
            }
            return result
        }
    }
}
