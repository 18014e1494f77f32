/// The consensus rule of DESIGN.md section 1, step 4.
public enum Consensus {
    public static let defaultMinAgreement = 0.01

    public static func decide(_ candidates: [String], minAgreement: Double = defaultMinAgreement) -> ConsensusResult {
        fatalError("not yet implemented")
    }
}
