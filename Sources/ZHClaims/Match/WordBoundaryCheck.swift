/// Drops candidates made of Chinese numeral characters that start or end inside a word that is
/// not a number word (统一 → 一, 队伍 → 伍, 两部门 → 两部), using ICU's dictionary segmentation.
/// Only spans with a Chinese numeral are checked, so most sentences never need word breaks.
struct WordBoundaryCheck {
    /// The characters that make a span "Chinese numeral" for this check.
    static var hanNumerals: ScalarSet { SentenceMatcher.numeralCharacters }

    static func needsCheck(_ span: Range<Int>, _ buffer: TextBuffer) -> Bool {
        buffer.folded[span].contains { hanNumerals.contains($0) }
    }

    /// Text that may share an ICU word with the span's edge without making the match a part of
    /// another word: after the end, time-frame and approx suffixes (两年内, 三年来, 十天后);
    /// before the start, single function words and markers (共三人, 近万名).
    static let allowedAfter: Set<String> = ["内", "来", "间", "前", "后", "以来", "以内", "以上", "以下", "左右", "上下", "之内",
                                            "之间", "之前", "之后", "里", "中", "初", "末", "底", "份", "度", "许", "多", "余", "整",
                                            "半", "的", "地", "得", "了", "起", "就", "才", "都", "也", "又", "还", "再",
                                            // 个人, 名人: the classifier ends the span, the noun after it is its own word.
                                            "人",
                                            // Prepositions and conjunctions that ICU joins to a classifier (4万多人|因饥饿,
                                            // 3人|被捕, 5人|在场): the clause goes on after the count.
                                            "因", "被", "在", "将", "已", "为", "从", "向", "把", "与", "和", "及", "或",
                                            "等", "各", "共", "仍", "即", "便", "由", "对", "给", "让", "遭", "受",
                                            // What happened to the people counted (3万多人|死于新冠, 5人|伤).
                                            "死", "伤", "亡"]
    static let allowedBefore: Set<String> = ["近", "约", "超", "逾", "共", "达", "为", "有", "了", "的", "和", "与", "及", "至",
                                             "到", "在", "于", "第", "每", "仅", "只", "各", "增", "减", "降", "升", "涨", "跌",
                                             "过", "破", "满", "计", "合", "总", "是", "或", "等", "将", "已", "这", "那", "前", "后"]

    /// Whether a word could cut the span at all: a word that cuts an edge holds the characters
    /// on both sides of it, and a word that counts (`cutWord`) is all Han, so an edge with a
    /// digit, letter, mark or the text's end on either side is never cut. `3万元` after `达` and
    /// `十五` before `，` need no words, so their clauses are segmented only if a subject needs them.
    static func mayBeCut(_ span: Range<Int>, _ buffer: TextBuffer) -> Bool {
        func joinable(_ edge: Int) -> Bool {
            edge > 0 && edge < buffer.folded.count && isHan(buffer.folded[edge - 1]) && isHan(buffer.folded[edge])
        }
        return joinable(span.lowerBound) || joinable(span.upperBound)
    }

    static func isHan(_ c: Unicode.Scalar) -> Bool { c.isIdeographicQuick || hanNumerals.contains(c) }

    /// nil when the span's edges are word boundaries, or the word cut is a number word or only
    /// an allowed affix; otherwise the word it cuts.
    static func cutWord(_ span: Range<Int>, words: [(range: Range<Int>, status: Int32)], _ buffer: TextBuffer) -> String? {
        for w in words where w.range.count > 1 {
            let cutsStart = w.range.lowerBound < span.lowerBound && span.lowerBound < w.range.upperBound
            let cutsEnd = w.range.lowerBound < span.upperBound && span.upperBound < w.range.upperBound
            guard cutsStart || cutsEnd, isHanWord(w.range, buffer), !isNumberWord(w.range, buffer) else { continue }
            if cutsStart, !allowedBefore.contains(buffer.foldedText(w.range.lowerBound..<span.lowerBound)) {
                return buffer.text(w.range)
            }
            if cutsEnd, !allowsAfter(span, buffer.foldedText(span.upperBound..<w.range.upperBound), buffer),
               !misjoinedClassifier(span, w.range, buffer) {
                return buffer.text(w.range)
            }
        }
        return nil
    }

    /// Whether `rest`, joined by ICU to the span's last characters, may follow the span: an allowed
    /// suffix, or 是 after a numeral (ICU joins the enumerating 一是, 二是, so `三分一是` would lose
    /// its fraction; after a classifier, `只是` is "only" and `食肆只是` no count).
    static func allowsAfter(_ span: Range<Int>, _ rest: String, _ buffer: TextBuffer) -> Bool {
        allowedAfter.contains(rest) || rest == "是" && hanNumerals.contains(buffer.folded[span.upperBound - 1])
    }

    /// ICU joined an Arabic number's classifier to the next character while a word starts right
    /// after the classifier (28万人|参演 read 人参, 1.7万家|用人单位 read 家用, 8万家|商户 read 家商):
    /// the classifier ends the span. Only after Arabic digits, where the number itself is never
    /// part of a word.
    static func misjoinedClassifier(_ span: Range<Int>, _ word: Range<Int>, _ buffer: TextBuffer) -> Bool {
        let f = buffer.folded, end = span.upperBound
        guard word.count == 2, word.lowerBound == end - 1,
              f[span].contains(where: { ("0"..."9").contains($0) }) else { return false }
        for length in 2...3 where end + length <= f.count {
            if SubjectLexicon.shared.lookup(f[end..<(end + length)]) != nil { return true }
        }
        return false
    }

    static func isHanWord(_ r: Range<Int>, _ buffer: TextBuffer) -> Bool {
        buffer.folded[r].allSatisfy(isHan)
    }

    /// A word made only of numeral characters (三四, 一万) is a number word: cutting it is fine.
    static func isNumberWord(_ r: Range<Int>, _ buffer: TextBuffer) -> Bool {
        buffer.folded[r].allSatisfy { hanNumerals.contains($0) }
    }
}
