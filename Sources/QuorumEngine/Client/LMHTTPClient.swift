import AsyncHTTPClient

/// The HTTP client the language models share unless given another.
///
/// Unlike `HTTPClient.shared` it fails a request at once when a server refuses the connection
/// (instead of retrying the connection until its timeout: the model's own retries decide),
/// allows many connections per host (a fleet behind one address, many members on one server),
/// and never follows redirects, so an `Authorization` header cannot leak to another host.
public enum LMHTTPClient {
    public static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10)),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 256)
        )
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
