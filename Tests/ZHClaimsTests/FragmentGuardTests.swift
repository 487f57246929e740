import Testing
@testable import ZHClaims

/// A long alternation fragment gets a lookahead on its first characters; the guard never changes
/// what a pattern matches, and fragments that can match empty, short ones and ones with too many
/// first characters get none.
struct FragmentGuardTests {
    static let here = RuleLocation(file: "t.yaml", line: 1)
    static let words = ["大约", "约为", "大概", "将近", "接近", "近", "超过", "超出", "逾", "突破", "不足", "不到", "至少", "最多"]

    func fragments(_ defs: [(String, String)]) -> Fragments {
        var f = Fragments()
        for (name, pattern) in defs { f.define(name, pattern, at: Self.here) }
        f.addGuards()
        return f
    }

    @Test func branchesAreCountedInsideOneWrappingGroup() {
        #expect(Fragments.topLevelBranches("(?:a|b|c)") == 3)
        #expect(Fragments.topLevelBranches("a|(?:b|c)") == 2)
        #expect(Fragments.topLevelBranches("(?:a|b)(?:c|d)") == 1)
        #expect(Fragments.topLevelBranches("[|(]x|\\|y") == 2)
        #expect(Fragments.topLevelBranches("(?: a | b )") == 2)
    }

    @Test func onlyLongAlternationsWithFewFirstCharactersAreGuarded() throws {
        let f = fragments([
            ("approx", "(?:" + Self.words.joined(separator: "|") + ")"),
            ("nullable", "(?:" + Self.words.joined(separator: "|") + "|)"),
            ("short", "(?:大约|约为|近)"),
        ])
        #expect(try f.expand("{approx}").hasPrefix("(?:(?=["))
        #expect(try !f.expand("{nullable}").contains("(?="))
        #expect(try !f.expand("{short}").contains("(?="))
    }

    @Test func aGuardedPatternMatchesLikeTheUnguardedOne() throws {
        let defs = [("approx", "(?:" + Self.words.joined(separator: "|") + ")")]
        var plain = Fragments()
        for (name, pattern) in defs { plain.define(name, pattern, at: Self.here) }
        let guarded = fragments(defs)
        let rule = "{approx}? (?<num>[0-9]+) 人"
        let a = try PCRE2Pattern("(?x)" + plain.expand(rule)), b = try PCRE2Pattern("(?x)" + guarded.expand(rule))
        #expect(try guarded.expand(rule) != plain.expand(rule))
        let matcher = PCRE2Matcher(maxCaptures: 4)
        for text in Self.words.map({ $0 + "30人" }) + ["12人", "超30人", "最多 7人", "将近八人", "共有 40 人"] {
            let bytes = Array(text.utf8)
            var ga: [Range<Int>?] = [], gb: [Range<Int>?] = []
            let (fa, fb) = try bytes.withUnsafeBufferPointer { (try matcher.match(a, in: $0, from: 0, into: &ga), try matcher.match(b, in: $0, from: 0, into: &gb)) }
            #expect(fa == fb, "\(text)")
            if fa { #expect(ga[..<2] == gb[..<2], "\(text)") }
        }
    }
}
