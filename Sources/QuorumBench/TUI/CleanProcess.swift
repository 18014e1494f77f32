import Foundation
import QuorumSession
import QuorumTUI

/// A child started with `CleanSpawnAttributes`, and with no descriptor of ours but the
/// pipes asked for.
final class CleanProcess {
    let pid: pid_t
    /// Our end of the child's standard input, when `pipeInput` was asked for.
    let input: Int32?
    /// Our end of the child's standard output, when `pipeOutput` was asked for.
    let output: Int32?
    private var exitStatus: Int32?

    init(_ path: String, _ arguments: [String], environment: [String: String], pipeInput: Bool = false, pipeOutput: Bool = false) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let inputPipe = pipeInput ? try Self.makePipe() : nil
        let outputPipe = pipeOutput ? try Self.makePipe() : nil
        if let inputPipe {
            posix_spawn_file_actions_adddup2(&actions, inputPipe.read, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        if let outputPipe {
            posix_spawn_file_actions_adddup2(&actions, outputPipe.write, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        Self.markEveryDescriptorCloseOnExec()

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var child: pid_t = 0
        let result = CleanSpawnAttributes.with { posix_spawn(&child, path, &actions, &$0, argv, envp) }
        if let inputPipe { close(inputPipe.read) }
        if let outputPipe { close(outputPipe.write) }
        guard result == 0 else {
            if let inputPipe { close(inputPipe.write) }
            if let outputPipe { close(outputPipe.read) }
            throw BenchTUIError("cannot start \(path): \(String(cString: strerror(result)))")
        }
        pid = child
        input = inputPipe?.write
        output = outputPipe?.read
    }

    deinit {
        if let input { close(input) }
        if let output { close(output) }
    }

    /// Descriptors we inherited or opened without O_CLOEXEC would otherwise live on in a
    /// long-lived child (the tmux server), keeping the pipes of whoever started us open.
    private static func markEveryDescriptorCloseOnExec() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for descriptor in names.compactMap({ Int32($0) }) where descriptor > 2 {
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// Both ends close on exec: only the child's dup2'd copies survive into it.
    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw BenchTUIError("pipe: \(String(cString: strerror(errno)))") }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// The exit status once the child has ended (without waiting), else nil.
    func poll() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        exitStatus = CleanSpawnAttributes.exitStatus(fromWaitStatus: status)
        return exitStatus
    }

    /// Waits up to `seconds` for the child to end, polling; kills it if it has not.
    @discardableResult
    func reap(within seconds: Double) -> Int32 {
        let deadline = MonotonicClock.now() + UInt64(seconds * 1e9)
        while MonotonicClock.now() < deadline {
            if let status = poll() { return status }
            usleep(2_000)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        exitStatus = 128 + SIGKILL
        return exitStatus!
    }
}

struct BenchTUIError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
