/// Which seed tasks the few-shot prompts of steps 2 and 3 show.
public enum InstanceDemonstrationChoice: Sendable, Equatable {
    /// The first seeds of the type in file order, the same for every item, so every prompt of
    /// a type shares its prefix and a caching server evaluates it once (the reference's way).
    case fixedTemplate
    /// The same number of seeds drawn afresh for every item, as Quorum did before fixed
    /// templates: no two prompts share more than their header.
    case sampledPerItem
}
