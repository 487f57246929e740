import Testing
@testable import ZHClaims

/// Word lists become tries before PCRE2 compiles them, and a factored pattern matches exactly
/// what the written one does.
struct AlternationFactoringTests {
    @Test func aWordListBecomesATrieWithClassesForItsOneCharacterEndings() {
        #expect(AlternationFactoring.factored("(?x)(?:一些|一起|万一|一直|一系|一系列)") == "(?x)(?:一(?:[些起直]|系(?:|列))|万一)")
        #expect(AlternationFactoring.factored("(?x)(?:个|名|人次|人)") == "(?x)(?:[个名]|人(?:次|))")
    }

    @Test func branchesNotBeginningWithALiteralKeepTheirPlace() {
        // [bc]2 may match where a1 and a3 do not, and x? may match empty: the runs around them
        // are factored alone.
        #expect(AlternationFactoring.factored("(?x)(?:a1|[bc]2|a3|a4|x?y|a5)") == "(?x)(?:a1|[bc]2|a(?:[34])|x?y|a5)")
    }

    @Test func capturesAndLookbehindsAreLeftAlone() {
        #expect(AlternationFactoring.factored("(?x)(?:(?<num>一)些|一起)") == "(?x)(?:(?<num>一)些|一起)")
        #expect(AlternationFactoring.factored("(?x)(?<=关键|关键的)一年") == "(?x)(?<=关键|关键的)一年")
        // The list inside a capture is still factored.
        #expect(AlternationFactoring.factored("(?x)(?<u>(?:米|米每秒|吨))") == "(?x)(?<u>(?:米(?:|每秒)|吨))")
    }

    @Test func extendedModeTextIsReadAndWrittenBack() {
        #expect(AlternationFactoring.factored("(?x)(?: a\\ b # a comment\n | a\\.c | [ #]d{2,3}+ )") == "(?x)(?:a(?:\\x{20}b|\\.c)|[ #]d{2,3}+)")
        #expect(AlternationFactoring.factored("(?x)\\x{4E00}二|\\x{4e00}三") == "(?x)一(?:[二三])")
        #expect(AlternationFactoring.factored("(?x)(?:[[:digit:]]a|[[:digit:]]b|xy|xz)") == "(?x)(?:[[:digit:]]a|[[:digit:]]b|x(?:[yz]))")
    }

    @Test func whatTheReaderDoesNotKnowLeavesThePatternAsWritten() {
        for pattern in ["(?x)(a)\\1", "(?x)(?i)abc", "(?x)\\Qa|b\\E", "(?x)(?(1)a|b)", "(?x)(*UTF)a", "abc|abd", "(?x)(?:a|b", "(?x)a{,3}|ab"] {
            #expect(AlternationFactoring.factored(pattern) == nil, "\(pattern)")
        }
    }

    /// Every built-in rule: the factored pattern compiles, differs from the written one when it
    /// has a list, and gives the same match (span and every group) at every start position of
    /// every example text of every rule.
    @Test func everyBuiltInRuleMatchesAsWritten() throws {
        let book = RuleExampleTests.book
        let texts = book.rules.flatMap { $0.rule.examples.map(\.text) }
        let matcher = PCRE2Matcher(maxCaptures: book.maxCaptures)
        var changed = 0
        for rule in book.rules {
            let source = "(?x)" + rule.rule.pattern
            let factored = try #require(AlternationFactoring.factored(source), "\(rule.rule.id)")
            if factored != source { changed += 1 }
            let a = try PCRE2Pattern(source), b = try PCRE2Pattern(factored)
            #expect(a.captureCount == b.captureCount && a.groupNumbers == b.groupNumbers, "\(rule.rule.id)")
            for text in texts {
                let bytes = Array(text.utf8)
                var start = 0
                while start <= bytes.count {
                    var ga: [Range<Int>?] = [], gb: [Range<Int>?] = []
                    let (fa, fb) = try bytes.withUnsafeBufferPointer {
                        (try matcher.match(a, in: $0, from: start, into: &ga), try matcher.match(b, in: $0, from: start, into: &gb))
                    }
                    #expect(fa == fb && (!fa || ga == gb), "\(rule.rule.id) on \(text) from byte \(start)")
                    start += 1
                    while start < bytes.count && bytes[start] & 0xC0 == 0x80 { start += 1 }
                }
            }
        }
        #expect(changed >= 50, "only \(changed) rules have a list to factor")
    }
}
