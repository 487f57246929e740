/// The context stage: what a claim needs from the rest of its sentence.
/// - `basis` for a change whose own match did not name one: 同比/环比 earlier in the same clause
///   also covers the changes coordinated after it (`同比增加12起、上升8.5%` → both yoy).
/// - `subject`: filled by `SubjectFinder`.
struct ContextAttacher {
    var subjects = SubjectFinder()

    func attach(_ claims: inout [Claim], sentence: Sentence, _ buffer: TextBuffer) {
        for i in claims.indices {
            claims[i].sentence = sentence.number
            if claims[i].kind == .change, claims[i].basis == nil {
                claims[i].basis = clauseBasis(before: claims[i].span.lowerBound, sentence, buffer)
            }
            claims[i].subject = subjects.subject(of: claims[i], in: sentence, buffer)
        }
    }

    /// 同比 or 环比 between the start of the clause (after ， ； ： or the sentence start) and `pos`.
    private func clauseBasis(before pos: Int, _ sentence: Sentence, _ buffer: TextBuffer) -> Basis? {
        var k = pos - 1
        while k > sentence.range.lowerBound {
            let c = buffer.folded[k]
            if c == "," || c == ";" || c == "，" || c == "；" || c == "。" || c == ":" { break }
            if buffer.folded[k - 1] == "同" && c == "比" { return .yoy }
            if buffer.folded[k - 1] == "环" && c == "比" { return .mom }
            k -= 1
        }
        return nil
    }
}
