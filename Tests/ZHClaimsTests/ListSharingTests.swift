// ListSharingTests.swift — numbers listed before a claim take its unit (ListSharing.swift).
//
// Made-up sentences, one pattern each.
import Testing
@testable import ZHClaims

/// The claims of `text` as (span text, kind, value, unit, rule, subject).
private func claims(_ text: String) throws
    -> [(text: String, kind: ClaimKind, value: String?, unit: String?, rule: String, subject: String?)] {
    let extractor = try DocumentExtractor(book: try RuleBook.load(folders: []))
    let result = try extractor.extract(Document(id: "t", text: text))
    let buffer = result.segmented.buffer
    return result.claims.map { (buffer.text($0.span), $0.kind, $0.value?.description, $0.unit, $0.rule, $0.subject) }
}

@Suite struct ListSharingTests {
    @Test func listedNumbersTakeTheUnitOfTheLastOne() throws {
        let found = try claims("目标价分别为1348、1355和1360美元。")
        #expect(found.map(\.text) == ["1348", "1355", "1360美元"])
        #expect(found.map(\.unit) == ["美元", "美元", "美元"])
        #expect(found.map(\.value) == ["1348", "1355", "1360"])
        #expect(found.prefix(2).allSatisfy { $0.kind == .money && $0.rule == ListSharing.ruleID })
    }

    @Test func theMultiplierAppliesToEveryItem() throws {
        let found = try claims("甲乙公司估值分别为1.5及2.3亿元。")
        #expect(found.map(\.value) == ["150000000", "230000000"])
    }

    @Test func kindAndChangeAreShared() throws {
        let found = try claims("各项指标较上月分别上升0.6、0.7和0.3个百分点。")
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.kind == .change && $0.unit == "百分点" })
    }

    @Test func ordinalListsAreNotLists() throws {
        #expect(try claims("违反基本法第8、18、19及22條的规定。").allSatisfy { $0.rule != ListSharing.ruleID })
    }

    @Test func itemNumbersAtALineStartAreNotItems() throws {
        #expect(try claims("\u{3000}\u{3000}1、2个百分点的差距").map(\.text) == ["2个百分点"])
    }

    @Test func shorthandRangesAreNotLists() throws {
        // 3、40人 is 三四十人 and 12、3萬 is 十二三万: neither is a list of two numbers.
        #expect(try claims("现场约有3、40人。").map(\.text) == ["40人"])
        #expect(try claims("全书约12、3萬字。").allSatisfy { $0.rule != ListSharing.ruleID })
    }

    @Test func listedNumbersShareTheSubjectOfTheLastOne() throws {
        #expect(try claims("分别有177和156家基金。").map(\.subject) == ["基金", "基金"])
    }

    @Test func valuesListedAfterAChangeAreChanges() throws {
        let found = try claims("两市成交额同比分别增长5.1%、6.2%和7%，占比30%。")
        #expect(found.map(\.text) == ["5.1%", "6.2%", "7%", "30%"])
        #expect(found.map(\.kind) == [.change, .change, .change, .percent])
    }

    @Test func neighbouringNumbersAreARangeNotAList() throws {
        let found = try claims("市场规模是7、8亿元。")
        #expect(found.map(\.text) == ["7、8亿元"])
    }

    @Test func aChangeVerbBeforeTheListMakesEveryItemAChange() throws {
        let points = try claims("指标分别回落0.7和0.4个百分点。")
        #expect(points.map(\.text) == ["0.7", "0.4个百分点"])
        #expect(points.allSatisfy { $0.kind == .change })
        let extractor = try DocumentExtractor(book: try RuleBook.load(folders: []))
        let found = try extractor.extract(Document(id: "t", text: "指标分别回落0.7和0.4个百分点，利润同比分别增长12.3、8.5%和7%。")).claims
        #expect(found.map(\.change) == [.down, .down, .up, .up, .up])
        #expect(found.map(\.kind) == [.change, .change, .change, .change, .change])
        #expect(found.suffix(3).allSatisfy { $0.basis == .yoy })
    }

    @Test func 了AndAnApproxWordMayStandBetweenTheVerbAndTheList() throws {
        let extractor = try DocumentExtractor(book: try RuleBook.load(folders: []))
        let found = try extractor.extract(Document(id: "t", text: "涨幅分别比5月份收窄了1.3、1.2和0.9个百分点，比例分别上升约16和13个百分点。")).claims
        #expect(found.filter { $0.kind != .date }.map(\.change) == [.down, .down, .down, .up, .up])
    }

    @Test func withoutAVerbTheListKeepsItsKind() throws {
        let extractor = try DocumentExtractor(book: try RuleBook.load(folders: []))
        let found = try extractor.extract(Document(id: "t", text: "指标分别为0.7和0.4个百分点，占比分别为12.3、8.5%。")).claims
        #expect(found.map(\.change) == [nil, nil, nil, nil])
        #expect(found.suffix(2).allSatisfy { $0.kind == .percent })
    }
}
