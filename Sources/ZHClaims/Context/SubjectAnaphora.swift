/// A generic noun taken up by a determiner (`1996年这一数字上升到约25万人`, `而在波兰，这一比例高达
/// 15.2%`) names no quantity of its own: it refers to what an earlier claim of the sentence
/// counted or measured, and that claim's subject stands for it (`各国游客人数不足10万，…这一数字
/// 上升到约25万人` → 各国游客人数 twice). With no earlier subject in the sentence the noun stays.
extension SubjectReader {
    /// The subject of the nearest earlier claim with one, when `r` (the subject found for claim
    /// `i`) is such a noun right after such a determiner; nil otherwise.
    func antecedent(of i: Int, subject r: Range<Int>) -> Range<Int>? {
        // Cheap tests first: this runs for every subject found, and most are no such noun.
        guard r.count == 2, i > 0,
              let t = tokens.firstIndex(where: { $0.range.lowerBound == r.lowerBound }), t >= 1,
              tokens[t - 1].kind == .word(.numeral) || tokens[t - 1].kind == .word(.pronoun),
              Self.anaphoricNouns.contains(buffer.foldedText(r)),
              Self.determiners.contains(buffer.foldedText(tokens[t - 1].range)) else { return nil }
        for j in stride(from: i - 1, through: 0, by: -1) {
            guard let f = found[j] else { continue }
            // Only a noun phrase (not `…丧生`, `需要`: a count's verb names no figure).
            return endsInNoun(f) && !Self.anaphoricNouns.contains(buffer.foldedText(f)) ? f : nil
        }
        return nil
    }

    /// Whether the token that ends at the end of `r` is a content word or a closing quote.
    private func endsInNoun(_ r: Range<Int>) -> Bool {
        guard let t = tokens.lastIndex(where: { $0.range.upperBound == r.upperBound }) else { return false }
        return tokens[t].isContent || tokens[t].kind == .closeQuote
    }

    /// Nouns that only name a figure (folded, so simplified; two characters each).
    static let anaphoricNouns: Set<String> = [
        "数字", "数值", "数据", "比例", "比率", "比重", "指标", "数目", "数量", "占比", "人数", "金额", "规模", "总数",
    ]

    /// Determiners (quantifiers or pronouns in `SubjectLexicon`).
    static let determiners: Set<String> = ["这一", "这个", "该", "此", "这"]
}
