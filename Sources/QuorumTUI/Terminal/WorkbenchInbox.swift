import Foundation

/// Where other threads leave actions for the workbench's loop (store results, engine events,
/// signals); posting also wakes the loop through a pipe it polls beside the keyboard.
public final class WorkbenchInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [WorkbenchAction] = []
    /// The end the loop polls.
    public let wakeDescriptor: Int32
    /// The end that wakes it; a signal handler may write a byte here (`write` is safe there).
    public let wakeWriter: Int32

    public init() {
        var descriptors: [Int32] = [0, 0]
        precondition(pipe(&descriptors) == 0, "cannot create the workbench's wake-up pipe")
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        wakeDescriptor = descriptors[0]
        wakeWriter = descriptors[1]
    }

    deinit {
        close(wakeDescriptor)
        close(wakeWriter)
    }

    public func post(_ action: WorkbenchAction) {
        lock.lock()
        pending.append(action)
        lock.unlock()
        var byte: UInt8 = 1
        // A full pipe already holds a wake-up; nothing is lost.
        _ = write(wakeWriter, &byte, 1)
    }

    /// Every action posted so far, oldest first.
    public func drain() -> [WorkbenchAction] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(wakeDescriptor, &buffer, buffer.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        let actions = pending
        pending.removeAll()
        return actions
    }
}
