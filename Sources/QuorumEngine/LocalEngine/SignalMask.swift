#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Children inherit the signal mask of the thread that spawns them, and Dispatch's worker
/// threads block most signals: a build or server spawned from one would never see SIGINT or
/// SIGTERM. Spawning with no signal blocked keeps Ctrl-C and `kill` working on them.
enum SignalMask {
    static func unblocked<Result>(_ body: () throws -> Result) rethrows -> Result {
        var none = sigset_t()
        var previous = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }
}
