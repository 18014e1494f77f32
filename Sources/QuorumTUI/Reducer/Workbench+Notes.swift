extension Workbench {
    /// `n` outside a spot-check: a prompt for a note on the selected item.
    static func openNote(_ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard let item = decidableItem(&state, allowStreaming: true) else { return [] }
        state.overlay = .prompt(Prompt(.note(itemID: item.id)))
        return []
    }

    /// Sends the note to the item's log; the cursor stays, since a note decides nothing.
    static func addNote(_ text: String, to itemID: Int64, _ prompt: Prompt, _ state: inout WorkbenchState) -> [WorkbenchEffect] {
        guard !text.isEmpty else {
            state.overlay = .prompt(prompt)
            message("type the note (Esc to cancel)", .warning, &state)
            return []
        }
        state.pendingWrites += 1
        message("adding a note to #\(itemID)…", .info, &state)
        return [.decide(itemID: itemID, .note(text))]
    }
}
