extension WorkbenchState {
    /// Absorbs one engine event: live items (and reruns, in place of their item) grow as
    /// candidates stream, and leave once stored.
    public mutating func apply(_ event: LiveEvent) -> [WorkbenchEffect] {
        switch event {
        case .itemStarted(let ticket, let type, let instruction):
            if let index = reruns.firstIndex(where: { $0.ticket == ticket }) {
                reruns[index].candidates = []
                reruns[index].input = nil
                return []
            }
            let item = LiveItem(ticket: ticket, type: type, instruction: instruction)
            let index = live.firstIndex { $0.ticket > ticket } ?? live.count
            live.insert(item, at: index)
        case .instanceReady(let ticket, let input):
            changeLive(ticket) { $0.input = SafeText(input) }
        case .candidateToken(let ticket, let position, let member, let text):
            changeLive(ticket) { item in item.withCandidate(position, member: member) { $0.text += text } }
        case .candidateFinished(let ticket, let position, let member, let text, let error):
            changeLive(ticket) { item in
                item.withCandidate(position, member: member) {
                    $0.text = text
                    $0.isFinished = true
                    $0.error = error
                }
            }
        case .candidateRestarted(let ticket, let position, let member, let reason):
            changeLive(ticket) { item in
                item.withCandidate(position, member: member) {
                    $0.text = ""
                    $0.retryReason = reason
                }
            }
        case .instanceFiltered(let ticket):
            if let item = live.first(where: { $0.ticket == ticket }) {
                status.message = StatusMessage(
                    "the engine's filters dropped the instance of “\(item.instruction.firstLine.prefix(60))” "
                        + "(quorum stats lists why)", .info)
            }
            removeLive(ticket)
        case .itemStored(let ticket, let itemID):
            if let rerun = removeRerun(ticket), let original = rerun.rerunOf {
                status.message = StatusMessage("the new instance of #\(original) is #\(itemID); #\(original) is rejected", .success)
                return [.loadArrivedItem(itemID), .loadItem(original)]
            }
            if case .live(let item) = selectedEntry, item.ticket == ticket { followedArrival = itemID }
            removeLive(ticket)
            return [.loadArrivedItem(itemID)]
        case .rerunStored(let ticket, let itemID):
            removeLive(ticket)
            _ = removeRerun(ticket)
            if let before = details[itemID] { rerunBefore[itemID] = before.candidates.map(\.text.original) }
            status.message = StatusMessage("#\(itemID) has new candidates", .success)
            return [.loadItem(itemID)]
        case .memberFailed(let member, let error):
            engine.lastError = "\(member): \(error)"
            status.message = StatusMessage("\(member): \(error)", .error)
        case .progress(let stored, let target):
            engine.stored = stored
            engine.target = target
        }
        return []
    }

    /// A rerun is over; a failure is shown, and the item is shown as stored again.
    mutating func endRerun(ticket: Int, itemID: Int64, failure: String?) {
        _ = removeRerun(ticket)
        if let failure {
            status.message = StatusMessage("the rerun of #\(itemID) failed: \(failure)", .error)
        }
    }

    private mutating func changeLive(_ ticket: Int, _ change: (inout LiveItem) -> Void) {
        if let index = live.firstIndex(where: { $0.ticket == ticket }) {
            change(&live[index])
        } else if let index = reruns.firstIndex(where: { $0.ticket == ticket }) {
            change(&reruns[index])
        }
    }

    private mutating func removeRerun(_ ticket: Int) -> LiveItem? {
        guard let index = reruns.firstIndex(where: { $0.ticket == ticket }) else { return nil }
        return reruns.remove(at: index)
    }

    /// Removes a live item, keeping the cursor on the entry it was on.
    private mutating func removeLive(_ ticket: Int) {
        guard let index = live.firstIndex(where: { $0.ticket == ticket }) else { return }
        live.remove(at: index)
        let entryIndex = queue.rows.count + index
        if showsLiveItems && queue.cursor > entryIndex { queue.cursor -= 1 }
        queue.cursor = max(0, min(queue.cursor, entryCount - 1))
    }
}
