/// A span a rule matched, before values are computed: the match stage's output.
public struct Candidate: Sendable {
    public let rule: CompiledRule
    /// The claim span, in document code points (after `\K`, before any lookahead).
    public let span: Range<Int>
    /// Every capture group's range in document code points (nil when unset), by group number.
    public let groups: [Range<Int>?]

    /// The range a role's group captured: the first of its groups that took part, if any.
    public func range(_ role: GroupRole) -> Range<Int>? {
        for n in rule.slots[role] where n < groups.count {
            if let r = groups[n] { return r }
        }
        return nil
    }
}

/// Why a candidate did not become a claim; shown by `explain`.
public enum DropReason: Sendable, CustomStringConvertible {
    case wordBoundary(String)
    case denied(by: String)
    case overlap(with: String)
    case unresolved(String)
    case matchLimit

    public var description: String {
        switch self {
        case let .wordBoundary(w): return "starts or ends inside the word \(w)"
        case let .denied(id): return "blocked by deny rule \(id)"
        case let .overlap(id): return "overlaps a longer or higher-priority match of \(id)"
        case let .unresolved(why): return "no value: \(why)"
        case .matchLimit: return "hit the PCRE2 match limit"
        }
    }
}
