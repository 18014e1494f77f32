import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Loopback ports for the server: a free one picked by the kernel, or a check that one is free.
public enum LoopbackPort {
    /// A port on 127.0.0.1 that nothing listens on now (bound to port 0, then released).
    public static func free() throws(LocalEngineError) -> Int {
        guard let port = bind(0) else { throw .cannotWrite("a loopback socket", reason: String(cString: strerror(errno))) }
        return port
    }

    /// Whether `port` on 127.0.0.1 can be bound now.
    public static func isFree(_ port: Int) -> Bool {
        bind(port) != nil
    }

    /// Binds a TCP socket on 127.0.0.1:`port`, reads back its port and closes it.
    private static func bind(_ port: Int) -> Int? {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                #if canImport(Glibc)
                    Glibc.bind(descriptor, socketAddress, length) == 0
                        && getsockname(descriptor, socketAddress, &length) == 0
                #else
                    Darwin.bind(descriptor, socketAddress, length) == 0
                        && getsockname(descriptor, socketAddress, &length) == 0
                #endif
            }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
    }
}
