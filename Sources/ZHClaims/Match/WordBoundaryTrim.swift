// WordBoundaryTrim.swift — what is left of a candidate whose edge a word cuts, when the cut
// is in a marker or a classifier rather than in the number.

extension WordBoundaryCheck {
    /// A shorter candidate that no word cuts, when the cut falls in a part that only qualifies the
    /// number (`withoutCutPrefix`, `withoutCutClassifier`); nil when the number itself is cut.
    static func trimmed(_ c: Candidate, words: [(range: Range<Int>, status: Int32)], _ buffer: TextBuffer) -> Candidate? {
        withoutCutPrefix(c, words: words, buffer) ?? withoutCutClassifier(c, words: words, buffer)
    }

    /// The candidate without its approx word when a word cuts that word from the text before it
    /// (加快5.9个百分点: 快 is no "nearly" inside 加快; 略高于6.2万例, 最快4个半小时): the number is
    /// still a claim, only the marker was misread. nil unless the span goes on with a number
    /// after an approx word (`Lexicon.approx`) and the shorter span is cut by no word: 经过半个月
    /// keeps no 半 (the half of 过半 is no claim alone).
    static func withoutCutPrefix(_ c: Candidate, words: [(range: Range<Int>, status: Int32)], _ buffer: TextBuffer) -> Candidate? {
        var start = c.span.upperBound
        for role in numberStarts {
            if let g = c.range(role), g.lowerBound >= c.span.lowerBound, g.lowerBound < start { start = g.lowerBound }
        }
        guard start > c.span.lowerBound, start < c.span.upperBound,
              Lexicon.approxByScalars[Array(buffer.folded[c.span.lowerBound..<start])] != nil else { return nil }
        let trimmed = Candidate(rule: c.rule, span: start..<c.span.upperBound, groups: c.groups)
        return cutWord(trimmed.span, words: words, buffer) == nil ? trimmed : nil
    }

    /// The groups a claim's number can begin with.
    private static let numberStarts: [GroupRole] = [.num, .vague, .neg, .denom, .currency]

    /// A count without its classifier when the classifier begins a word with what follows
    /// (13.5万|家庭, 4500萬|口罩): the number counts that noun, and the subject stage finds it
    /// after the number. Only for counts whose number stands alone (Arabic digits, or ending in
    /// 万/亿): 三家庭 is no reading of 三.
    static func withoutCutClassifier(_ c: Candidate, words: [(range: Range<Int>, status: Int32)], _ buffer: TextBuffer) -> Candidate? {
        guard c.rule.rule.kind == .count, let unit = c.range(.unit), unit.upperBound == c.span.upperBound,
              unit.lowerBound > c.span.lowerBound,
              words.contains(where: { $0.range.lowerBound >= unit.lowerBound && $0.range.lowerBound < unit.upperBound
                  && $0.range.upperBound > c.span.upperBound }) else { return nil }
        let f = buffer.folded, number = c.span.lowerBound..<unit.lowerBound
        guard f[number].contains(where: { ("0"..."9").contains($0) }) || f[number.upperBound - 1] == "万" || f[number.upperBound - 1] == "亿"
        else { return nil }
        var groups = c.groups
        for n in c.rule.slots[.unit] where n < groups.count { groups[n] = nil }
        let trimmed = Candidate(rule: c.rule, span: number, groups: groups)
        return cutWord(trimmed.span, words: words, buffer) == nil ? trimmed : nil
    }
}
