// PerPeriodApproxTests.swift — a bounding marker before 每 and its period bounds the number after
// the period (PerPeriodApprox.swift).
//
// Made-up sentences, one pattern each.
import Testing
@testable import ZHClaims

@Suite struct PerPeriodApproxTests {
    @Test func aLowerBoundBeforeThePeriodBoundsTheNumber() throws {
        #expect(try approxes("该小组至少每季度召开两次会议。").map(\.approx) == [.at_least])
        #expect(try approxes("标准不低于每人每年800元。").map(\.approx) == [.at_least])
    }

    @Test func anUpperBoundToo() throws {
        #expect(try approxes("车速不超过每小时40公里。").map(\.approx) == [.at_most])
    }

    @Test func aPeriodWithANumberIsNotBoundedButTheCountAfterItIs() throws {
        let found = try approxes("资料至少每3个月更新一次。")
        #expect(found.last?.text == "一次")
        #expect(found.last?.approx == .at_least)
        #expect(found.dropLast().allSatisfy { $0.approx == nil })
    }

    @Test func onlyTheFirstNumberAfterThePeriodAndOnlyInItsClause() throws {
        let found = try approxes("他至少每年回乡三次，每次住五天。")
        #expect(found.map(\.text) == ["三次", "五天"])
        #expect(found.map(\.approx) == [.at_least, nil])
    }

    @Test func otherMarkersAndMissingMarkersSetNothing() throws {
        #expect(try approxes("约每天服药3次。").map(\.approx) == [nil])
        #expect(try approxes("每天服药3次。").map(\.approx) == [nil])
    }

    @Test func aMarkerOfTheNumberItselfIsKept() throws {
        #expect(try approxes("至少每年约300人报名。").map(\.approx) == [.about])
    }
}
