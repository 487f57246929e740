/// The noun phrase a backward reading takes: content words back from a given token, with the
/// verbs, quotes, joiners and modifiers that may stand inside one (`涉黑恶|警情`, `新增|确诊病例`).
extension SubjectReader {
    /// Prepositions of the one something is given or done to (`向|农民|发放|林权证`).
    static let recipientPrepositions: ScalarSet = "向对给为替"

    /// The last verb among `range`'s tokens that is not inside quotes (`“新冠疫苗实施计划”`).
    func verbOutsideQuotes(_ range: Range<Int>) -> Int? {
        var depth = 0, verb: Int? = nil
        for k in range {
            switch tokens[k].kind {
            case .openQuote: depth += 1
            case .closeQuote: depth = max(0, depth - 1)
            case .word(.verb) where depth == 0: verb = k
            default: break
            }
        }
        return verb
    }

    /// The noun phrase whose last token is `end`, read backwards: content words, quoted units,
    /// and verbs that sit between content words (电信网络|诈骗|案件); at least two characters,
    /// without a trailing 中/上/下 (`10條問題中`).
    func phrase(endingAt end: Int, allowVerbHead: Bool = false) -> Range<Int>? {
        guard end >= 0 else { return nil }
        var k = end
        var first: Int? = nil
        // Where the phrase is known to be a subject or object (`农药残留|超`), a verb after a noun
        // may end it.
        if allowVerbHead, tokens[k].kind == .word(.verb), k > 0,
           tokens[k - 1].isContent || tokens[k - 1].kind == .word(.verb) || tokens[k - 1].kind == .closeQuote {
            first = k
            k -= 1
        }
        scan: while k >= 0 {
            switch tokens[k].kind {
            case .word(.content):
                first = k
                k -= 1
            case .closeQuote:
                guard let open = openingQuote(k) else { break scan }
                first = open
                k = open - 1
            case .joiner where first == k + 1 && k > 0 && tokens[k - 1].isContent:
                k -= 1
            case .word(.bridge) where first == k + 1 && Self.nounModifiers.contains(where: { isWord(k, $0) }):
                // Before a noun these modify it (`职工|平均|工资`, `最高|气温`); between a noun and
                // the number they bridge (`工资|平均|增长`), which `skipBridges` reads.
                first = k
                k -= 1
            case .word(.verb):
                // Inside the phrase when a content word stands before it; never its head:
                // `省份|开设|275个` is subject, verb, number.
                // A verb far from the head is more often the predicate (`淄博市依法|侦办|环境领域
                // 刑事案件`) than a modifier (`新增|确诊病例`, `境外|输入|病例`).
                // Right before a noun of what an action takes (`的|运行|时间`, `停牌|时间`) it makes
                // one noun with it, whatever stands before.
                let attribute = first == end && k + 1 == end && Self.actionAttributes.contains(where: { isWord(end, $0) })
                guard first != nil, attribute || k > 0 && (tokens[k - 1].isContent || tokens[k - 1].kind == .closeQuote),
                      !isClauseVerb(k), tokens[end].range.upperBound - tokens[k].range.upperBound <= 4 else { break scan }
                first = k
                k -= 1
            default:
                break scan
            }
        }
        guard var f = first else { return nil }
        // `向|关联企业|分发|订单|100多份`: after 向, 对, 给 or 为 the verb's object is the noun
        // (not after 把, whose object is the subject: `把|种植面积|扩大到`; nor before an
        // anniversary, which is the whole event's: `为|香港回归祖国|20周年`).
        if k >= 0, tokens[k].range.count == 1, tokens[k].wordClass == .preposition,
           Self.recipientPrepositions.contains(buffer.folded[tokens[k].range.lowerBound]),
           !(end + 1 < tokens.count && tokens[end + 1].claimIndex.map { isAnniversary(claims[$0]) } == true),
           let v = verbOutsideQuotes(f..<end) { f = v + 1 }
        f = skipLeadingClassifier(f, end)
        let e = dropTrailingPlace(f, end + 1)
        let r = f..<e
        return trimmed(f, e).count >= 2 ? r : nil
    }

    /// `这批|项目总投资`, `一|宗|涉款`: a classifier after a demonstrative or 一 counts the noun
    /// after it and is no part of it (ICU leaves both as characters of their own). Other
    /// numerals stay: they are most often part of a name there (`违反八项规定精神问题`).
    func skipLeadingClassifier(_ f: Int, _ end: Int) -> Int {
        var k = f
        if k < end, tokens[k].range.count == 1, tokens[k].wordClass != nil, buffer.folded[tokens[k].range.lowerBound] == "一" { k += 1 }
        guard k < end, tokens[k].isContent, tokens[k].range.count == 1,
              Self.classifierCharacters.contains(buffer.folded[tokens[k].range.lowerBound]) else { return f }
        guard k > f || (f >= 1 && tokens[f - 1].range.count == 1
                        && Self.demonstratives.contains(buffer.folded[tokens[f - 1].range.lowerBound])) else { return f }
        return k + 1
    }

    /// Nouns of what an action takes or costs, which a verb before them names (运行时间, 停牌时间,
    /// 飞行距离, 建设成本).
    static let actionAttributes = ["时间", "时长", "时限", "距离", "里程", "成本", "费用", "速度", "周期", "期限"]

    /// Bridges that modify the noun right after them.
    static let nounModifiers = ["平均", "年均", "日均", "最高", "最低"]

    static let demonstratives: ScalarSet = "这那该此每各本哪呢嗰"
    static let classifierCharacters: ScalarSet = "宗批项个名位件条家只台辆种类起例座所套份部期届轮"
}
