import Testing
@testable import ZHClaims

/// The splitter's fast paths skip ICU only where its boundaries cannot change the result.
struct SentenceSplitterTests {
    private func split(_ text: String, fast: Bool) throws -> [Range<Int>] {
        var splitter = try SentenceSplitter()
        splitter.usesFastPaths = fast
        return try splitter.split(TextBuffer(Document(id: "t", text: text))).sentences.map(\.range)
    }

    /// Random lines over an alphabet of terminators, closers, openers, spaces (U+FEFF, which ICU
    /// treats as a format character, included), ASCII stops and text: every line splits the
    /// same with the fast paths as through ICU alone.
    @Test func finalRunFastPathAgreesWithICU() throws {
        let alphabet: [String] = ["。", "！", "？", "｡", "”", "’", "」", "』", "）", ")", "》", "】", "〕", "〉", "\"",
                                  " ", "\t", "\u{3000}", "\u{A0}", "\u{FEFF}", "“", "《", "（", ".", "!", "，", "a", "A", "1", "甲", "乙"]
        var generator = SystemRandomNumberGenerator()
        var fastCases = 0
        var lines: [String] = []
        for _ in 0..<4000 {
            // A text head, then a tail drawn mostly from the final-run characters.
            var line = String(repeating: "甲", count: Int.random(in: 0...3, using: &generator))
            for _ in 0..<Int.random(in: 1...7, using: &generator) {
                line += alphabet[Int.random(in: 0..<(Bool.random(using: &generator) ? 20 : alphabet.count), using: &generator)]
            }
            lines.append(line)
        }
        lines += ["好。 ”", "好。”。", "好。 。", "好。\u{FEFF}”", "好。》", "好。《", "好。”  ", "好！？”）", "好。. a", "好。”a"]
        for line in lines {
            let s = Array(line.unicodeScalars)
            if let t = s.firstIndex(where: SentenceSplitter.isTerminator), SentenceSplitter.isFinalRun(s, t..<s.count) { fastCases += 1 }
            #expect(try split(line, fast: true) == split(line, fast: false), "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(fastCases > 500, "the generated lines exercise the fast path")
    }

    @Test func finalRunsAreRecognised() {
        func run(_ text: String) -> Bool {
            let s = Array(text.unicodeScalars)
            return SentenceSplitter.isFinalRun(s, 0..<s.count)
        }
        #expect(run("。”") && run("！？ ") && run("。” 。") && run("。）》"))
        #expect(!run("。 ”") && !run("。a") && !run("。《") && !run("。."))
    }
}
