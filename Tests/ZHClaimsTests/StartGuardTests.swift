import Testing
@testable import ZHClaims

/// The start guard (a lookahead on the characters a match can start with) only speeds matching
/// up: the first-character analysis must be conservative, and guarded patterns must find exactly
/// what the plain ones find.
struct StartGuardTests {
    private func first(_ pattern: String) -> Set<String>? {
        PatternFacts.of("(?x)" + pattern)?.first.map { Set($0.map { String(Unicode.Scalar($0)!) }) }
    }

    @Test func firstCharactersOfSequencesAndAlternations() {
        #expect(first("(?:约|近)? [0-9] 岁") == Set(["约", "近"] + (0...9).map(String.init)))
        #expect(first("(?<![第]) 第? [一二] 名") == ["第", "一", "二"], "a lookbehind consumes nothing")
        #expect(first("(?:大约 \\K)? (?<num>[5]) 人") == ["大", "5"], "\\K consumes nothing")
        #expect(first("(?=万) (?:万|亿) 元") == ["万", "亿"])
        #expect(first("[ ]* 约") == [" ", "约"])
        #expect(first("\\x{4E07}元") == ["万"])
    }

    @Test func unknownOrEmptyStartsGiveNoGuard() {
        #expect(first("(?:岁)?") == nil, "a pattern that can match the empty string")
        #expect(first(". 岁") == nil)
        #expect(first("[^a] 岁") == nil)
        #expect(first("\\d 岁") == nil)
        #expect(first("(?i) a") == nil, "options the reader does not know")
        #expect(StartGuard.guarded("(?:岁)?", first: nil) == nil)
        #expect(StartGuard.isAnchored("  # comment\n  ^ [0-9]+ $"))
        #expect(StartGuard.guarded("^ [0-9]+", first: [0x31]) == nil, "a lookahead would hide the anchor")
    }

    @Test func guardedSourceCompiles() throws {
        let source = try #require(StartGuard.guarded("(?:约|近)? [0-9]+ 岁 # a comment", first: [0x7EA6, 0x8FD1, 0x30]))
        #expect(source.hasPrefix("(?x)(?=["))
        _ = try PCRE2Pattern(source)
    }

    /// Every built-in rule, on every example text of every rule and on all of them joined: the
    /// guarded scan and the plain scan give the same matches (start, end and groups).
    @Test func guardedRulesMatchLikePlainOnes() throws {
        let book = RuleExampleTests.book
        #expect(book.rules.filter(\.isStartGuarded).count > book.rules.count / 2)
        var texts = book.rules.flatMap { $0.rule.examples.map(\.text) }
        texts.append(texts.joined(separator: "，"))
        let matcher = PCRE2Matcher(maxCaptures: book.maxCaptures)
        for text in texts {
            let folded = TextBuffer(Document(id: "t", text: text)).folded
            var utf8: [UInt8] = []
            for c in folded { UTF8.encode(c) { utf8.append($0) } }
            for rule in book.rules where rule.isStartGuarded {
                let plain = try scan(rule.pattern, utf8, matcher)
                let guarded = try scan(rule.scanPattern, utf8, matcher)
                #expect(plain == guarded, "\(rule.rule.id) on \(text)")
            }
        }
    }

    private func scan(_ pattern: PCRE2Pattern, _ utf8: [UInt8], _ matcher: PCRE2Matcher) throws -> [[Range<Int>?]] {
        var out: [[Range<Int>?]] = []
        var groups: [Range<Int>?] = []
        try utf8.withUnsafeBufferPointer { subject in
            var start = 0
            while start <= subject.count, try matcher.match(pattern, in: subject, from: start, into: &groups), let whole = groups[0] {
                out.append(groups)
                start = whole.upperBound > start ? whole.upperBound : start + 1
                while start < subject.count, subject[start] & 0xC0 == 0x80 { start += 1 }
            }
        }
        return out
    }
}
