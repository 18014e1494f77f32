/// Shares rows between blocks of text that may not all fit: each block gets what it needs
/// when possible, otherwise an even share (water filling), the focused block first.
enum LineAllocation {
    /// Rows for each of `needs`, summing to at most `budget`. With `focus`, every other block
    /// keeps one row (when it needs any) and the focused block takes what it needs of the rest.
    static func allocate(_ needs: [Int], budget: Int, focus: Int? = nil) -> [Int] {
        var allocation = needs.map { _ in 0 }
        var remaining = max(0, budget)
        if let focus, needs.indices.contains(focus) {
            for index in needs.indices where index != focus && needs[index] > 0 && remaining > 0 {
                allocation[index] = 1
                remaining -= 1
            }
            let given = min(needs[focus], remaining)
            allocation[focus] = given
            remaining -= given
        }
        var open = needs.indices.filter { allocation[$0] < needs[$0] }
        while remaining > 0 && !open.isEmpty {
            let share = max(1, remaining / open.count)
            for index in open where remaining > 0 {
                let given = min(share, needs[index] - allocation[index], remaining)
                allocation[index] += given
                remaining -= given
            }
            open = open.filter { allocation[$0] < needs[$0] }
        }
        return allocation
    }
}
