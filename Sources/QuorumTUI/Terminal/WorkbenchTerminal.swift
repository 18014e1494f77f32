/// What the workbench loop asks of a terminal: its size, a frame shown, the keys typed, and
/// the screen handed to another program for a while. `NcursesTerminal` is the real one;
/// tests drive the loop with a scripted one.
public protocol WorkbenchTerminal: AnyObject {
    var size: Size { get }
    /// Makes a resize write a byte to `descriptor` so the loop's wait ends at once.
    func wakeOnResize(_ descriptor: Int32)
    /// The size after a `.resize` key.
    func refreshSize() -> Size
    /// Sets every role's colours and attributes; the next frame repaints everything.
    func apply(_ theme: Theme)
    func present(_ grid: CellGrid)
    /// Waits until a key arrives, `wakeDescriptor` becomes readable or the timeout passes,
    /// then returns every key already typed.
    func waitForKeys(wakeDescriptor: Int32, timeoutMilliseconds: Int32) -> [Key]
    /// Hands the screen to `body` (an editor), then takes it back.
    func suspend(_ body: () -> Void)
    /// Gives the terminal back as it was. Safe to call more than once.
    func restore()
}
