/// The words that may stand between a subject and its number, read backwards: bridges (达, 同比,
/// 增长), adverbs and times, dates and what follows them (`1月份`), time frames (`三年来`), a rate's
/// period (`每小时`), a period compared with (`较前4个月`); see `SubjectReader.backward`.
extension SubjectReader {
    /// Skips, backwards from `start`, the words between a subject and its number; returns the
    /// index of the first token that is not one. `frames`: also time frames (`2天內`).
    func skipBridges(from start: Int, _ claim: Claim, _ out: inout Backward, frames: Bool = true) -> Int {
        var j = start
        var n = 0
        while j >= 0, n < 8 {
            let tok = tokens[j]
            if tok.kind == .space { j -= 1; continue }
            if let c = tok.claimIndex, claims[c].kind == .date { j -= 1; n += 1; continue }
            // `1月份`, `年底`: what follows a date is part of it.
            if j > 0, let c = tokens[j - 1].claimIndex, claims[c].kind == .date,
               Self.dateParts.contains(where: { isWord(j, $0) }) {
                j -= 2
                n += 1
                continue
            }
            // A time frame: `確診病例|2天|內|暴增|136宗`, `销量|三年来|增长|50%`.
            if frames, j > 0, let c = tokens[j - 1].claimIndex, claims[c].kind == .duration,
               Self.frameEnds.contains(where: { isWord(j, $0) }) {
                j -= 2
                n += 1
                continue
            }
            // A period compared with: `收入增速|较|前|4个月|回升|9.2个百分点`.
            if let c = tok.claimIndex, claims[c].kind == .duration, let base = comparisonBase(before: j) {
                j = base - 1
                n += 1
                continue
            }
            // A rate's period or unit: `最大风力|高达|每|小时|159公里` → 最大风力.
            if j > 0, isWord(j - 1, "每"), tok.wordClass != nil, tok.range.count <= 3 {
                j -= 2
                n += 1
                continue
            }
            // A change's own verb right before its number, listed as a bridge or not
            // (`原油日产量|削减|124.5万桶`, `订单|猛增|三成`).
            if n == 0, claim.kind == .change, tok.kind == .word(.verb) {
                j -= 1
                n += 1
                continue
            }
            // A currency word written before the amount is its unit, outside the span
            // (`合同销售金额|仅为|人民币|25亿元` → 合同销售金额), not what is counted.
            if n == 0, claim.kind == .money || claim.kind == .change, let k = currencyWord(endingAt: j) {
                j = k - 1
                n += 1
                continue
            }
            guard let cls = tok.wordClass, isBridge(j, cls, claim) else { break }
            if isWord(j, "分别") { out.listed = true }
            if isWord(j, "以") { out.wonWith = true }
            if cls == .verb, out.durationVerb == nil { out.durationVerb = j }
            j -= 1
            n += 1
        }
        return j
    }

    /// Currency words that may stand before an amount: the written ones the resolver knows
    /// (`Lexicon.currencyPrefixes`, `Lexicon.currencies`; folded, so 人民幣 reads 人民币).
    static let currencyWords: [String] = Set(Lexicon.currencyPrefixes.keys).union(Lexicon.currencies.keys)
        .filter { word in
            // Only names ending in 币, 元 or 镑: a name cut before 法郎 or 里亚尔 would leave its
            // country (瑞士, 沙特) as the subject.
            word.unicodeScalars.count >= 2 && word.unicodeScalars.allSatisfy(\.isIdeographicQuick)
                && word.unicodeScalars.last.map { currencyEnds.contains($0) } == true
        }.sorted()
    /// The last characters of `currencyWords`, checked before any word is compared.
    static let currencyEnds: ScalarSet = "币元镑"

    /// The first token of a currency word whose last token is `j`, when tokens make it up
    /// exactly (ICU cuts 人民|币; not the end of a longer word such as 兑美元).
    func currencyWord(endingAt j: Int) -> Int? {
        guard tokens[j].wordClass != nil, Self.currencyEnds.contains(buffer.folded[tokens[j].range.upperBound - 1]) else { return nil }
        for word in Self.currencyWords where endsWith(j, word) {
            let start = tokens[j].range.upperBound - word.unicodeScalars.count
            var k = j
            while k > 0, tokens[k].range.lowerBound > start, tokens[k - 1].wordClass != nil { k -= 1 }
            if tokens[k].range.lowerBound == start { return k }
        }
        return nil
    }

    /// The 比/较 at most two words before token `j` (over 前, 上, 同期 …), or nil.
    func comparisonBase(before j: Int) -> Int? {
        var k = j - 1
        while k >= 0, j - k <= 3 {
            if Self.comparisonBases.contains(where: { isWord(k, $0) }) { return k }
            guard tokens[k].kind == .word(.locality) || tokens[k].kind == .word(.time) || isWord(k, "前") else { return nil }
            k -= 1
        }
        return nil
    }

    /// Whether the word at `j` may stand between a subject and the number of `claim`.
    func isBridge(_ j: Int, _ cls: WordClass, _ claim: Claim) -> Bool {
        switch cls {
        case .bridge, .adverb, .time: return true
        // A rank is taken in a scope (`战绩|全国|第一`), a share of one (`吸收外资|占|全国|18.5%`).
        case .scope: return [.rank, .percent, .ratio].contains(claim.kind)
        // A list closed by 等 names what is counted (`离退休干部|等|几十人`, `发改委|等|八部门`).
        case .particle: return isWord(j, "了") || isWord(j, "等") || isWord(j, "等等")
        case .preposition:
            // A score won with 以 is the team's before it (`巴西|以|3比1|战胜克罗地亚`).
            if isWord(j, "以"), isScore(claim) || wonWith(after: j) { return true }
            return Self.bridgePrepositions.contains(where: { isWord(j, $0) })
        case .verb:
            // What lasts: `成立逾十年`, `歷時5天`; but an anniversary is the event's
            // (`建交20周年` → 建交).
            return claim.kind == .duration && !buffer.folded[claim.span].contains("周")
        case .numeral, .pronoun, .content:
            // A unit price or rate: `倒库一把25元`, `團購價每次都只是58.8元`.
            let f = buffer.folded[tokens[j].range]
            return f.count == 2 && (f.first == "每" || f.first == "一")
        default: return false
        }
    }

    /// Whether the claim after 以 at `j` is a result something was won with, its verb of winning
    /// after it or after 的 and a noun (`朱梦惠|以|24秒81|夺得金牌`, `以|96.60分|的|成绩|夺得冠军`):
    /// then 以 bridges to the winner before it, as for a score.
    func wonWith(after j: Int) -> Bool {
        let k = skipSpaces(j + 1)
        guard k < tokens.count, tokens[k].claimIndex != nil else { return false }
        var m = skipSpaces(k + 1)
        if isWord(m, "的"), m + 1 < tokens.count, tokens[m + 1].isContent { m = skipSpaces(m + 2) }
        guard m < tokens.count, tokens[m].wordClass != nil else { return false }
        let word = buffer.folded[tokens[m].range]
        return Self.winningVerbs.contains(where: { word.starts(with: $0.unicodeScalars) })
            || Self.resultVerbs.contains(buffer.foldedText(tokens[m].range))
    }

    /// Verbs of winning or setting a mark, as a word or a word's start (夺得, 获得冠军); the
    /// verbs of a match's result (获胜, 夺冠, 战胜 …) are `resultVerbs`.
    static let winningVerbs = ["夺得", "获得", "赢得", "摘得", "斩获", "摘取", "夺取", "打破", "刷新", "创造", "创下", "卫冕", "获"]
}
