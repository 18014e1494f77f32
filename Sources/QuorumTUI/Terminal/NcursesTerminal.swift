import CNcurses
import Foundation

public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal

    public var description: String {
        "the workbench needs a terminal (standard input and output must be a TTY)"
    }
}

private let crashSignals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP]
/// The actions the crash handlers replaced, by signal number; written before they can run.
nonisolated(unsafe) private let previousCrashActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

private func restoreTerminalAndReraise(_ number: Int32) {
    endwin()
    _ = quorum_restore_signal_handler(number, previousCrashActions + Int(number))
    raise(number)
}

/// Where the SIGWINCH handler writes to wake the loop, and the handler (ncurses') it forwards to.
nonisolated(unsafe) private var resizeWakeDescriptor: Int32 = -1
nonisolated(unsafe) private let previousResizeAction = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)

private func forwardResizeAndWake(_ number: Int32) {
    let previous = previousResizeAction.pointee
    if previous.sa_flags & SA_SIGINFO != 0 {
        previous.__sigaction_handler.sa_sigaction?(number, nil, nil)
    } else if let handler = previous.__sigaction_handler.sa_handler,
              unsafeBitCast(handler, to: Int.self) > 1 {
        handler(number)
    }
    var byte: UInt8 = 0
    _ = write(resizeWakeDescriptor, &byte, 1)
}

/// The one place that talks to ncurses: it starts and restores the terminal, copies a
/// `CellGrid` to the screen (only the cells that changed), and turns input into `Key`s.
/// Use it from one thread only.
public final class NcursesTerminal: WorkbenchTerminal {
    public private(set) var size: Size
    public private(set) var colorMode: ColorMode
    /// False in a non-UTF-8 locale: line drawing then uses the terminal's ACS characters and
    /// other non-ASCII text is shown as `?`.
    public let isUTF8: Bool
    private var shown: CellGrid?
    private var roleAttributes: [attr_t]
    private var rolePairs: [Int16]
    private var isActive = false
    private var isWakingOnResize = false

    /// Takes over the terminal. Install handlers for SIGINT and SIGTERM before this, so that
    /// ncurses leaves them alone.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        set_escdelay(25)
        guard quorum_start() else { throw TerminalError.notATerminal }
        isActive = true
        Self.installCrashHandlers()
        isUTF8 = quorum_locale_is_utf8()
        cbreak()
        noecho()
        nonl()
        _ = quorum_keypad(true)
        quorum_enable_mouse()
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
        }
        colorMode = ColorMode.detect(environment: environment, terminalColors: has_colors() ? Int(quorum_colors()) : 0)
        if colorMode != .monochrome && quorum_color_pairs() <= StyleRole.allCases.count { colorMode = .monochrome }
        roleAttributes = Array(repeating: quorum_a_normal(), count: StyleRole.allCases.count)
        rolePairs = Array(repeating: 0, count: StyleRole.allCases.count)
        var rows: Int32 = 0
        var columns: Int32 = 0
        quorum_getmaxyx(&rows, &columns)
        size = Size(width: Int(columns), height: Int(rows))
    }

    deinit {
        restore()
    }

    /// Makes a resize write a byte to `descriptor` (a pipe's end) so its reader wakes at once: ncurses notes a SIGWINCH in its own
    /// handler, but the signal may land on another thread than the one waiting in `poll`.
    public func wakeOnResize(_ descriptor: Int32) {
        resizeWakeDescriptor = descriptor
        _ = quorum_set_signal_handler(SIGWINCH, { forwardResizeAndWake($0) }, previousResizeAction)
        isWakingOnResize = true
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    public func restore() {
        guard isActive else { return }
        isActive = false
        if isWakingOnResize { _ = quorum_restore_signal_handler(SIGWINCH, previousResizeAction) }
        curs_set(1)
        endwin()
        Self.removeCrashHandlers()
    }

    /// A crash must not leave the terminal raw and on the alternate screen: the handlers
    /// restore it, then give the signal back to whoever had it (the Swift runtime's
    /// backtracer, or the default action) so the crash is still reported.
    private static func installCrashHandlers() {
        for number in crashSignals {
            _ = quorum_set_signal_handler(number, { restoreTerminalAndReraise($0) }, previousCrashActions + Int(number))
        }
    }

    private static func removeCrashHandlers() {
        for number in crashSignals {
            _ = quorum_restore_signal_handler(number, previousCrashActions + Int(number))
        }
    }

    /// Hands the terminal to `body` (an editor, say), then takes it back and repaints.
    public func suspend(_ body: () -> Void) {
        endwin()
        body()
        shown = nil
        _ = quorum_refresh()
    }

    /// Sets every role's colours and attributes from `theme`, and repaints everything.
    public func apply(_ theme: Theme) {
        for role in StyleRole.allCases {
            let style = theme.resolve(role, mode: colorMode)
            let index = Int(role.rawValue)
            roleAttributes[index] = attributes(style.attributes)
            if colorMode != .monochrome {
                let pair = Int16(index + 1)
                init_pair(pair, Int16(style.foreground), Int16(style.background))
                rolePairs[index] = pair
            } else {
                rolePairs[index] = 0
            }
        }
        shown = nil
    }

    /// Reads the size ncurses now reports (after a resize key).
    public func refreshSize() -> Size {
        var rows: Int32 = 0
        var columns: Int32 = 0
        quorum_getmaxyx(&rows, &columns)
        size = Size(width: Int(columns), height: Int(rows))
        return size
    }

    /// Copies `grid` to the screen: every cell after a resize or a theme change, otherwise
    /// only the cells that differ from the last frame.
    public func present(_ grid: CellGrid) {
        let previous = shown?.size == grid.size ? shown : nil
        if previous == nil { _ = quorum_clear() }
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if let previous, previous[x, y] == cell,
                   cell.width == 1 || (x + 1 < grid.width && previous[x + 1, y] == grid[x + 1, y]) {
                    continue
                }
                paint(cell, x: x, y: y)
            }
        }
        shown = grid
        _ = quorum_refresh()
    }

    private func paint(_ cell: Cell, x: Int, y: Int) {
        let index = Int(cell.style.rawValue)
        let attributes = roleAttributes[index] | self.attributes(cell.attributes)
        let pair = rolePairs[index]
        let base = cell.glyph.base
        if base < 0x80 && cell.glyph.markScalars.isEmpty {
            _ = quorum_put_narrow(Int32(y), Int32(x), chtype(base), attributes, pair)
            return
        }
        guard isUTF8 else {
            _ = quorum_put_narrow(Int32(y), Int32(x), Self.asciiFallback(Unicode.Scalar(base) ?? "?"), attributes, pair)
            if cell.width == 2 { _ = quorum_put_narrow(Int32(y), Int32(x + 1), chtype(UInt8(ascii: " ")), attributes, pair) }
            return
        }
        // Where the C library disagrees with the grid about the width, a replacement keeps
        // the columns aligned.
        if quorum_wcwidth(base) != Int32(cell.width) {
            _ = quorum_put_wide(Int32(y), Int32(x), [wchar_t(0xFFFD), 0], attributes, pair)
            if cell.width == 2 { _ = quorum_put_narrow(Int32(y), Int32(x + 1), chtype(UInt8(ascii: " ")), attributes, pair) }
            return
        }
        var text = [wchar_t(base)] + cell.glyph.markScalars.map { wchar_t($0) }
        text.append(0)
        _ = quorum_put_wide(Int32(y), Int32(x), text, attributes, pair)
    }

    private static func asciiFallback(_ scalar: Unicode.Scalar) -> chtype {
        switch scalar {
        case "─": return quorum_acs(UInt8(ascii: "q"))
        case "│": return quorum_acs(UInt8(ascii: "x"))
        case "┌": return quorum_acs(UInt8(ascii: "l"))
        case "┐": return quorum_acs(UInt8(ascii: "k"))
        case "└": return quorum_acs(UInt8(ascii: "m"))
        case "┘": return quorum_acs(UInt8(ascii: "j"))
        case "▸", "▶": return chtype(UInt8(ascii: ">"))
        case "…", "⋯": return chtype(UInt8(ascii: "~"))
        default: return chtype(UInt8(ascii: "?"))
        }
    }

    private func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = quorum_a_normal()
        if attributes.contains(.bold) { result |= quorum_a_bold() }
        if attributes.contains(.dim) { result |= quorum_a_dim() }
        if attributes.contains(.underline) { result |= quorum_a_underline() }
        if attributes.contains(.reverse) { result |= quorum_a_reverse() }
        if attributes.contains(.italic) { result |= quorum_a_italic() }
        return result
    }

    /// Waits until a key arrives, `wakeDescriptor` becomes readable or `timeout` passes,
    /// then returns every key already typed.
    public func waitForKeys(wakeDescriptor: Int32, timeoutMilliseconds: Int32) -> [Key] {
        var keys = pendingKeys()
        guard keys.isEmpty else { return keys }
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        _ = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
        keys = pendingKeys()
        return keys
    }

    private func pendingKeys() -> [Key] {
        _ = quorum_nodelay(true)
        var keys: [Key] = []
        var value: wint_t = 0
        while true {
            let result = quorum_read_wide(&value)
            if result == ERR { break }
            keys.append(result == KEY_CODE_YES ? Self.functionKey(Int32(value)) : Self.characterKey(UInt32(value)))
        }
        return keys
    }

    private static func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return mouseKey()
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case quorum_key_f(1)...quorum_key_f(12): return .function(Int(code - quorum_key_f(0)))
        default: return .unknown(Int(code))
        }
    }

    private static func mouseKey() -> Key {
        var y: Int32 = 0
        var x: Int32 = 0
        let point = { Point(x: Int(x), y: Int(y)) }
        switch quorum_read_mouse(&y, &x) {
        case 1: return .mouse(MouseEvent(.click, at: point()))
        case 4: return .mouse(MouseEvent(.wheelUp, at: point()))
        case 5: return .mouse(MouseEvent(.wheelDown, at: point()))
        default: return .unknown(Int(KEY_MOUSE))
        }
    }

    static func characterKey(_ value: UInt32) -> Key {
        switch value {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(Int(value)) }
            return .character(Character(scalar))
        }
    }
}
