import Foundation
import Testing
@testable import ZHClaims

/// Rule files are data: every kind of mistake in them is reported as `file:line: rule-id: message`,
/// all at once, before any input is read.
struct RuleBookTests {
    /// A minimal valid rule, for building broken variants.
    static let goodRule = """
    rules:
      - id: t.count
        kind: count
        pattern: (?<num>[0-9]+)(?<unit>宗)
        examples:
          - text: 查处案件12宗
            expect: [{text: 12宗, value: 12, unit: 宗}]
    """

    func diagnostics(_ files: [(String, String)], builtin: Bool = false) -> [RuleDiagnostic] {
        var layers: [[RuleBook.SourceFile]] = builtin ? [builtinRuleFiles] : []
        layers.append(files.map { (path: $0.0, text: $0.1) })
        do {
            _ = try RuleBook.build(layers)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func aValidFileLoads() throws {
        let book = try RuleBook.build([[(path: "u/a.yaml", text: Self.goodRule)]])
        #expect(book.rules.map(\.rule.id) == ["t.count"])
    }

    @Test func yamlSyntaxErrorNamesTheLine() {
        let d = diagnostics([("u/bad.yaml", "rules:\n  - id: x\n    kind: [count\n")])
        #expect(d.count == 1)
        #expect(d.first?.location.file == "u/bad.yaml")
        #expect(d.first?.message.hasPrefix("YAML") == true)
        #expect((d.first?.location.line ?? 0) >= 3)
    }

    @Test func patternThatDoesNotCompileIsReportedWithColumn() {
        let text = Self.goodRule.replacingOccurrences(of: "(?<unit>宗)", with: "(?<unit>宗")
        let d = diagnostics([("u/p.yaml", text)])
        #expect(d.count == 1)
        #expect(d.first?.ruleID == "t.count")
        #expect(d.first?.location.line == 4)
        #expect(d.first?.message.contains("does not compile") == true)
        #expect(d.first?.message.contains("column") == true)
        #expect(d.first?.description.hasPrefix("u/p.yaml:4: t.count: pattern does not compile") == true)
    }

    @Test func unknownKeysAreReported() {
        let text = Self.goodRule.replacingOccurrences(of: "kind: count", with: "kind: count\n    colour: red")
        let d = diagnostics([("u/k.yaml", text)])
        #expect(d.map(\.message).contains { $0.contains("unknown key 'colour'") })
        let claimField = Self.goodRule.replacingOccurrences(of: "unit: 宗}", with: "unit: 宗, colour: red}")
        #expect(diagnostics([("u/c.yaml", claimField)]).contains { $0.message.contains("unknown claim field 'colour'") })
    }

    @Test func unknownFragmentAndUnknownGroupAndKind() {
        let frag = Self.goodRule.replacingOccurrences(of: "(?<num>[0-9]+)", with: "(?<num>{nosuch})")
        #expect(diagnostics([("u/f.yaml", frag)]).contains { $0.message.contains("unknown fragment {nosuch}") })
        let group = Self.goodRule.replacingOccurrences(of: "(?<num>", with: "(?<amount>")
        #expect(diagnostics([("u/g.yaml", group)]).contains { $0.message.contains("unknown group name amount") })
        let kind = Self.goodRule.replacingOccurrences(of: "kind: count", with: "kind: tally")
        #expect(diagnostics([("u/k.yaml", kind)]).contains { $0.message.contains("unknown kind 'tally'") })
    }

    @Test func duplicateIdsAcrossFilesAreReported() {
        let d = diagnostics([("u/a.yaml", Self.goodRule), ("u/b.yaml", Self.goodRule)])
        #expect(d.count == 1)
        #expect(d.first?.location.file == "u/b.yaml")
        #expect(d.first?.message.contains("duplicate rule id (first defined at u/a.yaml:2)") == true)
    }

    @Test func ruleWithoutExamplesIsReported() {
        let text = "rules:\n  - id: t.x\n    kind: count\n    pattern: '[0-9]+宗'\n"
        #expect(diagnostics([("u/e.yaml", text)]).contains { $0.message.contains("no examples") })
    }

    @Test func allProblemsAreReportedInOneRun() {
        let frag = Self.goodRule.replacingOccurrences(of: "(?<num>[0-9]+)", with: "(?<num>{nosuch})")
        let bad = Self.goodRule.replacingOccurrences(of: "t.count", with: "t.other").replacingOccurrences(of: "(?<unit>宗)", with: "(?<unit>宗")
        let d = diagnostics([("u/1.yaml", frag), ("u/2.yaml", bad), ("u/3.yaml", "rules: [")])
        #expect(Set(d.map(\.location.file)) == ["u/1.yaml", "u/2.yaml", "u/3.yaml"])
    }

    @Test func userLayerAddsFragmentsAndRulesAndDisablesBuiltins() throws {
        let user = """
        fragments:
          reads: '(?:阅读量|播放量)'
        rules:
          - id: user.reads
            kind: count
            pattern: '{reads}\\K(?<num>[0-9]+(?:\\.[0-9]+)?)(?<mult>万)?'
            examples:
              - text: 阅读量12万
                expect: [{text: 12万, value: 120000}]
        disable: [percent.tenths]
        """
        let book = try RuleBook.build([builtinRuleFiles, [(path: "u/reads.yaml", text: user)]])
        #expect(book.rules.contains { $0.rule.id == "user.reads" })
        #expect(!book.rules.contains { $0.rule.id == "percent.tenths" })
        let report = try RuleTester(book: book).run(filter: "user.reads")
        #expect(report.failed == 0 && report.passed == 1)
    }

    /// 200 more rules take the book past 256 rules: its rule sets are 8 words wide (a SIMD8 in
    /// the matcher's sweep), the last rules sit in the fifth word, and the built-in rules find
    /// what they find in the 2-word book.
    @Test func aWiderRuleBookFindsTheSameClaims() throws {
        var yaml = "rules:\n"
        for k in 0..<200 {
            yaml += """
              - id: extra.r\(k)
                kind: count
                pattern: '甲\(k)乙\\K(?<num>[0-9]+)'
                examples:
                  - text: 甲\(k)乙42
                    expect: [{text: '42', value: 42}]

            """
        }
        let wide = try RuleBook.build([builtinRuleFiles, [(path: "u/extra.yaml", text: yaml)]])
        let narrow = RuleExampleTests.book
        #expect(narrow.characters.words == 2)
        #expect(wide.characters.words == 8)
        func found(_ book: RuleBook, _ text: String) throws -> [String] {
            try DocumentExtractor(book: book).extract(Document(id: "t", text: text)).claims.map { "\($0.span) \($0.kind) \($0.value?.description ?? "-") \($0.rule)" }
        }
        let text = "2023年全市GDP同比增长5.2%，达到3.5万亿元，人均寿命78.6岁，查处案件1425宗，排名全国第一。"
        #expect(try found(wide, text) == found(narrow, text))
        let extra = try found(wide, "他说甲199乙42。")
        #expect(extra == ["7..<9 count 42 extra.r199"])
    }

    @Test func disablingAnUnknownRuleIsAnError() {
        #expect(diagnostics([("u/d.yaml", "disable: [no.such.rule]")], builtin: true).contains { $0.message.contains("disable names no known rule") })
    }

    @Test func fragmentReferencesSkipEscapesAndQuantifiers() throws {
        var f = Fragments()
        f.define("d", "[0-9]", at: RuleLocation(file: "x", line: 1))
        #expect(try f.expand(#"\p{Han}{2}{d}{1,3}\x{4E00}"#) == #"\p{Han}{2}(?:[0-9]){1,3}\x{4E00}"#)
    }
}

/// The required-character filter must never skip a sentence a rule could match.
struct PatternFactsTests {
    @Test func requirementsComeFromMandatoryItems() {
        #expect(PatternFacts.of("(?x)(?<num>[0-9]+) (?<unit>岁|周岁)")?.required == CharSet("岁周".unicodeScalars.map(\.value)))
        #expect(RuleFilter.usable(PatternFacts.of("(?x)(?:同比|环比)? 增长 \\K [0-9]+ %")?.required) != nil)
        // An optional item is not a requirement; a numeral-only requirement is not useful.
        #expect(RuleFilter.usable(PatternFacts.of("(?x)(?:岁)? [0-9]+")?.required) == nil)
        #expect(RuleFilter.usable(PatternFacts.of("(?x)[一二三]+")?.required) == nil)
        // A branch with no requirement makes the alternation unfiltered.
        #expect(RuleFilter.usable(PatternFacts.of("(?x)(?:[0-9]+倍|\\d+)")?.required) == nil)
        // Positive lookahead content is required; negative lookaround content is not.
        #expect(PatternFacts.of("(?x)[0-9]+(?=一元)")?.required == CharSet([Unicode.Scalar("元").value]), "一 is in most sentences, so 元 is the useful requirement")
        // Rarer numeral characters filter: a rule needing 万 or 亿 skips sentences without them.
        #expect(RuleFilter.usable(PatternFacts.of("(?x)[0-9]+ (?:万|亿) 元?")?.required) == CharSet("万亿".unicodeScalars.map(\.value)))
        #expect(RuleFilter.usable(PatternFacts.of("(?x)[0-9]+(?!元)")?.required) == nil)
    }

    @Test func filteringChangesNoOutput() throws {
        // Every built-in example still passes with the filter on (RuleExampleTests), and a text
        // holding many kinds of claims gives the same claims as with every rule forced on.
        let book = RuleExampleTests.book
        #expect(book.rules.filter(\.isFiltered).count > book.rules.count / 2)
        let text = "2023年全市GDP同比增长5.2%，达到3.5万亿元，人均寿命78.6岁，翻了一番，占三分之一，气温零下12摄氏度，排名全国第一。"
        let claims = try DocumentExtractor(book: book).extract(Document(id: "t", text: text)).claims
        #expect(claims.map(\.kind) == [.date, .change, .money, .age, .multiple, .ratio, .measure, .rank])
    }

    /// The memo of long groups gives the facts a fresh reading gives, for every built-in rule
    /// read in turn with one memo (as `RuleBook.build` does): the numeral and unit fragments are
    /// taken from it in later rules, inside lookarounds as well as outside.
    @Test func memoisedGroupsGiveTheSameFacts() {
        let memo = PatternFacts.GroupMemo()
        let patterns = RuleExampleTests.book.rules.map { "(?x)" + $0.rule.pattern }
        for p in patterns + patterns {
            #expect(PatternFacts.of(p, memo: memo) == PatternFacts.of(p), "\(p.prefix(60))")
        }
        #expect(memo.entries.count > 20)
    }

    @Test func groupEndSkipsCommentsClassesAndEscapes() {
        let s = Array("(a[)\\]](?:b) # c)\n \\) d)e".unicodeScalars)
        #expect(PatternFacts.GroupMemo.end(ofGroupAt: 0, in: s) == s.count - 1)
        #expect(PatternFacts.GroupMemo.end(ofGroupAt: 0, in: Array("(ab".unicodeScalars)) == nil)
    }
}

struct GroupRoleTests {
    @Test func indexIsThePositionInAllCases() {
        for (k, role) in GroupRole.allCases.enumerated() { #expect(role.index == k, "\(role)") }
    }
}
