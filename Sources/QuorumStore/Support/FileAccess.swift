#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// POSIX checks and messages the store's refusals are made of.
enum FileAccess {
    /// The errno that stops this process writing `path`, or nil when it may.
    static func writeDenial(_ path: String) -> Int32? {
        access(path, W_OK) == 0 ? nil : errno
    }

    /// `write(2)`, under a name that methods called `write` do not shadow.
    static func write(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
