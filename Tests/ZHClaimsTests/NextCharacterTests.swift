import Testing
@testable import ZHClaims

/// The second-character filter (`PatternFacts.Facts.next`): a rule is not tried where the next
/// character cannot follow its first one. It only speeds matching up, so it must be
/// conservative: wherever PCRE2 finds a match, the character after the match's first one is in
/// the set (or the set is nil).
struct NextCharacterTests {
    private func next(_ pattern: String) -> Set<String>? {
        PatternFacts.of("(?x)" + pattern)?.next.map { Set($0.map { String(Unicode.Scalar($0)!) }) }
    }

    private let digits = (0...9).map(String.init)

    @Test func charactersThatMayFollowTheFirst() {
        #expect(next("人民币 [0-9]+") == ["民"])
        #expect(next("[0-9]+ 元") == Set(digits + ["元"]), "a repeated item may follow itself")
        #expect(next("[0-9] 元") == ["元"], "a single item may not")
        #expect(next("[一二]{2} 名") == ["一", "二"])
        #expect(next("[一二]{1} 名") == ["名"], "{1} does not repeat")
        #expect(next("[一二]{1,3} 名") == ["一", "二", "名"])
        #expect(next("[一二]? 名 人") == ["名", "人"], "an optional first item: its own next, or the one after it")
        #expect(next("(?:约|近)? [0-9] 岁") == Set(digits + ["岁"]))
        #expect(next("一 (?=个|名)") == ["个", "名"], "a lookahead after the first character says what follows")
        #expect(next("一 (?=个|名) [个名位]") == ["个", "名"])
        #expect(next("(?:大约 \\K)? 5 人") == ["约", "人"], "\\K consumes nothing")
        #expect(next("(?<=约) 5 (?<!6) 人") == ["人"], "lookbehinds consume nothing")
        #expect(next("5 (?:万|亿)? 元") == ["万", "亿", "元"])
        #expect(next("(?: 约 [0-9] | [0-9] | (?=万) ) 万? 个") == Set(digits + ["万", "个"]),
                "an empty branch whose lookahead rules out 个 cannot make 个 a one-character match")
    }

    @Test func unknownFollowersAreAny() {
        #expect(next("[0-9]") == nil, "a one-character match may be followed by anything")
        #expect(next("[0-9] 多?") == nil)
        #expect(next("5 .") == nil)
        #expect(next("5 \\X 元") == nil, "\\X may consume several characters")
        #expect(next("([0-9]) \\1 元") == nil, "a backreference may consume anything")
        #expect(next("(?:元)?") == nil, "a pattern that can match empty is not dispatched")
        #expect(PatternFacts.of("(?x)[[:digit:]]+ 元")?.first == nil, "a POSIX class is not read as its letters")
        #expect(PatternFacts.of("(?x)[[:alpha:]0-9] 元")?.consumable == nil)
    }

    /// Random patterns over a small alphabet against PCRE2: wherever an anchored attempt
    /// matches at least one character, the character after the first is in `next`.
    @Test func randomPatternsNeverRuleOutAMatch() throws {
        var g = SystemRandomNumberGenerator()
        let matcher = PCRE2Matcher(maxCaptures: 8)
        var checked = 0
        for _ in 0..<400 {
            let pattern = randomPattern(depth: 3, &g)
            guard let facts = PatternFacts.of("(?x)" + pattern), facts.first != nil else { continue }
            let compiled = try PCRE2Pattern("(?x)" + pattern, anchored: true)
            for _ in 0..<30 {
                let text = String((0..<Int.random(in: 1...8, using: &g)).map { _ in "abc".randomElement(using: &g)! })
                let utf8 = Array(text.utf8)
                var groups: [Range<Int>?] = []
                for p in 0..<utf8.count {
                    // Nested repetitions of random patterns can hit PCRE2's match limit: no match to check then.
                    let found = try? utf8.withUnsafeBufferPointer { try matcher.match(compiled, in: $0, from: p, into: &groups) }
                    guard found == true, let whole = groups[0], !whole.isEmpty, p + 1 < utf8.count else { continue }
                    checked += 1
                    if let allowed = facts.next {
                        #expect(allowed.contains(UInt32(utf8[p + 1])), "\(pattern) on \(text) at \(p)")
                    }
                }
            }
        }
        #expect(checked > 1000)
    }

    private func randomPattern(depth: Int, _ g: inout SystemRandomNumberGenerator) -> String {
        let atoms = ["a", "b", "c", "[ab]", "[bc]", "(?=a)", "(?=[bc])", "(?<=a)", "(?!b)", "\\K"]
        var out = ""
        for _ in 0..<Int.random(in: 1...4, using: &g) {
            var item: String
            if depth > 0 && Int.random(in: 0..<4, using: &g) == 0 {
                item = "(?:" + (0..<Int.random(in: 1...3, using: &g)).map { _ in randomPattern(depth: depth - 1, &g) }.joined(separator: "|") + ")"
            } else {
                item = atoms.randomElement(using: &g)!
            }
            if !item.hasPrefix("(?=") && !item.hasPrefix("(?<") && !item.hasPrefix("(?!") && item != "\\K" {
                item += ["", "", "?", "*", "+", "{2}", "{1,2}", "{0,1}"].randomElement(using: &g)!
            }
            out += item + " "
        }
        return out
    }
}
