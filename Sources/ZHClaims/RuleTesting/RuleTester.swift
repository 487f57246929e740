/// Runs rule examples through the whole pipeline, as `zhclaims rules test` and the test suite do
/// (like Duckling's corpus tests): each example's text must produce exactly the expected claims,
/// in order, with every field the example gives; a negative example (`expect: []`) must produce
/// nothing; a positive example must produce at least one claim of its own rule.
public struct RuleTester {
    public struct Failure: Sendable, CustomStringConvertible {
        public let rule: Rule
        public let example: RuleExample
        public let problems: [String]
        public let produced: [String]
        /// Candidates that matched but did not become claims, with the reason (as `explain` shows).
        public let dropped: [String]
        public var description: String {
            var s = "\(example.location): \(rule.id): example failed\n  text:     \(example.text)\n"
            s += "  expected: " + (example.expected.isEmpty ? "no claim" : example.expected.map(Self.describe).joined(separator: "; ")) + "\n"
            s += "  got:      " + (produced.isEmpty ? "no claim" : produced.joined(separator: "; ")) + "\n"
            for p in problems { s += "  - \(p)\n" }
            if !dropped.isEmpty {
                s += "  dropped candidates:\n"
                for d in dropped { s += "    \(d)\n" }
            }
            return s
        }
        static func describe(_ e: ExpectedClaim) -> String {
            e.fields.map { "\($0.key)=\($0.value ?? "null")" }.joined(separator: " ")
        }
    }

    public struct Report: Sendable {
        public var passed = 0
        public var failures: [Failure] = []
        public var failed: Int { failures.count }
    }

    private let extractor: DocumentExtractor
    public init(book: RuleBook) throws { extractor = try DocumentExtractor(book: book) }

    /// Tests every example of every rule whose id contains `filter` (all when nil).
    public func run(filter: String? = nil) throws -> Report {
        var report = Report()
        for compiled in extractor.book.rules where filter.map({ compiled.rule.id.contains($0) }) ?? true {
            for example in compiled.rule.examples {
                if let failure = try check(example, of: compiled.rule) { report.failures.append(failure) } else { report.passed += 1 }
            }
        }
        return report
    }

    public func check(_ example: RuleExample, of rule: Rule) throws -> Failure? {
        var traces: [DocumentExtractor.Trace] = []
        let result = try extractor.extract(Document(id: "example", text: example.text)) { traces.append($0) }
        let buffer = result.segmented.buffer
        let claims = result.claims
        var problems: [String] = []
        if claims.count != example.expected.count {
            problems.append("expected \(example.expected.count) claim(s), got \(claims.count)")
        }
        for (i, (claim, expected)) in zip(claims, example.expected).enumerated() {
            let actual = Self.fields(claim, buffer)
            for (key, want) in expected.fields {
                let got = actual[key] ?? nil
                if !Self.same(key, want, got) {
                    problems.append("claim \(i + 1) (\(buffer.text(claim.span))): \(key) is \(got ?? "null"), expected \(want ?? "null")")
                }
            }
        }
        // An example documents its own rule unless it names the rule it expects (rule: …).
        let namesRules = example.expected.contains { $0.fields.contains { $0.key == "rule" } }
        if !rule.isDeny, !namesRules, !example.expected.isEmpty, !claims.contains(where: { $0.rule == rule.id }) {
            problems.append("no claim came from rule \(rule.id) (\(claims.map(\.rule).joined(separator: ", ")))")
        }
        guard !problems.isEmpty else { return nil }
        let produced = claims.map { c in
            Self.fields(c, buffer).filter { $0.value != nil }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value!)" }.joined(separator: " ")
        }
        let dropped = traces.compactMap { t in
            t.dropped.map { "\(buffer.text(t.candidate.span)) (\(t.candidate.rule.rule.id)): \($0)" }
        }
        return Failure(rule: rule, example: example, problems: problems, produced: produced, dropped: dropped)
    }

    /// Expected claims whose text no rule matches at all (not even as a dropped candidate): the
    /// example cannot pass whatever the overlap policy does. `rules check` reports these.
    public func unproducedExamples() throws -> [RuleDiagnostic] {
        var out: [RuleDiagnostic] = []
        for compiled in extractor.book.rules {
            for example in compiled.rule.examples where !example.expected.isEmpty {
                var spans: Set<String> = []
                let result = try extractor.extract(Document(id: "example", text: example.text)) { trace in
                    spans.insert(String(trace.candidate.span.lowerBound) + ":" + String(trace.candidate.span.upperBound))
                }
                let buffer = result.segmented.buffer
                // Listed items (`ListSharing`) are claims no rule's span holds.
                let texts = Set(spans.map { s -> String in
                    let p = s.split(separator: ":").compactMap { Int($0) }
                    return buffer.text(p[0]..<p[1])
                }).union(result.claims.filter { $0.rule == ListSharing.ruleID }.map { buffer.text($0.span) })
                for e in example.expected {
                    if let t = e.text, !texts.contains(t) {
                        out.append(RuleDiagnostic(example.location, compiled.rule.id, "example expects \"\(t)\" but no rule produces that span"))
                    }
                }
            }
        }
        return out
    }

    static func fields(_ c: Claim, _ buffer: TextBuffer) -> [String: String?] {
        ["text": buffer.text(c.span), "kind": c.kind.rawValue, "value": c.value?.description, "unit": c.unit,
         "currency": c.currency, "approx": c.approx?.rawValue, "change": c.change?.rawValue, "basis": c.basis?.rawValue,
         "high": c.high?.description, "date": c.date, "subject": c.subject, "rule": c.rule]
    }

    /// Values compare as numbers (YAML may write 74000000 or "7.4e7"-free decimals); the rest as text.
    static func same(_ key: String, _ want: String?, _ got: String?) -> Bool {
        if key == "value" || key == "high", let w = want, let g = got,
           let wd = ExactDecimal(Substring(w)), let gd = ExactDecimal(Substring(g)) { return wd == gd }
        return want == got
    }
}
