import Testing
@testable import ZHClaims

/// The overlap selection resolves a candidate only when it is reached unblocked; dropping a
/// candidate at that point must give the same winners as dropping it before the selection.
struct OverlapPolicyTests {
    /// Two claim rules (the second of higher priority) and a deny rule: the selection reads only
    /// the candidates' rules, spans and priorities.
    static let book: RuleBook = try! RuleBook.build([[(path: "t/o.yaml", text: """
    rules:
    \(countRule("t.a", priority: 0))
    \(countRule("t.b", priority: 1))
      - id: t.deny
        deny: true
        pattern: x
        examples:
          - text: x
            expect: []
    """)]])

    static func countRule(_ id: String, priority: Int) -> String {
        """
          - id: \(id)
            kind: count
            priority: \(priority)
            pattern: (?<num>[0-9]+)
            examples:
              - text: 共12
                expect: [{text: "12", value: 12}]
        """
    }

    func candidate(_ rule: Int, _ span: Range<Int>) -> Candidate {
        Candidate(rule: Self.book.rules[rule], span: span, groups: [span])
    }

    func entry(_ c: Candidate) -> OverlapPolicy.Entry { .init(candidate: c, claim: nil) }

    @Test func onlyUnblockedCandidatesAreEvaluated() {
        // 0..<6 wins by length; 2..<4 and 5..<7 overlap it; 8..<9 stands alone.
        let cs = [candidate(0, 2..<4), candidate(0, 0..<6), candidate(1, 5..<7), candidate(0, 8..<9)]
        var asked: [Int] = []
        let r = OverlapPolicy.select(cs) { asked.append($0); return entry(cs[$0]) }
        #expect(asked.sorted() == [1, 3])
        #expect(r.winners.map(\.candidate.span) == [0..<6, 8..<9])
        #expect(r.losers.map(\.index).sorted() == [0, 2])
    }

    @Test func aDroppedCandidateBlocksNothing() {
        let cs = [candidate(0, 2..<4), candidate(0, 0..<6), candidate(2, 3..<5)]
        // The longest does not resolve: the deny (equal length, deny first) takes 3..<5, and the
        // claim at 2..<4 loses to it.
        let r = OverlapPolicy.select(cs) { $0 == 1 ? nil : entry(cs[$0]) }
        #expect(r.winners.isEmpty)
        #expect(r.denials.map(\.candidate.span) == [3..<5])
        #expect(r.losers.map(\.index) == [0])
    }

    @Test func lazyDroppingEqualsDroppingFirst() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var cs: [Candidate] = []
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                let lo = Int.random(in: 0..<20, using: &rng)
                let c = candidate(Int.random(in: 0..<3, using: &rng), lo..<(lo + Int.random(in: 1...5, using: &rng)))
                // One match per rule and start, as the matcher gives.
                if !cs.contains(where: { $0.rule.order == c.rule.order && $0.span.lowerBound == lo }) { cs.append(c) }
            }
            let dropped = Set(cs.indices.filter { _ in Bool.random(using: &rng) })
            let lazy = OverlapPolicy.select(cs) { dropped.contains($0) ? nil : entry(cs[$0]) }
            let kept = cs.indices.filter { !dropped.contains($0) }.map { cs[$0] }
            let eager = OverlapPolicy.select(kept) { entry(kept[$0]) }
            #expect(lazy.winners.map(\.candidate.span) == eager.winners.map(\.candidate.span))
            #expect(lazy.denials.map(\.candidate.span) == eager.denials.map(\.candidate.span))
            // Winners come in span order and never overlap.
            let spans = lazy.winners.map(\.candidate.span)
            #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.upperBound <= $1.lowerBound })
        }
    }
}
