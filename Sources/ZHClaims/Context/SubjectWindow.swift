/// Which claims of a sentence need its words for a subject, and which part of the sentence to
/// segment for them: word segmentation is the costly part of the run (ICU word break is about ten
/// times slower than the rest), so it is done once per sentence, over the clauses of the claims
/// that need a subject only, and never for a sentence whose claims are all dates and time frames.
extension SubjectFinder {
    /// Whether the subject of `claim` has to be looked for; dates and time-frame durations have
    /// none, so a sentence whose claims are all such is never segmented.
    static func needsWords(_ claim: Claim, _ buffer: TextBuffer, sentence: Range<Int>) -> Bool {
        switch claim.kind {
        case .date: return false
        case .duration: return !isTimeFrame(claim.span, buffer, sentence)
        default: return true
        }
    }

    /// A duration that frames time rather than measures something: `一年来`, `三年以来`,
    /// `10年前`, `两天后`, `14天内`, `过去4年中`, `未来两天`, `今明两年`, `短短(的)一年`, `近两年`, `这两天`, `头两年`,
    /// `时隔5年`, `一天下来`.
    static func isTimeFrame(_ span: Range<Int>, _ buffer: TextBuffer, _ sentence: Range<Int>) -> Bool {
        let f = buffer.folded
        let e = span.upperBound
        if e < sentence.upperBound {
            if "来前后内间里中".unicodeScalars.contains(f[e]) { return true }
            if e + 1 < sentence.upperBound, ["以来", "以后", "以前", "之前", "之后", "之内", "之间", "以内", "期间", "伊始", "下来"]
                .contains(where: { matches(f, e, $0) }) { return true }
        }
        let s = span.lowerBound
        if s - 1 >= sentence.lowerBound, "近这那头每后前".unicodeScalars.contains(f[s - 1]) { return true }
        if s - 2 >= sentence.lowerBound, ["过去", "未来", "最近", "今后", "此前", "近来", "之前", "以前", "今明", "短短", "时隔", "事隔", "相隔"]
            .contains(where: { matches(f, s - 2, $0) }) { return true }
        if s - 3 >= sentence.lowerBound, matches(f, s - 3, "短短的") { return true }
        return false
    }

    private static func matches(_ f: [Unicode.Scalar], _ at: Int, _ word: String) -> Bool {
        var k = at
        for u in word.unicodeScalars {
            guard k < f.count, f[k] == u else { return false }
            k += 1
        }
        return true
    }

    /// `window` taken back over the two clauses before it (up to 40 code points each), for the
    /// claims whose clause names nothing and may continue an earlier topic
    /// (`SubjectReader.topic(before:)`). Only those claims read it: segmenting two more clauses
    /// for every window cost 7 % more instructions on the whole run.
    static func widened(_ window: Range<Int>, sentence: Range<Int>, _ buffer: TextBuffer) -> Range<Int> {
        let f = buffer.folded
        var lo = window.lowerBound
        for _ in 0..<2 where lo > sentence.lowerBound {
            var k = lo - 2
            var n = 0
            while k >= sentence.lowerBound, !isBreak(f[k]), n < 40 { k -= 1; n += 1 }
            guard k < sentence.lowerBound || isBreak(f[k]) else { break }
            lo = k + 1
        }
        return lo..<window.upperBound
    }

    private static func isBreak(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ",", ";", ":", "。", "!", "?", "！", "？", "；", "：", "，", "\n": return true
        default: return false
        }
    }

    /// The part of the sentence to segment for the claims that need a subject: from the start of
    /// the clause of the first (or of the clause holding the bracket it is in) to the end of the
    /// clause of the last; nil when no claim needs one.
    static func window(for claims: [Claim], needs: [Bool], sentence: Range<Int>, _ buffer: TextBuffer) -> Range<Int>? {
        guard let first = needs.firstIndex(of: true), let last = needs.lastIndex(of: true) else { return nil }
        let f = buffer.folded
        // Back to the clause start; a claim inside brackets reads the clause before the bracket.
        var lo = claims[first].span.lowerBound
        var k = lo - 1
        var closers = 0
        var scanned = 0
        while k >= sentence.lowerBound, scanned < 30 {
            let c = f[k]
            if c == ")" || c == "）" { closers += 1 }
            if c == "(" || c == "（" {
                if closers == 0 { lo = k; break }
                closers -= 1
            }
            if c == "。" { break }
            k -= 1
            scanned += 1
        }
        k = lo - 1
        var n = 0
        while k >= sentence.lowerBound, !isBreak(f[k]), n < 40 { k -= 1; n += 1 }
        lo = k + 1
        var hi = claims[last].span.upperBound
        n = 0
        while hi < sentence.upperBound, !isBreak(f[hi]), n < 30 { hi += 1; n += 1 }
        return lo..<hi
    }
}
