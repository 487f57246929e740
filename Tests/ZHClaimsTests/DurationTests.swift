import Testing
@testable import ZHClaims

/// Durations written in compound and "half" forms: one claim, exact value in the smallest unit
/// written; clock times stay dates and scores stay counts.
struct DurationTests {
    static let book = RuleExampleTests.book

    func read(_ text: String) throws -> [String] {
        let r = try DocumentExtractor(book: Self.book).extract(Document(id: "t", text: text))
        let b = r.segmented.buffer
        return r.claims.map { c in
            "\(b.text(c.span)) \(c.kind.rawValue) \(c.value?.description ?? c.date ?? "-") \(c.unit ?? "-")"
        }
    }

    @Test func compoundDurationsAddUpInTheSmallestUnit() throws {
        #expect(try read("会谈持续了1小时30分钟。") == ["1小时30分钟 duration 90 分钟"])
        #expect(try read("全程一小时零三十分钟。") == ["一小时零三十分钟 duration 90 分钟"])
        #expect(try read("只需兩小時十分。") == ["兩小時十分 duration 130 分钟"])
        #expect(try read("坚持了一个钟零十五秒。") == ["一个钟零十五秒 duration 3615 秒"])
        #expect(try read("视频长3分20秒。") == ["3分20秒 duration 200 秒"])
        #expect(try read("谈了1天12小时。") == ["1天12小时 duration 36 小时"])
        #expect(try read("分开了两年零三个月。") == ["两年零三个月 duration 27 个月"])
        // Digits after 秒 continue the seconds, exactly.
        #expect(try read("以1小时54分47秒20夺冠。") == ["1小时54分47秒20 duration 6887.2 秒"])
    }

    @Test func halfFormsReadOneAndAHalf() throws {
        #expect(try read("等了個半小時。") == ["個半小時 duration 1.5 小时"])
        #expect(try read("还要个半月。") == ["个半月 duration 1.5 个月"])
        #expect(try read("发言五个半分钟。") == ["五个半分钟 duration 5.5 分钟"])
        #expect(try read("只有两分半钟。") == ["两分半钟 duration 2.5 分钟"])
        #expect(try read("插播了分半钟。") == ["分半钟 duration 1.5 分钟"])
        #expect(try read("用时一分半。") == ["一分半 duration 1.5 分钟"])
    }

    @Test func clockTimesAndScoresAreNotDurations() throws {
        #expect(try read("下午3时30分开会。") == ["3时30分 date T15:30 -"])
        #expect(try read("9点30分出发。") == ["9点30分 date T09:30 -"])
        #expect(try read("他得了五分半。") == [])
        #expect(try read("每天锻炼1小时十分重要。") == ["1小时 duration 1 小时"])
    }
}
