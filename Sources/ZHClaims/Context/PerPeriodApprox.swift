/// An approx marker that bounds a rate rather than the number right after it: `至少每半年舉行一次`
/// (at least once every half year), `至少每天运动45分钟到1小时`, `不超过每小时70公里`,
/// `最多每名員工每月獲$12600`. The marker stands before 每 and its period, so no rule sees it
/// next to the number; the number after the period takes it (CONVENTIONS.md, approx: an approx
/// word separated from the number still sets approx).
///
/// Only the bounding markers (at_least, at_most) carry over: `约每天3次` is left alone. The
/// period itself (`至少每6个月…一次` → 6个月) is no bounded quantity, and only the first claim after
/// it takes the marker; the search stops at a clause mark.
enum PerPeriodApprox {
    /// How far before a claim 每 may stand (`至少每季度对全部金融资产进行一次`).
    static let reach = 16

    /// The bounding approx of `claims[i]` from a marker before 每, or nil.
    static func approx(of i: Int, in claims: [Claim], _ buffer: TextBuffer, sentence: Range<Int>) -> Approx? {
        let f = buffer.folded, start = claims[i].span.lowerBound
        let low = max(sentence.lowerBound, start - reach)
        // 每 stands before at least one character of period; the nearest one with a marker
        // counts (`最多每名員工每月獲$12600`: the marker is before the first).
        var m = start - 2
        while m >= low, !clauseMarks.contains(f[m + 1]) {
            if f[m] == "每", let a = marker(before: m, buffer, sentence) {
                // The marker bounds the first number after the period only.
                let between = claims.indices.contains { k in
                    k != i && claims[k].span.lowerBound > m + 1 && claims[k].span.lowerBound < start
                }
                return between ? nil : a
            }
            m -= 1
        }
        return nil
    }

    /// at_least or at_most when a bounding marker ends right before `m`.
    private static func marker(before m: Int, _ buffer: TextBuffer, _ sentence: Range<Int>) -> Approx? {
        for length in 2...3 where m - length >= sentence.lowerBound {
            if let a = Lexicon.approx(buffer.foldedText((m - length)..<m)), a == .at_least || a == .at_most { return a }
        }
        return nil
    }

    private static let clauseMarks: ScalarSet = ",;:!?。，；：！？、()（）\n"
}
