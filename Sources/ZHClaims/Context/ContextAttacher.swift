/// The context stage: what a claim needs from the rest of its sentence.
/// - `basis` for a change whose own match did not name one: 同比/环比 earlier in the same clause
///   also covers the changes coordinated after it (`同比增加12起、上升8.5%` → both yoy).
/// - `approx` from a negated comparison (`不得超过500元` → at most, `NegatedBound`), and from a
///   marker before a period (`至少每半年…一次`, `PerPeriodApprox`).
/// - `subject`: filled by `SubjectFinder` from the sentence's words. Word segmentation is the
///   costly part of the run, so it is done at most once per sentence, only over the clauses of the
///   claims that need a subject (not for dates and time-frame durations), and not at all when the
///   match stage already segmented part of the sentence (`sentenceWords`, clause by clause).
struct ContextAttacher {
    var subjects = SubjectFinder()

    func attach(_ claims: inout [Claim], sentence: Sentence, _ buffer: TextBuffer,
                sentenceWords: SentenceWords?, segmenter: WordSegmenter) throws {
        NegatedBound.apply(&claims, buffer, sentence: sentence.range)
        for i in claims.indices {
            claims[i].sentence = sentence.number
            if claims[i].kind == .change, claims[i].basis == nil {
                claims[i].basis = clauseBasis(before: claims[i].span.lowerBound, sentence, buffer)
            }
            if claims[i].approx == nil, claims[i].kind != .date, claims[i].kind != .rank {
                claims[i].approx = PerPeriodApprox.approx(of: i, in: claims, buffer, sentence: sentence.range)
            }
        }
        let needs = claims.map { SubjectFinder.needsWords($0, buffer, sentence: sentence.range) }
        guard let window = SubjectFinder.window(for: claims, needs: needs, sentence: sentence.range, buffer) else { return }
        var (found, wantsEarlier) = try subjects(claims, needs: needs, window: window, buffer, sentenceWords, segmenter)
        // A clause that names nothing may continue the topic of an earlier clause outside the
        // window: those claims alone are read again over a window widened to take it in.
        let wide = SubjectFinder.widened(window, sentence: sentence.range, buffer)
        if wide != window, wantsEarlier.contains(true) {
            let again = try subjects(claims, needs: wantsEarlier, window: wide, buffer, sentenceWords, segmenter).subjects
            for i in claims.indices where wantsEarlier[i] { found[i] = again[i] }
        }
        // A subject is a name for what is counted: invisible characters in the text are not part of it.
        for i in claims.indices { claims[i].subject = found[i].map(InvisibleCharacters.removed(from:)) }
    }

    private func subjects(_ claims: [Claim], needs: [Bool], window: Range<Int>, _ buffer: TextBuffer,
                          _ sentenceWords: SentenceWords?, _ segmenter: WordSegmenter) throws
        -> (subjects: [String?], wantsEarlierClauses: [Bool]) {
        let words = try sentenceWords?.words(covering: window) ?? segmenter.words(buffer, window)
        let tokens = SubjectTokenizer.tokens(words: words, window: window, claims: claims, buffer)
        return subjects.subjects(claims, needs: needs, tokens: tokens, buffer)
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
