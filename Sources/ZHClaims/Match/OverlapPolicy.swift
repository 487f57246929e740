/// Decides between candidates that overlap (documented in docs/RULES.md, "Overlap policy"):
/// 1. the longest span wins; 2. on equal length, the higher `priority`; 3. then a deny rule over
/// a claim rule; 4. then the earlier rule (file order); 5. then the earlier start.
/// Deny rules take part like claims: a deny match that wins blocks every candidate it overlaps.
/// Claims never overlap in the output.
enum OverlapPolicy {
    struct Entry {
        let candidate: Candidate
        let claim: Claim?   // nil for deny rules
    }

    /// Returns the claim winners in span order, the deny matches that won, and each loser with
    /// the rule that beat it.
    static func select(_ entries: [Entry]) -> (winners: [Entry], denials: [Entry], losers: [(Entry, beatenBy: String, denied: Bool)]) {
        let ordered = entries.sorted(by: wins)
        var taken: [Entry] = []
        var losers: [(Entry, String, Bool)] = []
        guard let low = entries.map(\.candidate.span.lowerBound).min(),
              let high = entries.map(\.candidate.span.upperBound).max() else { return ([], [], []) }
        // Which taken entry holds each code point: linear in the spans, whatever the number of
        // candidates (a long unterminated sentence can hold thousands).
        var owner = [Int](repeating: -1, count: high - low)
        for e in ordered {
            let span = e.candidate.span
            if let k = span.first(where: { owner[$0 - low] >= 0 }) {
                let blocker = taken[owner[k - low]]
                losers.append((e, blocker.candidate.rule.rule.id, blocker.candidate.rule.rule.isDeny))
            } else {
                for k in span { owner[k - low] = taken.count }
                taken.append(e)
            }
        }
        let winners = taken.filter { !$0.candidate.rule.rule.isDeny }.sorted { $0.candidate.span.lowerBound < $1.candidate.span.lowerBound }
        return (winners, taken.filter { $0.candidate.rule.rule.isDeny }, losers)
    }

    static func wins(_ a: Entry, _ b: Entry) -> Bool {
        let ra = a.candidate.rule, rb = b.candidate.rule
        if a.candidate.span.count != b.candidate.span.count { return a.candidate.span.count > b.candidate.span.count }
        if ra.rule.priority != rb.rule.priority { return ra.rule.priority > rb.rule.priority }
        if ra.rule.isDeny != rb.rule.isDeny { return ra.rule.isDeny }
        if ra.order != rb.order { return ra.order < rb.order }
        return a.candidate.span.lowerBound < b.candidate.span.lowerBound
    }
}
