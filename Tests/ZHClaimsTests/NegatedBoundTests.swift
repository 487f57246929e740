// NegatedBoundTests.swift — a comparison negated by 不 (and a modal) bounds the number from the
// other side, and joins the span (NegatedBound.swift).
//
// Made-up sentences, one pattern each.
import Testing
@testable import ZHClaims

@Suite struct NegatedBoundTests {
    @Test func aNegatedOverIsAtMost() throws {
        #expect(try approxes("单笔罚款不得超过500元。").map { [$0.text, "\($0.approx!)"] } == [["不得超过500元", "at_most"]])
        #expect(try approxes("每桌不可多於4人。").map { [$0.text, "\($0.approx!)"] } == [["不可多於4人", "at_most"]])
        #expect(try approxes("排队时间将不超30分钟。").map(\.approx) == [.at_most])
    }

    @Test func aNegatedUnderIsAtLeast() throws {
        #expect(try approxes("金額不會少於20萬英鎊。").map { [$0.text, "\($0.approx!)"] } == [["不會少於20萬英鎊", "at_least"]])
        #expect(try approxes("首付比例不得低于50%。").map(\.approx) == [.at_least])
    }

    @Test func withoutNegationTheComparisonKeepsItsOwnMeaning() throws {
        #expect(try approxes("罚款超过500元。").map { [$0.text, "\($0.approx!)"] } == [["超过500元", "over"]])
        #expect(try approxes("每桌多於4人。").map(\.approx) == [nil])
    }

    @Test func theWordsTheRulesKnowStayAsTheyAre() throws {
        #expect(try approxes("罚款不超过500元，不少于100元。").map(\.approx) == [.at_most, .at_least])
    }

    @Test func aClaimBeforeKeepsItsSpan() throws {
        // The negation would reach into the claim before: nothing moves.
        let found = try approxes("2020年不超过3次。")
        #expect(found.first?.text == "2020年")
        #expect(found.last?.approx == .at_most)
    }
}
