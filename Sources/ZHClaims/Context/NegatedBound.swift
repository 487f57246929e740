/// A comparison negated by 不 bounds the number from the other side: `不得超过500元` and
/// `不可多於3件` are at most, `不會少於20萬英鎊` is at least. A modal may stand between 不 and the
/// comparison (不得, 不会, 不能, 不应, 不可, 不宜, 不准), and the rules cannot see it: they read the
/// 超过 in `不得超过500元` as over (the opposite), and find no marker at all in `不可多于3件`
/// (多于 is no approx word of theirs). `不超过` and `不少于` themselves are whole approx words the
/// rules know; this covers what they leave. It is done here, after matching, rather than in the
/// rules: there 不, one of the commonest characters, would become a start of every amount rule.
///
/// The negated comparison joins the span (CONVENTIONS.md: an approx word written next to the
/// number is part of the span), unless a claim before it ends inside it.
enum NegatedBound {
    static func apply(_ claims: inout [Claim], _ buffer: TextBuffer, sentence: Range<Int>) {
        for i in claims.indices where claims[i].kind != .date && claims[i].kind != .rank {
            let floor = max(sentence.lowerBound, i > 0 ? claims[i - 1].span.upperBound : sentence.lowerBound)
            guard let (start, approx) = bound(before: claims[i].span, buffer, floor: floor) else { continue }
            claims[i].span = start..<claims[i].span.upperBound
            claims[i].approx = approx
        }
    }

    /// The start of a negated comparison that opens the span or ends right before it, and the
    /// bound it sets; nil when there is none at or after `floor`.
    static func bound(before span: Range<Int>, _ buffer: TextBuffer, floor: Int) -> (Int, Approx)? {
        let f = buffer.folded, s = span.lowerBound
        for (word, approx) in comparisons {
            let n = word.count
            var at: Int? = nil
            if s + n <= span.upperBound, f[s..<(s + n)].elementsEqual(word) { at = s }
            else if s - n >= floor, f[(s - n)..<s].elementsEqual(word) { at = s - n }
            guard let c = at else { continue }
            if c - 2 >= floor, f[c - 2] == "不", modals.contains(f[c - 1]) { return (c - 2, approx) }
            if c - 1 >= floor, f[c - 1] == "不" { return (c - 1, approx) }
            return nil
        }
        return nil
    }

    /// Comparisons by what they bound once negated; longer words first (超过 before 超).
    private static let comparisons: [([Unicode.Scalar], Approx)] = [
        ("超过", Approx.at_most), ("超出", .at_most), ("多于", .at_most), ("高于", .at_most), ("大于", .at_most),
        ("少于", .at_least), ("低于", .at_least), ("小于", .at_least), ("超", .at_most),
    ].map { (Array($0.0.unicodeScalars), $0.1) }

    private static let modals: ScalarSet = "得会能应可宜准"
}
