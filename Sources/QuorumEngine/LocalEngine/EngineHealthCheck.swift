import AsyncHTTPClient
import Foundation

/// Waits for a server to answer on loopback by polling one path, with no fixed sleep: it
/// returns as soon as the server answers 200, or as soon as `isStarting` says the process is
/// gone, or at the deadline.
public enum EngineHealthCheck {
    public enum Outcome: Sendable, Equatable {
        case ready
        case processGone
        case timedOut
    }

    public static let interval = Duration.milliseconds(100)

    public static func wait(
        port: Int, path: String = "/v1/models", timeout: Double,
        isStarting: @Sendable () -> Bool = { true }
    ) async -> Outcome {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while ContinuousClock.now < deadline {
            if await answers(port: port, path: path) { return .ready }
            guard isStarting() else { return await answers(port: port, path: path) ? .ready : .processGone }
            if Task.isCancelled { return .timedOut }
            try? await Task.sleep(for: interval)
        }
        return .timedOut
    }

    /// Whether `GET http://127.0.0.1:PORT/PATH` answers 200 now.
    public static func answers(port: Int, path: String = "/v1/models") async -> Bool {
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        do {
            let response = try await LMHTTPClient.shared.execute(request, timeout: .seconds(5))
            _ = try await response.body.collect(upTo: 1 << 20)
            return response.status == .ok
        } catch {
            return false
        }
    }
}
