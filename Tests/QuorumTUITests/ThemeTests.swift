import Foundation
import XCTest
@testable import QuorumTUI

final class ThemeTests: XCTestCase {
    static let themesFolder = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path

    private func parse(_ text: String) throws(ThemeError) -> Theme {
        try ThemeLoader.parse(text, file: "themes/bad.toml", defaultName: "bad")
    }

    private func error(_ text: String) -> ThemeError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    func testTheShippedThemesLoadAndDefineEveryRole() {
        let catalog = ThemeCatalog.load(directory: Self.themesFolder)
        XCTAssertEqual(catalog.problems, [])
        XCTAssertEqual(Array(catalog.names.prefix(3)), ["dark", "light", "high-contrast"])
        for name in ["dark", "light", "high-contrast"] {
            let theme = try! XCTUnwrap(catalog.theme(named: name))
            XCTAssertEqual(Set(theme.styles.keys), Set(StyleRole.allCases), name)
            for role in StyleRole.allCases {
                let style = theme.style(for: role)
                XCTAssertNotNil(style.foreground8 ?? Optional(style.foreground.basic), "\(name) \(role)")
            }
        }
    }

    func testSyntaxErrorsNameTheLine() {
        let problem = error("name = \"x\"\n[styles]\ntext = { fg = }\n")
        XCTAssertEqual(problem?.file, "themes/bad.toml")
        XCTAssertEqual(problem?.line, 3)
        XCTAssertTrue(problem!.message.hasPrefix("TOML syntax error"))
    }

    func testBadColoursNameTheFileLineAndKey() {
        let problem = error("name = \"x\"\n\n[styles]\ntext = { fg = 252 }\nselection = { fg = 300, bg = 24 }\n")
        XCTAssertEqual(problem?.line, 5)
        XCTAssertEqual(problem?.key, "styles.selection.fg")
        XCTAssertEqual(problem?.description,
                       "themes/bad.toml:5: styles.selection.fg: expected a colour number from 0 to 255, found 300")
        XCTAssertEqual(error("[styles]\ntext = { fg = \"#12345\" }\n")?.key, "styles.text.fg")
        XCTAssertEqual(error("[styles]\ntext = { fg8 = \"orange\" }\n")?.key, "styles.text.fg8")
    }

    func testUnknownRolesKeysAndAttributesAreRefused() {
        let role = error("[styles]\ntext = { fg = 1 }\n\nsparkle = { fg = 2 }\n")
        XCTAssertEqual(role?.line, 4)
        XCTAssertEqual(role?.key, "styles.sparkle")
        XCTAssertTrue(role!.message.contains("unknown style"))
        let key = error("[styles]\ntext = { fg = 1, colour = 2 }\n")
        XCTAssertEqual(key?.key, "styles.text.colour")
        XCTAssertEqual(key?.line, 2)
        let attribute = error("[styles.text]\nfg = 1\nattributes = [\"blink\"]\n")
        XCTAssertEqual(attribute?.key, "styles.text.attributes")
        XCTAssertEqual(attribute?.line, 3)
        XCTAssertEqual(error("name = \"x\"\nauthor = \"me\"\n")?.line, 2)
        XCTAssertEqual(error("styles = 3\n")?.key, "styles")
        XCTAssertEqual(error("name = 3\n")?.key, "name")
    }

    func testColoursParse() throws {
        let theme = try parse("""
            [styles]
            text = { fg = "#ff0000", bg = "default" }
            muted = { fg = "bright-blue", fg8 = "blue", attributes = ["dim", "italic"] }
            title = { fg = "#808080" }
            """)
        XCTAssertEqual(theme.name, "bad")
        XCTAssertEqual(theme.style(for: .text).foreground, .indexed(196))
        XCTAssertEqual(theme.style(for: .text).background, .terminalDefault)
        XCTAssertEqual(theme.style(for: .muted).foreground, .indexed(12))
        XCTAssertEqual(theme.style(for: .muted).attributes, [.dim, .italic])
        XCTAssertEqual(theme.style(for: .title).foreground, .indexed(244))
        XCTAssertEqual(theme.style(for: .heat3), theme.style(for: .text), "roles left out look like text")
    }

    func testColourModesAndNoColor() {
        XCTAssertEqual(ColorMode.detect(environment: ["NO_COLOR": "1"], terminalColors: 256), .monochrome)
        XCTAssertEqual(ColorMode.detect(environment: ["NO_COLOR": ""], terminalColors: 256), .indexed256)
        XCTAssertEqual(ColorMode.detect(environment: [:], terminalColors: 8), .basic8)
        XCTAssertEqual(ColorMode.detect(environment: [:], terminalColors: 0), .monochrome)
    }

    func testResolvingForEachMode() throws {
        let theme = try parse("""
            [styles]
            text = { fg = 252 }
            selection = { fg = 231, bg = 24, bg8 = "blue", attributes = ["bold"] }
            """)
        XCTAssertEqual(theme.resolve(.selection, mode: .indexed256), ResolvedStyle(foreground: 231, background: 24, attributes: .bold))
        XCTAssertEqual(theme.resolve(.selection, mode: .basic8), ResolvedStyle(foreground: 7, background: 4, attributes: .bold))
        XCTAssertEqual(theme.resolve(.selection, mode: .monochrome),
                       ResolvedStyle(foreground: -1, background: -1, attributes: [.bold, .reverse]))
        XCTAssertEqual(theme.resolve(.shared, mode: .monochrome).attributes, .underline,
                       "without colour the shared tokens are still marked")
        XCTAssertEqual(theme.resolve(.shared, mode: .indexed256).attributes, .underline, "a role left out still stands out")
    }

    func testTheNearestColoursAreSensible() {
        XCTAssertEqual(ThemeColor(name: "#000000"), .indexed(16))
        XCTAssertEqual(ThemeColor(name: "#ffffff"), .indexed(231))
        XCTAssertEqual(ThemeColor(name: "#0000ff"), .indexed(21))
        XCTAssertEqual(ThemeColor.indexed(196).basic, .red)
        XCTAssertEqual(ThemeColor.indexed(46).basic, .green)
        XCTAssertEqual(ThemeColor.indexed(9).basic, .red)
        XCTAssertEqual(ThemeColor.indexed(235).basic, .black)
    }

    func testACatalogReportsBrokenFilesAndKeepsTheRest() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("name = \"calm\"\n[styles]\ntext = { fg = 1 }\n".utf8).write(to: folder.appendingPathComponent("calm.toml"))
        try Data("[styles]\ntext = { fg = -1 }\n".utf8).write(to: folder.appendingPathComponent("broken.toml"))
        let catalog = ThemeCatalog.load(directory: folder.path)
        XCTAssertEqual(catalog.names, ["calm"])
        XCTAssertEqual(catalog.problems.count, 1)
        XCTAssertEqual(catalog.problems.first?.line, 2)
        XCTAssertTrue(catalog.problems.first!.file.hasSuffix("broken.toml"))
    }

    func testNoThemesFallsBackToPlain() {
        let catalog = ThemeCatalog(themes: [])
        XCTAssertEqual(catalog.names, ["plain"])
        XCTAssertEqual(catalog.theme(named: "plain")?.resolve(.selection, mode: .indexed256).attributes, .reverse)
    }

    func testLocatingTheThemesFolder() {
        XCTAssertEqual(ThemeCatalog.locateDirectory(explicit: "/x", environment: [:], currentDirectory: "/", executablePath: ""), "/x")
        XCTAssertEqual(ThemeCatalog.locateDirectory(explicit: nil, environment: ["QUORUM_THEMES": "/y"], currentDirectory: "/",
                                                    executablePath: ""), "/y")
        let repository = (Self.themesFolder as NSString).deletingLastPathComponent
        XCTAssertEqual(ThemeCatalog.locateDirectory(
            explicit: nil, environment: [:], currentDirectory: "/nonexistent",
            executablePath: repository + "/.build-tui/debug/quorum"), Self.themesFolder)
    }
}
