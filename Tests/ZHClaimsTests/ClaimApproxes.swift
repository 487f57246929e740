// ClaimApproxes.swift — the helper the approx tests share (PerPeriodApproxTests, NegatedBoundTests).
@testable import ZHClaims

/// The claims of `text` as (span text, approx), through the whole pipeline with the built-in rules.
func approxes(_ text: String) throws -> [(text: String, approx: Approx?)] {
    let extractor = try DocumentExtractor(book: try RuleBook.load(folders: []))
    let result = try extractor.extract(Document(id: "t", text: text))
    let buffer = result.segmented.buffer
    return result.claims.map { (buffer.text($0.span), $0.approx) }
}
