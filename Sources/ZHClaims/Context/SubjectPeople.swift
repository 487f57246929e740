/// What the subject finder knows about people: nouns that name them, and the verb that says
/// what a count of people did or suffered (`8人受伤`).
extension SubjectReader {
    /// Whether content token `j` is a noun for people by its ending: narrower than
    /// `endsInPersonHead`, whose 家, 工, 民 and 户 also end 国家, 人工, 惠民 and 落户.
    func namesPeople(_ j: Int) -> Bool {
        guard tokens[j].isContent else { return false }
        let r = tokens[j].range
        let last = buffer.folded[r.upperBound - 1]
        if Self.peopleEnds.contains(last) { return true }
        return r.count >= 2 && Self.peopleWordEnds.contains(last)
            && Self.peopleWords.contains(buffer.foldedText((r.upperBound - 2)..<r.upperBound))
    }

    static let peopleEnds: ScalarSet = "人者员众兵童客友"
    /// Last characters of `peopleWords`, tested first (no string is made for most words).
    static let peopleWordEnds: ScalarSet = "民生户部兵工"
    static let peopleWords: Set<String> = ["居民", "市民", "村民", "平民", "农民", "网民", "难民", "选民", "公民", "移民",
                                           "学生", "考生", "师生", "用户", "商户", "农户", "干部", "官兵", "职工", "工人"]

    /// Whether token `j` is a content word ending in a character of a noun for people (消防員,
    /// 党员干部: `SubjectLexicon.personHeads`).
    func endsInPersonHead(_ j: Int) -> Bool {
        tokens[j].isContent && SubjectLexicon.personHeads.contains(buffer.folded[tokens[j].range.upperBound - 1])
    }

    /// Whether a count of people names them right before 的 while what follows 的 is not a
    /// noun for people as such: `11名被捕男女的案件`, `3名自殺人士的家屬` count the people
    /// before 的, `2名襲擊記者的人士` and `11名来自…国家的火炬传递选手` the people after it.
    func namesPeopleBefore(de: Int, after phrase: Range<Int>, _ claim: Claim) -> Bool {
        guard countsPeople(claim), endsInPersonHead(de - 1) else { return false }
        let head = buffer.folded[phrase.upperBound - 1]
        return !SubjectLexicon.personHeads.contains(head) || Self.relationalPersonHeads.contains(head)
    }

    /// Nouns for people named by their relation to others (家属, 家长): `3名自殺人士的家屬`.
    static let relationalPersonHeads: ScalarSet = "属长"

    /// A count followed by nothing but a verb (`8人受伤，`, `15万人受灾　已启动`); for people
    /// maybe after an adverb (`30万人不同程度受灾`, `数百人被迫疏散`), and before the next count
    /// of people (`8人遇难7人受伤`) or with a second verb, which the phrase takes in
    /// (`175人死亡失踪，` → 死亡失踪). Returns the verb's code point range.
    func trailingVerb(after t: Int, _ claim: Claim) -> Range<Int>? {
        // People after 对, 向, 给 or 把 are the object of the verb, not who did it (`對三人表達支持`).
        if t >= 1, tokens[t - 1].range.count == 1, tokens[t - 1].wordClass != nil,
           Self.objectPrepositions.contains(buffer.folded[tokens[t - 1].range.lowerBound]) { return nil }
        var j = skipSpaces(t + 1)
        if countsPeople(claim), j + 1 < tokens.count, tokens[j].kind == .word(.adverb), !isNegation(j) { j += 1 }
        guard j < tokens.count, tokens[j].range.count >= 2,
              tokens[j].kind == .word(.verb) || tokens[j].kind == .word(.bridge) else { return nil }
        let k = j + 1
        if k == tokens.count { return tokens[j].range }
        switch tokens[k].kind {
        case .clauseBreak, .listBreak, .closeBracket, .space: return tokens[j].range
        case let .claim(c) where countsPeople(claim) && countsPeople(claims[c]) && tokens[j].kind == .word(.verb):
            return tokens[j].range
        case .word(.verb) where countsPeople(claim) && tokens[j].kind == .word(.verb) && endsClause(k + 1):
            return tokens[j].range.lowerBound..<tokens[k].range.upperBound
        default: return nil
        }
    }

    static let objectPrepositions: ScalarSet = "对向给把替为"

    /// An adverb that negates what follows (`50人|尚未|脱贫`: they did not).
    func isNegation(_ j: Int) -> Bool {
        !isWord(j, "不同程度") && buffer.folded[tokens[j].range].contains(where: { $0 == "未" || $0 == "没" || $0 == "不" })
    }
}
