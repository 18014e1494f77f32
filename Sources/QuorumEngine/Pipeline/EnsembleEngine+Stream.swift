import QuorumStore

extension EnsembleEngine {
    /// `generate` as an async stream of its events, ending after the last item is stored
    /// (or with the run's error). Cancelling the consuming task stops the generation.
    public func events(
        _ request: GenerationRequest, runID: Int64, earlierInstructions: [(ItemType, String)],
        gate: GenerationGate? = nil
    ) -> AsyncThrowingStream<EngineEvent, any Error> {
        AsyncThrowingStream(bufferingPolicy: .unbounded) { continuation in
            let generation = Task {
                do {
                    _ = try await self.generate(request, runID: runID, earlierInstructions: earlierInstructions, gate: gate) { event in
                        continuation.yield(event)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in generation.cancel() }
        }
    }
}
