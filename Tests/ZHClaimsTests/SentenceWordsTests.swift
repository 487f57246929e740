import Foundation
import Testing
@testable import ZHClaims

/// Segmenting clause by clause must give exactly the words that segmenting the whole sentence
/// gives (the word-boundary check and the subjects depend on them).
struct SentenceWordsTests {
    private func buffer(_ text: String) -> TextBuffer { TextBuffer(Document(id: "t", text: text)) }

    @Test func clausesEndAfterClauseMarks() {
        let b = buffer("今年,3,000人;增长5%:a:b。再、又!")
        let cuts = SentenceWords.clauses(of: 0..<b.folded.count, b).map { b.text($0) }
        #expect(cuts == ["今年,", "3,000人;", "增长5%:", "a:b。", "再、", "又!"])
        #expect(SentenceWords.clauses(of: 0..<0, b) == [0..<0])
    }

    @Test func clauseWordsEqualSentenceWords() throws {
        let corpus = CLITests.root.appendingPathComponent("Corpus")
        var texts = RuleExampleTests.book.rules.flatMap { $0.rule.examples.map(\.text) }
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path) where name.hasSuffix(".txt") {
            if let t = try? String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8) { texts.append(t) }
        }
        #expect(texts.count > 500)
        let segmenter = try WordSegmenter()
        for text in texts {
            let b = buffer(text)
            let whole = 0..<b.folded.count
            let sentence = try segmenter.words(b, whole)
            let byClause = SentenceWords(segmenter, b, sentence: whole)
            for clause in SentenceWords.clauses(of: whole, b) {
                let expected = sentence.filter { clause.contains($0.range.lowerBound) }
                let got = try byClause.words(covering: clause)
                #expect(got.map(\.range) == expected.map(\.range) && got.map(\.status) == expected.map(\.status),
                        "clause «\(b.text(clause))» of «\(text.prefix(60))»")
            }
        }
    }
}
