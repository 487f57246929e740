import Testing
@testable import ZHClaims

/// Every example of every built-in rule, positive and negative, as in Duckling's corpus tests:
/// the same check `zhclaims rules test` runs, one test case per rule.
struct RuleExampleTests {
    static let book: RuleBook = {
        do { return try RuleBook.load(folders: []) } catch { fatalError("built-in rules do not load:\n\(error)") }
    }()

    @Test("built-in rule examples", arguments: book.rules.map(\.rule.id))
    func examples(ruleID: String) throws {
        let tester = try RuleTester(book: Self.book)
        let rule = try #require(Self.book.rules.first { $0.rule.id == ruleID }).rule
        for example in rule.examples {
            if let failure = try tester.check(example, of: rule) {
                Issue.record("\(failure)")
            }
        }
    }

    @Test func everyRuleHasExamplesAndTheSetIsLarge() {
        let total = Self.book.rules.reduce(0) { $0 + $1.rule.examples.count }
        #expect(total >= 300, "only \(total) rule examples")
        #expect(Self.book.rules.allSatisfy { !$0.rule.examples.isEmpty })
        let negatives = Self.book.rules.reduce(0) { $0 + $1.rule.examples.filter(\.expected.isEmpty).count }
        #expect(negatives >= 30, "only \(negatives) negative examples")
    }

    @Test func everyDenyRuleHasNegativeExamples() {
        for r in Self.book.rules where r.rule.isDeny {
            #expect(r.rule.examples.contains { $0.expected.isEmpty }, "deny rule \(r.rule.id) has no negative example")
        }
    }

    /// The pattern each rule matches with (anchored when start-dispatched) runs JIT code.
    @Test func patternsAreJITCompiled() {
        for rule in Self.book.rules {
            #expect((rule.anchored ?? rule.pattern).isJIT, "\(rule.rule.id)")
        }
    }
}
