/// The sides of a match score (CONVENTIONS.md: each number of `96比88` has its team as subject).
/// The left number is the team's before it (`巴西|以|3比1`, see `agent(beforePlaceAt:)` and the
/// 以 bridge); the right number is the opponent's, named after the verb of the result:
/// `2比1|战胜|曼联` → 曼联, `0：2|敗於|南韓` → 南韓, `以3比0的比分|战胜|日本队` → 日本队. With no team
/// after the verb (`以3∶1|获胜`) the right number has none: the verb is not what it counts.
extension SubjectReader {
    /// A side's score of a match (the count.score_* rules of Rules/count.yaml).
    func isScore(_ claim: Claim) -> Bool { claim.rule.hasPrefix("count.score") }

    /// For the right-hand score at token `t` followed by a verb of result: `.some(team)`, or
    /// `.some(nil)` when nothing is named after the verb; nil when this reading does not apply.
    func opponent(after t: Int, _ claim: Claim) -> Range<Int>?? {
        guard isScore(claim), claim.rule.hasSuffix("right") else { return nil }
        var j = skipSpaces(t + 1)
        // `3比0的比分`, `3:0的总比分`.
        if isWord(j, "的"), j + 1 < tokens.count, tokens[j + 1].isContent, endsWith(j + 1, "比分") { j = skipSpaces(j + 2) }
        while j < tokens.count, tokens[j].kind == .word(.adverb), !isWord(j, "不") { j += 1 }
        guard let verbEnd = resultVerb(at: j) else { return nil }
        var k = verbEnd
        while k < tokens.count, Self.afterResultVerb.contains(where: { isWord(k, $0) }) { k += 1 }
        guard k < tokens.count, let team = collect(from: k, viaDe: false, claim) else { return .some(nil) }
        return .some(team.range)
    }

    /// The token after a verb of result written in one or two tokens at `j` (战胜, 不|敌), or nil.
    private func resultVerb(at j: Int) -> Int? {
        for n in [2, 1] where j + n <= tokens.count {
            guard (j..<(j + n)).allSatisfy({ tokens[$0].wordClass != nil }) else { continue }
            let text = buffer.foldedText(tokens[j].range.lowerBound..<tokens[j + n - 1].range.upperBound)
            if Self.resultVerbs.contains(text) { return j + n }
        }
        return nil
    }

    /// Verbs that state a match's result, most with the opponent as object, some without one
    /// (获胜, 胜出); folded, so simplified.
    static let resultVerbs: Set<String> = [
        "战胜", "击败", "打败", "力克", "完胜", "大胜", "小胜", "险胜", "轻取", "横扫", "击溃", "零封", "淘汰",
        "战平", "逼平", "打平", "负于", "败于", "输给", "不敌", "惜败", "惨败", "败给", "负", "胜", "败", "赢", "输",
        "获胜", "胜出", "取胜", "告负", "落败", "夺冠",
    ]

    /// Words between a verb of result and the team (`战胜了沙尔克`, `败于`, `惨败给`).
    static let afterResultVerb = ["了", "于", "给"]

    /// Goals (`N球`, unit 球) are the side's that scored them, like a score: the team or player
    /// right before the verb of scoring (`哥伦比亚队|连入|三球`, `卢卡库|双双|打进|两球`), else
    /// none (`落后两球`, `11轮联赛|打进|16球`: a frame, not a scorer). Before 的 the noun after it
    /// is read as usual (`打进4球的|C罗`). `.some(nil)` for none; nil when this reading does not apply.
    func scorer(of t: Int, _ claim: Claim) -> Range<Int>?? {
        guard claim.unit == "球" else { return nil }
        var k = t - 1
        while k >= 0, tokens[k].kind == .space { k -= 1 }
        if k >= 0, isWord(k, "了") { k -= 1 }
        guard k >= 1, Self.scoringVerbs.contains(where: { isWord(k, $0) }) else { return .some(nil) }
        if isWord(skipSpaces(t + 1), "的") { return nil }
        k -= 1
        while k >= 0, tokens[k].kind == .word(.adverb) { k -= 1 }
        guard k >= 0, let np = phrase(endingAt: k) else { return .some(nil) }
        // `在老特拉福德|打入`: where, not who; the scorer stands before 在.
        if np.lowerBound >= 1, Self.placePrepositions.contains(where: { isWord(np.lowerBound - 1, $0) }) {
            return .some(agent(beforePlaceAt: np.lowerBound - 1, claim).map(range))
        }
        if np.lowerBound >= 1, Self.isFrameStart(tokens[np.lowerBound - 1].kind) { return .some(nil) }
        if let last = buffer.folded[tokens[np.upperBound - 1].range].last, Self.matchFrameEnds.contains(last) {
            return .some(nil)
        }
        return .some(range(np))
    }

    /// Last characters of words for a match, a period of one or a competition (比赛, 赛事,
    /// 下半场, 赛季, 英超, 西甲, 世界杯, 第3轮): the frame goals are scored in, not a side.
    static let matchFrameEnds: ScalarSet = "赛事场季超甲杯轮"

    /// A number before the phrase makes it a frame (`11轮|联赛`, `两场|比赛`), not a side.
    private static func isFrameStart(_ kind: SubjectToken.Kind) -> Bool {
        if case .claim = kind { return true }
        return kind == .number
    }

    /// Verbs of scoring goals (folded, so simplified).
    static let scoringVerbs = ["打进", "打入", "攻入", "攻进", "射入", "射进", "踢进", "踢入", "连进", "连入", "罚进", "轰进", "轰入", "进", "入"]
}
