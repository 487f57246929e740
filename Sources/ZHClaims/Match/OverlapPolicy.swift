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
    ///
    /// Candidates are taken greedily in `wins` order. `evaluate` is asked for a candidate's entry
    /// only when no taken entry overlaps it, and may return nil to drop it (a claim that does not
    /// resolve): a dropped candidate blocks nothing, so the outcome is the same as dropping it
    /// before the selection, while the candidates that lose anyway are never resolved.
    /// `evaluate` and the losers name candidates by their index in `candidates`.
    static func select(_ candidates: [Candidate], evaluate: (Int) -> Entry?)
        -> (winners: [Entry], denials: [Entry], losers: [(index: Int, beatenBy: String, denied: Bool)]) {
        guard candidates.count > 1 else {
            guard let c = candidates.first, let e = evaluate(0) else { return ([], [], []) }
            return c.rule.rule.isDeny ? ([], [e], []) : ([e], [], [])
        }
        let ordered = candidates.indices.sorted { wins(candidates[$0], candidates[$1]) }
        var taken: [Entry] = []
        var losers: [(Int, String, Bool)] = []
        var low = Int.max, high = Int.min
        for c in candidates { low = min(low, c.span.lowerBound); high = max(high, c.span.upperBound) }
        // Which taken entry holds each code point: linear in the spans, whatever the number of
        // candidates (a long unterminated sentence can hold thousands).
        var owner = [Int].filled(-1, count: high - low)
        for i in ordered {
            let span = candidates[i].span
            if let k = span.first(where: { owner[$0 - low] >= 0 }) {
                let blocker = taken[owner[k - low]]
                losers.append((i, blocker.candidate.rule.rule.id, blocker.candidate.rule.rule.isDeny))
            } else if let e = evaluate(i) {
                for k in span { owner[k - low] = taken.count }
                taken.append(e)
            }
        }
        return (winners(taken, owner: owner), taken.filter { $0.candidate.rule.rule.isDeny }, losers)
    }

    /// The taken claim entries in span order. Taken spans never overlap, so walking `owner`
    /// meets them in that order: no sort, and one copy of the entries (a long unterminated
    /// sentence can hold a hundred thousand).
    private static func winners(_ taken: [Entry], owner: [Int]) -> [Entry] {
        var winners: [Entry] = []
        winners.reserveCapacity(taken.count)
        var last = -1
        for k in owner where k >= 0 && k != last {
            last = k
            if !taken[k].candidate.rule.rule.isDeny { winners.append(taken[k]) }
        }
        return winners
    }

    static func wins(_ a: Candidate, _ b: Candidate) -> Bool {
        let ra = a.rule, rb = b.rule
        if a.span.count != b.span.count { return a.span.count > b.span.count }
        if ra.rule.priority != rb.rule.priority { return ra.rule.priority > rb.rule.priority }
        if ra.rule.isDeny != rb.rule.isDeny { return ra.rule.isDeny }
        if ra.order != rb.order { return ra.order < rb.order }
        return a.span.lowerBound < b.span.lowerBound
    }
}
