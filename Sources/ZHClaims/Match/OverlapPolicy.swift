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
        for e in ordered {
            if let blocker = taken.first(where: { $0.candidate.span.overlaps(e.candidate.span) }) {
                losers.append((e, blocker.candidate.rule.rule.id, blocker.candidate.rule.rule.isDeny))
            } else {
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
