/// Finds what a claim counts or measures (CONVENTIONS.md, "subject"). This first version takes
/// the run of Han characters right before the span, inside the clause, and keeps what follows
/// the last verb or function word in it; dates and time-frame durations get none.
struct SubjectFinder {
    /// Words that end a subject when read backwards from the number (verbs and function words).
    static let stopWords: [[Unicode.Scalar]] = [
        "共计", "累计", "合计", "总计", "全年", "共", "达到", "达", "为", "约", "超过", "近", "逾", "增至", "降至", "提高到", "下降到",
        "上升", "下降", "增长", "增加", "减少", "同比", "环比", "分别", "保持在", "已", "有", "是", "的", "了", "和", "及", "与",
        "破获", "查处", "抓获", "打掉", "捣毁", "破", "立案", "核查", "扣押", "冻结", "组建", "抽调", "安排", "整改", "巡查", "注销", "侦破",
    ].map { Array($0.unicodeScalars) }

    func subject(of claim: Claim, in sentence: Sentence, _ buffer: TextBuffer) -> String? {
        if claim.kind == .date || claim.kind == .duration { return nil }
        let end = claim.span.lowerBound
        var start = end
        while start > sentence.range.lowerBound, buffer.folded[start - 1].properties.isIdeographic {
            start -= 1
        }
        // Cut after the last stop word in the run: what follows it is the noun phrase.
        let run = buffer.folded[start..<end]
        var cut = start
        for w in Self.stopWords where w.count <= run.count {
            var k = end - w.count
            while k >= start {
                if buffer.folded[k..<(k + w.count)].elementsEqual(w) { cut = max(cut, k + w.count); break }
                k -= 1
            }
        }
        return end - cut >= 2 ? buffer.text(cut..<end) : nil
    }
}
