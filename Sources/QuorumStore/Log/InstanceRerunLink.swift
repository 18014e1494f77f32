/// How an instance rerun ties its two items together in the log: the old item is rejected
/// with a reason naming the new one, and undoing that rejection withdraws the new item with
/// a reason naming the old one, so the instruction is never queued twice.
public enum InstanceRerunLink {
    static let replacedPrefix = "instance rerun as item "
    static let withdrawnPrefix = "withdrawn: the instance rerun of item "

    /// The rejection reason of an item replaced by item `newItemID`.
    public static func replacedReason(by newItemID: Int64) -> String {
        replacedPrefix + String(newItemID)
    }

    /// The new item a rejection reason names, when it is an instance rerun's.
    public static func newItem(inReason reason: String?) -> Int64? {
        itemID(after: replacedPrefix, in: reason)
    }

    static func withdrawnReason(rerunOf oldItemID: Int64) -> String {
        withdrawnPrefix + String(oldItemID) + " was undone"
    }

    static func isWithdrawal(_ reason: String?, rerunOf oldItemID: Int64) -> Bool {
        reason == withdrawnReason(rerunOf: oldItemID)
    }

    private static func itemID(after prefix: String, in reason: String?) -> Int64? {
        guard let reason, reason.hasPrefix(prefix) else { return nil }
        let digits = reason.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return Int64(digits)
    }
}
