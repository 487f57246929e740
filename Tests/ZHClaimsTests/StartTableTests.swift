import Testing
@testable import ZHClaims

/// Start dispatch (anchored attempts only at characters a match can start with) only speeds
/// matching up: the first-character analysis must be conservative, and the matcher must find
/// exactly what a plain unanchored scan of every rule finds.
struct StartTableTests {
    private func first(_ pattern: String) -> Set<String>? {
        PatternFacts.of("(?x)" + pattern)?.first.map { Set($0.map { String(Unicode.Scalar($0)!) }) }
    }

    @Test func firstCharactersOfSequencesAndAlternations() {
        #expect(first("(?:约|近)? [0-9] 岁") == Set(["约", "近"] + (0...9).map(String.init)))
        #expect(first("(?<![第]) 第? [一二] 名") == ["第", "一", "二"], "a lookbehind consumes nothing")
        #expect(first("(?:大约 \\K)? (?<num>[5]) 人") == ["大", "5"], "\\K consumes nothing")
        #expect(first("(?=万) (?:万|亿) 元") == ["万"], "a lookahead says what the next character is")
        // A branch that is only a lookahead matches empty, but what follows it then starts with
        // the lookahead's characters, not with its own (万元, not 多元 or 元).
        #expect(first("(?:[0-9]+ | (?=万|亿)) 多? (?:万|亿)? 元") == Set(["万", "亿"] + (0...9).map(String.init)))
        #expect(first("(?=[0-9.]) (?:[0-9]|[一二])+ 个") == Set([] + (0...9).map(String.init)))
        #expect(first("(?:(?=万))? 多? 元") == ["多", "元"], "an optional lookahead constrains nothing")
        #expect(first("(?<=万) 多? 元") == ["多", "元"], "a lookbehind says nothing about the next character")
        #expect(first("(?=多|.) 多? 元") == ["多", "元"], "a lookahead that may start with anything constrains nothing")
        #expect(first("[ ]* 约") == [" ", "约"])
        #expect(first("\\x{4E07}元") == ["万"])
    }

    private func ahead(_ pattern: String) -> [Set<String>]? {
        PatternFacts.of("(?x)" + pattern)?.ahead.map { Set($0.map { String(Unicode.Scalar($0)!) }) }
    }

    /// What a match needs at or after its start: consumed or looked ahead at, never looked behind;
    /// the two smallest sets of different mandatory items.
    @Test func charactersNeededAhead() {
        #expect(ahead("(?<=约) [0-9]+ 岁") == [["岁"]])
        #expect(ahead("(?<=约) [0-9]+") == [], "lookbehind content is before the start")
        #expect(ahead("[一二]+ (?<unit>两)") == [["两"], ["一", "二"]], "two mandatory items, smaller first")
        #expect(ahead("[0-9]+ (?=.*元)") == [["元"]], "lookahead content")
        #expect(ahead("[0-9]+ (?!元)") == [], "negative lookahead content")
        #expect(ahead("[0-9]+ (?:岁|周岁)") == [["岁", "周"]])
        #expect(ahead("[0-9]+ (?:岁|[0-9])") == [], "a branch that needs only a digit")
        #expect(ahead("[0-9]+ (?:到|至) [0-9]+ (?:米|公里|千克)") == [["到", "至"], ["米", "公", "千"]])
        #expect(ahead("[0-9]+ (?: 到 [0-9]+ 米 )") == [["到"], ["米"]], "a one-branch group's items count one by one")
        #expect(ahead("[0-9]+ (?: 到 [0-9]+ 米 | 米 )") == [["到", "米"]], "alternatives: their union only")
        #expect(ahead("[0-9]+ (?: 到 )? 米 岁") == [["米"], ["岁"]], "an optional item needs nothing")
    }

    private func consumable(_ pattern: String) -> Set<String>? {
        PatternFacts.of("(?x)" + pattern)?.consumable.map { Set($0.map { String(Unicode.Scalar($0)!) }) }
    }

    /// What a match may consume: anything else ends the run in which its needs must be met.
    @Test func charactersAMatchCanConsume() {
        #expect(consumable("[0-9] 元") == Set((0...9).map(String.init) + ["元"]))
        #expect(consumable("(?<=约) [1] (?!年) 元") == ["1", "元"], "lookbehinds and negative lookaheads do not count")
        #expect(consumable("[1] 元 (?=[多余]) ") == ["1", "元", "多", "余"], "a lookahead that gives a need: what it sees counts")
        #expect(consumable("[1] 元 (?:(?=[多余])|万)? ") == ["1", "元", "万"], "a lookahead that gives no need")
        #expect(consumable("[1] (?= 元 ) ") == ["1", "元"], "a lookahead that gives the need")
        #expect(consumable("[1] (?:[ ]* 元)? 岁") == ["1", " ", "元", "岁"], "optional items count")
        #expect(consumable("[1] . 元") == nil, "any character")
        #expect(consumable("[1] [^元]") == nil, "a negated class")
        #expect(consumable("[1] \\p{Han}") == nil, "a property")
        #expect(consumable("[1] [\\x{4E00}-\\x{9FFF}]") == nil, "a range too large to list")
        #expect(consumable("[1] (?=[\\x{4E00}-\\x{9FFF}]) 元") == ["1", "元"], "a large lookahead class that gives no need")
    }

    private func crossable(_ pattern: String) -> Set<String>? {
        guard let facts = PatternFacts.of("(?x)" + pattern), facts.consumable == nil else { return nil }
        return Set(PatternFacts.clauseMarks.subtracting(facts.barriers).map { String(Unicode.Scalar($0)!) })
    }

    /// When a pattern's consumable characters cannot be listed, which clause marks it may still
    /// reach: those it can consume or look ahead at.
    @Test func clauseMarksAMatchCannotCross() {
        let han = "[\\x{4E00}-\\x{9FFF}]"
        #expect(crossable("[0-9]+ 元") == nil, "consumable characters known: no need for marks")
        #expect(crossable("[0-9]+ \(han) 元") == [])
        #expect(crossable("[0-9]+ [,，] \(han)") == [","], "a class (，is not a folded form, so not a mark)")
        #expect(crossable("[0-9]+ \(han) (?= [ ]* , ) ") == [","], "a positive lookahead's content")
        #expect(crossable("(?<=,) [0-9]+ (?!。) \(han)") == [], "lookbehinds and negative lookaheads")
        #expect(crossable("[0-9]+ [\\x{3000}-\\x{9FFF}]") == ["。", "、", "《", "》", "「", "」", "【", "】"], "a range holding marks")
        #expect(crossable("[0-9]+ . 元")?.count == PatternFacts.clauseMarks.count, "any character")
        #expect(crossable("[0-9]+ [^元]")?.count == PatternFacts.clauseMarks.count, "a negated class")
    }

    /// The two-level table gives each code point, in each layer, exactly the rules that listed it.
    @Test func characterTableHoldsExactlyTheListedRules() {
        let book = RuleExampleTests.book
        let table = book.characters
        #expect(table.distinctRows > 1 && table.distinctRows < 4000)
        for v: UInt32 in [0x30, 0x39, 0x2C, 0x3002, 0x4E00, 0x4E07, 0x4E24, 0x5143, 0x7EA6, 0x25, 0x41, 0x20, 0xFFFF] {
            for layer in CharacterRuleTable.Layer.allCases {
                for rule in book.rules {
                    let bit = table.rules(v, layer, word: rule.order / 64) >> UInt64(rule.order % 64) & 1 == 1
                    let listed = rule.characters(layer)?.contains(v) ?? false
                    #expect(bit == listed, "\(rule.rule.id) \(layer) U+\(String(v, radix: 16))")
                }
            }
        }
    }

    @Test func unknownOrEmptyStartsAreScanned() {
        #expect(first("(?:岁)?") == nil, "a pattern that can match the empty string")
        #expect(first(". 岁") == nil)
        #expect(first("[^a] 岁") == nil)
        #expect(first("\\d 岁") == nil)
        #expect(first("(?i) a") == nil, "options the reader does not know")
        #expect(StartTable.startCharacters(of: "(?:岁)?", first: nil) == nil)
        #expect(StartTable.isAnchored("  # comment\n  ^ [0-9]+ $"))
        #expect(StartTable.startCharacters(of: "^ [0-9]+", first: [0x31]) == nil, "the anchor belongs to the sentence start")
        #expect(StartTable.startCharacters(of: "(?:^|\\G,) [0-9]+", first: [0x2C]) == nil, "\\G holds at every anchored attempt")
        #expect(StartTable.startCharacters(of: "\\\\G [0-9]", first: [0x5C]) == [0x5C], "an escaped backslash, then a letter G")
        #expect(StartTable.startCharacters(of: "😀 [0-9]", first: [0x1F600]) == nil, "the table covers the BMP only")
        #expect(StartTable.startCharacters(of: "[0-9]+ 岁", first: [0x31]) == [0x31])
    }

    /// Every built-in rule, on every example text of every rule and on all of them joined: the
    /// matcher (start-dispatched and scanned rules together) gives the same claim candidates, in
    /// the same order, as a plain unanchored scan of each rule in turn, and the same overlap
    /// winners with its bounded deny matches as with all of them.
    @Test func dispatchedRulesMatchLikePlainScans() throws {
        let book = RuleExampleTests.book
        #expect(book.rules.filter(\.isStartDispatched).count > book.rules.count * 3 / 4)
        var texts = book.rules.flatMap { $0.rule.examples.map(\.text) }
        texts.append(texts.joined(separator: "，"))
        try expectPlainScanResults(book, texts)
    }

    /// Rule files written with what the pattern reader does not follow, or follows only in part:
    /// `\G`, inline options, backreferences, verbs, `\Q…\E`, lookbehinds, `.` and huge classes.
    /// Whatever the matcher makes of them (dispatched or scanned), it finds what plain scans find.
    @Test func unusualPatternsMatchLikePlainScans() throws {
        let patterns = [
            #"(?:^|\G,) (?<num>[0-9]+)"#, #"(?i) (?<num>[0-9]+) KG"#, #"(?<num>([0-9])\2*) 元"#,
            #"(?<num>[0-9]+) (*COMMIT) 米"#, #"\Q(\E (?<num>[0-9]+) \Q)\E"#, #"(?<=约) (?<num>[0-9]+) . 人"#,
            #"(?<num>[0-9]+) [\x{4E00}-\x{9FFF}]{0,3} 例"#, #"(?<num>[0-9]+) (?=[^，]*万)"#,
            #"(?<num>[一二三四五六七八九十]+) (?:个|名) (?![的])"#, #"(?<num>[0-9]+) \p{Han} 元"#,
        ]
        var yaml = "rules:\n"
        for (k, p) in patterns.enumerated() {
            yaml += "  - id: t.r\(k)\n    kind: count\n    pattern: '\(p)'\n    examples:\n      - text: 无\n        expect: []\n"
        }
        let book = try RuleBook.build([[(path: "u/odd.yaml", text: yaml)]])
        #expect(book.rules.count == patterns.count)
        #expect(book.rules.contains(where: \.isStartDispatched) && book.rules.contains { !$0.isStartDispatched })
        #expect(book.rules.contains { $0.consumable != nil } && book.rules.contains { $0.isStartDispatched && $0.consumable == nil })
        let texts = ["约12人,34,56。", "共有12KG和3kg，其中11元、222元", "(12)、(3)，约5个人", "三个人的事，两名",
                     "12米，全市新增32例病例，1万人", "7 元，9元好", "12，34，56万", "约9 人、约12人，约1个人"]
        try expectPlainScanResults(book, texts + [texts.joined(separator: "。")])
    }

    /// On each text: the same claim candidates, in the same order, as plain unanchored scans of
    /// every rule, and the same overlap winners with bounded deny matches as with all of them.
    private func expectPlainScanResults(_ book: RuleBook, _ texts: [String]) throws {
        let plain = PCRE2Matcher(maxCaptures: book.maxCaptures)
        let matcher = SentenceMatcher(book: book)
        for text in texts {
            let buffer = TextBuffer(Document(id: "t", text: text))
            guard SentenceMatcher.mayHoldNumber(buffer.folded[...]) else { continue }
            var utf8: [UInt8] = []
            for c in buffer.folded { UTF8.encode(c) { utf8.append($0) } }
            let got = matcher.candidates(buffer, 0..<buffer.folded.count)
            let claims = got.filter { !$0.rule.rule.isDeny }.map { Found($0.rule.order, $0.span, $0.groups) }
            var plainCandidates: [Candidate] = []
            for rule in book.rules {
                plainCandidates += try scan(rule.pattern, utf8, plain).map {
                    Candidate(rule: rule, span: scalarRange($0[0]!, utf8), groups: $0.map { $0.map { scalarRange($0, utf8) } })
                }
            }
            // The matcher skips rules whose required characters are absent, which cannot match anyway.
            let expected = plainCandidates.filter { !$0.rule.rule.isDeny }.map { Found($0.rule.order, $0.span, $0.groups) }
            #expect(claims == expected, "\(text)")
            // Deny rules are bounded (not tried past the last match): the overlap policy must
            // still pick the same claims as with every deny match of a plain scan.
            #expect(winners(got) == winners(plainCandidates), "\(text)")
        }
    }

    private func winners(_ candidates: [Candidate]) -> [Found] {
        OverlapPolicy.select(candidates) { OverlapPolicy.Entry(candidate: candidates[$0], claim: nil) }.winners
            .map { Found($0.candidate.rule.order, $0.candidate.span, $0.candidate.groups) }
    }

    private struct Found: Equatable {
        let order: Int, span: Range<Int>, groups: [Range<Int>?]
        init(_ order: Int, _ span: Range<Int>, _ groups: [Range<Int>?]) { (self.order, self.span, self.groups) = (order, span, groups) }
    }

    private func scalarRange(_ bytes: Range<Int>, _ utf8: [UInt8]) -> Range<Int> {
        func index(_ b: Int) -> Int { utf8[..<b].filter { $0 & 0xC0 != 0x80 }.count }
        return index(bytes.lowerBound)..<index(bytes.upperBound)
    }

    private func scan(_ pattern: PCRE2Pattern, _ utf8: [UInt8], _ matcher: PCRE2Matcher) throws -> [[Range<Int>?]] {
        var out: [[Range<Int>?]] = []
        var groups: [Range<Int>?] = []
        try utf8.withUnsafeBufferPointer { subject in
            var start = 0
            while start <= subject.count, try matcher.match(pattern, in: subject, from: start, into: &groups), let whole = groups[0] {
                if !whole.isEmpty { out.append(Array(groups[...pattern.captureCount])) }
                start = whole.upperBound > start ? whole.upperBound : start + 1
                while start < subject.count, subject[start] & 0xC0 == 0x80 { start += 1 }
            }
        }
        return out
    }
}
