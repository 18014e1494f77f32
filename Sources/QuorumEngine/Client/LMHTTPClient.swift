import AsyncHTTPClient

/// The HTTP client the language models share unless given another.
///
/// Unlike `HTTPClient.shared` it fails a request at once when a server refuses the connection
/// (instead of retrying the connection until its timeout: the model's own retries decide),
/// allows many connections per host (a fleet behind one address, many members on one server),
/// and never follows redirects, so an `Authorization` header cannot leak to another host. Idle
/// connections are dropped after 4 s, before llama-server closes its own after 5 s: a request
/// never goes out on a connection the server has just closed.
public enum LMHTTPClient {
    public static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10)),
            connectionPool: .init(idleTimeout: .seconds(4), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)
        )
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
