/// Where matching time goes, per rule (by rule order), for `zhclaims rules profile`: time in
/// PCRE2 calls, how many calls (anchored attempts, or scan steps for scanned rules) and how many
/// of them matched. Many attempts with few matches point at a rule whose start set is too wide.
public struct RuleProfile: Sendable {
    public var nanoseconds: [UInt64]
    public var attempts: [Int]
    public var matches: [Int]

    public init(rules: Int) {
        nanoseconds = Array(repeating: 0, count: rules)
        attempts = Array(repeating: 0, count: rules)
        matches = Array(repeating: 0, count: rules)
    }

    /// Adds one PCRE2 call of rule `order` that started at `start`.
    mutating func record(_ order: Int, since start: ContinuousClock.Instant, matched: Bool) {
        let d = ContinuousClock.now - start
        nanoseconds[order] += UInt64(d.components.seconds) * 1_000_000_000 + UInt64(d.components.attoseconds / 1_000_000_000)
        attempts[order] += 1
        if matched { matches[order] += 1 }
    }
}
