import QuorumEngine
import QuorumTUI

extension LiveEvent {
    /// What the workbench shows of an engine event; nil for those it does not show. The
    /// workbench's own run has no target, so its progress shows the count alone.
    init?(_ event: EngineEvent, runHasTarget: Bool) {
        switch event {
        case .instructionKept, .instructionFiltered, .instructionRound:
            return nil
        case .itemStarted(let ticket, let type, let instruction):
            self = .itemStarted(ticket: ticket, type: type, instruction: instruction)
        case .instanceReady(let ticket, let input):
            self = .instanceReady(ticket: ticket, input: input)
        case .instanceFiltered(let ticket, _):
            self = .instanceFiltered(ticket: ticket)
        case .candidateToken(let ticket, let candidate, let member, let text):
            self = .candidateToken(ticket: ticket, candidate: candidate, member: member, text: text)
        case .candidateRestarted(let ticket, let candidate, let member, let reason):
            self = .candidateRestarted(ticket: ticket, candidate: candidate, member: member, reason: reason)
        case .candidateFinished(let ticket, let candidate, let member, let text, let error):
            self = .candidateFinished(ticket: ticket, candidate: candidate, member: member, text: text, error: error)
        case .itemStored(let ticket, let itemID, _):
            self = .itemStored(ticket: ticket, itemID: itemID)
        case .rerunStored(let ticket, let itemID, _):
            self = .rerunStored(ticket: ticket, itemID: itemID)
        case .memberFailed(let member, let error):
            self = .memberFailed(member: member, error: error)
        case .progress(let stored, let target):
            self = .progress(stored: stored, target: runHasTarget ? target : 0)
        }
    }
}

extension EndpointStatus {
    /// The status bar's view of a member's client statistics.
    init(_ statistics: LMMemberStatistics) {
        self.init(
            member: statistics.member, inFlight: statistics.inFlight, queued: statistics.queued,
            errors: statistics.errors, tokensPerSecond: statistics.tokensPerSecond,
            replicas: statistics.replicas.count > 1
                ? statistics.replicas.map { ReplicaState(inFlight: $0.inFlight, isResting: $0.isResting) } : [])
    }
}
