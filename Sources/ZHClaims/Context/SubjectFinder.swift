/// Finds what each claim of a sentence counts or measures (CONVENTIONS.md, "subject"), from the
/// sentence's words (`SubjectTokenizer`) and their classes (`SubjectLexicon`).
///
/// Chinese puts the counted thing on either side of the number, so both sides are read
/// (`SubjectReader.subject(of:)` gives the order of preference):
/// - after the number: classifier + noun phrase (`组建3146个“三人小组”` → 三人小组), or `N的` +
///   noun phrase (`13.49%的股权` → 股权) unless that noun only names a level (`95.7%的高位水平`);
///   see SubjectAfterNumber.swift;
/// - before the number: the noun phrase that ends where the bridge words before the number begin
///   (`涉黑恶警情|同比下降|41.2%` → 涉黑恶警情; `注册总数|达|1111万`), a share's whole
///   (`X占Y的N%` → X), a rank's entity past its scope (`战绩|全国|第一` → 战绩), the subject of
///   the claim a bare clause follows (`出口16883亿元，增长15.0%` → 出口 twice), the verb when
///   nothing else is there (`破案420宗`); see SubjectBeforeNumber.swift.
/// `分别` pairs listed subjects with listed values in order. Dates, time-frame durations
/// (`一年来`, `未来两天`, `10天内`) and numbers where nothing fits get none (SubjectWindow.swift
/// also keeps such sentences from being segmented). The subject is always original text of the
/// sentence, at most `maxLength` code points.
struct SubjectFinder {
    static let maxLength = 16

    /// The subject of each claim of one sentence (parallel to `claims`), as original text, and
    /// which claims found none in the window but may continue a topic before it (read again over
    /// `widened` words).
    func subjects(_ claims: [Claim], needs: [Bool], tokens: [SubjectToken], _ buffer: TextBuffer)
        -> (subjects: [String?], wantsEarlierClauses: [Bool]) {
        var reader = SubjectReader(claims: claims, tokens: tokens, buffer: buffer)
        var result = [String?].filled(nil, count: claims.count)
        for i in claims.indices where needs[i] {
            if let found = reader.subject(of: i) {
                var r = reader.antecedent(of: i, subject: found) ?? found
                if claims[i].unit == "℃" { r = Weather.trimmed(r, buffer) }
                reader.found[i] = r
                result[i] = buffer.text(r)
            }
        }
        // A listed number that found nothing of its own counts what the claim ending its list
        // counts (`177和156家基金` → 基金 twice).
        for i in claims.indices.reversed() where claims[i].rule == ListSharing.ruleID && result[i] == nil && needs[i] {
            if let end = claims[(i + 1)...].firstIndex(where: { $0.rule != ListSharing.ruleID }) { result[i] = result[end] }
        }
        return (result, reader.wantsEarlier)
    }
}

/// The subject search over the tokens of one sentence; claims are read left to right, so a
/// later claim can take an earlier one's subject.
struct SubjectReader {
    let claims: [Claim]
    let tokens: [SubjectToken]
    let buffer: TextBuffer
    let lexicon = SubjectLexicon.shared
    /// Token index of each claim (nil when outside the window).
    var tokenOf: [Int?]
    /// Subjects found so far (code point ranges).
    var found: [Range<Int>?]
    /// Subjects given by a `分别` list to its values.
    var assigned: [Int: Range<Int>] = [:]
    /// Claims that found nothing before the window's start and may continue an earlier topic.
    var wantsEarlier: [Bool]

    init(claims: [Claim], tokens: [SubjectToken], buffer: TextBuffer) {
        self.claims = claims
        self.tokens = tokens
        self.buffer = buffer
        var tokenOf = [Int?].filled(nil, count: claims.count)
        for (t, tok) in tokens.enumerated() { if let c = tok.claimIndex { tokenOf[c] = t } }
        self.tokenOf = tokenOf
        found = [Range<Int>?].filled(nil, count: claims.count)
        wantsEarlier = .filled(false, count: claims.count)
    }

    /// The subject of claim `i`, in this order: what a `分别` list gave it; the noun after the
    /// number (after 的 only when no predicated subject stands before it; not for an anniversary);
    /// what a sum paid with 以 buys; the noun listed values share; the noun before the number; the
    /// noun before the bracket it is in; the verb after a count; the subject of the claim the
    /// clause follows; the topic of a clause before (SubjectTopic.swift); the subject of the verb
    /// before it; that verb.
    mutating func subject(of i: Int) -> Range<Int>? {
        if let r = assigned[i] { return r }
        guard let t = tokenOf[i] else { return nil }
        let claim = claims[i]
        // `南京阴14℃/20℃`, `100元/200元`: a value after a slash is the other half of the one
        // before it (a low and a high, two prices), not of the noun after it (the next city).
        if let c = slashPartner(of: t) { return found[c] }
        if let c = coordinate(before: t, claim) { return c }
        if let team = opponent(after: t, claim) { return team }
        if let side = scorer(of: t, claim) { return side }
        // 部门 and 部委 are what they count, whatever follows (`中國3部門|指…`, `七部委|联合发布的《…》`,
        // `四部门|人员`), unless a list closed by 等 names them (`发改委|等|八部门`).
        if let own = ownNoun(of: claim) {
            if isWord(t - 1, "等") || isWord(t - 1, "等等"), let np = backward(from: t - 1, claim).phrase { return range(np) }
            return own
        }
        // An anniversary is the event's, not the occasion's after it (`胜利|80周年|大会`).
        let fwd = claim.kind == .duration && isAnniversary(claim) ? nil : forwardPhrase(t, claim)
        if let f = fwd, !f.viaDe {
            // People are named by a noun for people: a phrase after their count with none is
            // what they did (`团体成员150人|赴钓鱼岛海域`) when one names them right before it.
            if countsPeople(claim), !mayNamePeople(f.range), let np = backward(from: t - 1, claim).phrase,
               namesPeople(np.upperBound - 1) {
                return range(np)
            }
            return f.range
        }
        if let r = pricePaid(t, claim) { return r }
        let back = backward(from: t - 1, claim)
        if let f = fwd {
            // `成交额|在|千万元以下|的股票`: a subject the number is predicated of beats the
            // noun the whole phrase describes; `持有顺威股份13.49%的股权` has none: 股权. So
            // does the quantity a change is of, before a goal or a plan (`利用率|提高|5个百分点|
            // 的目标` → 利用率), not before what changed (`为企业|降低了|30%|的生产成本`).
            if let np = back.phrase, back.predicated || claim.kind == .change && namesAGoal(f.range) { return range(np) }
            return f.range
        }
        // `处3万元以上25万元以下的罚款`, `设定了140%和200%的负债上限`: listed values share the
        // noun after the last one.
        if let shared = sharedListPhrase(after: t) { return shared }
        // `地震致15万人受灾`: a count of people followed by what happened to them.
        if back.verbHeaded, claim.kind == .count, let v = trailingVerb(after: t, claim) { return v }
        if let np = back.phrase {
            if back.listed {
                assignList(firstValue: t, phrase: np)
                if let r = assigned[i] { return r }
            }
            return range(np)
        }
        if let bracket = openBracket(before: t) {
            let b = backward(from: bracket - 1, claim)
            if let np = b.phrase { return range(np) }
        }
        if claim.kind == .count, let v = trailingVerb(after: t, claim) { return v }
        if let c = back.previousClaim {
            if let r = found[c] { return r }
            // The claim before waits for an earlier topic: so does this one (`…，从20%提升至40%`).
            if wantsEarlier[c] { wantsEarlier[i] = true }
        }
        if let np = back.previousPhrase { return range(np) }
        if back.topic != nil || back.reachedStart, continuesTopic(t, claim) {
            if let np = back.topic { return range(np) }
            wantsEarlier[i] = true
        }
        if let np = back.verbSubject { return range(np) }
        if let v = back.verb {
            // Time spent is spent on what follows (`花了約6個半鐘|開會`); the verb of spending
            // or needing names nothing itself. (Money keeps it, as 捐赠 or 投入 do: 耗资 says
            // what the sum is.)
            if claim.kind == .duration, isSpending(v) { return spentOn(after: t) }
            return namingVerb(tokens[back.verbStart ?? v].range.lowerBound..<tokens[v].range.upperBound)
        }
        if let v = back.durationVerb { return isSpending(v) ? spentOn(after: t) : namingVerb(tokens[v].range) }
        return nil
    }

    // MARK: Helpers

    /// A verb as the subject names the activity counted (`破案|420宗`, `拘捕|了96人`); one
    /// character alone (用, 说, 获, 做了5天) names none.
    func namingVerb(_ r: Range<Int>) -> Range<Int>? { r.count >= 2 ? r : nil }

    /// `定点于东经125度赤道上空`: degrees of longitude or latitude are the meridian's or the
    /// parallel's named right before them, whatever noun follows.
    func coordinate(before t: Int, _ claim: Claim) -> Range<Int>? {
        guard claim.kind == .measure, t >= 1, tokens[t - 1].wordClass != nil,
              "经纬".unicodeScalars.contains(buffer.folded[tokens[t - 1].range.upperBound - 1]), claim.unit == "度",
              Self.coordinateWords.contains(where: { endsWith(t - 1, $0) }) else { return nil }
        let end = tokens[t - 1].range.upperBound
        return (end - 2)..<end
    }

    static let coordinateWords = ["东经", "西经", "北纬", "南纬"]

    /// The unit of a count that names what it counts (`ownNounUnits`), as it stands at the end of
    /// the claim's text, or nil.
    func ownNoun(of claim: Claim) -> Range<Int>? {
        // Compared, not hashed: this runs for every count.
        guard claim.kind == .count, let unit = claim.unit, Self.ownNounUnits.contains(where: { $0 == unit }) else { return nil }
        let n = unit.unicodeScalars.count
        var end = claim.span.upperBound
        while end - n >= claim.span.lowerBound {
            if buffer.folded[(end - n)..<end].elementsEqual(unit.unicodeScalars) { return (end - n)..<end }
            end -= 1
        }
        return nil
    }

    static let ownNounUnits = ["部门", "部委"]

    /// Whether text `r` holds a character that ends nouns for people (`SubjectLexicon.personHeads`,
    /// and 宾, 理 of 嘉宾, 经理, 总理).
    func mayNamePeople(_ r: Range<Int>) -> Bool {
        r.contains { SubjectLexicon.personHeads.contains(buffer.folded[$0]) || Self.morePersonEnds.contains(buffer.folded[$0]) }
    }

    static let morePersonEnds: ScalarSet = "宾理"

    /// Whether token `v` is a verb of spending or needing time (花了, 只用, 需要).
    func isSpending(_ v: Int) -> Bool {
        // First characters are checked before a String is made and hashed.
        Self.spendingStarts.contains(buffer.folded[tokens[v].range.lowerBound])
            && Self.spendingVerbs.contains(buffer.foldedText(tokens[v].range))
    }

    static let spendingStarts: ScalarSet = "花用只仅需耗费历"

    static let spendingVerbs: Set<String> = ["花", "花了", "花费", "花费了", "用了", "只用", "只用了", "仅用", "仅用了", "需要", "只需", "只需要",
                                            "仅需", "需", "耗时", "耗费", "耗资", "费时", "费了", "用时", "历时"]

    /// The verb right after a claim, closing its clause (`…|開會|。`), or nil.
    func spentOn(after t: Int) -> Range<Int>? {
        let j = skipSpaces(t + 1)
        guard j < tokens.count, tokens[j].kind == .word(.verb), tokens[j].range.count >= 2, endsClause(j + 1) else { return nil }
        return tokens[j].range
    }

    /// Whether a phrase names a goal, a plan or a decision a number is part of (`下降17%的目标`,
    /// `延长5年的协议`) rather than a quantity.
    func namesAGoal(_ r: Range<Int>) -> Bool {
        let text = buffer.foldedText(r)
        return Self.goalNouns.contains(where: { text.hasSuffix($0) })
    }

    static let goalNouns = ["目标", "计划", "协议", "决定", "文件", "方针", "提议", "方案", "要求", "需求", "任务", "承诺"]

    /// Whether the claim counts people: then a verb after it is what they did (`17人组成短网队`),
    /// not part of the noun.
    func countsPeople(_ claim: Claim) -> Bool {
        guard let unit = claim.unit else { return false }
        return Self.personUnits.contains(unit)
    }

    func isClauseVerb(_ j: Int) -> Bool {
        SubjectLexicon.clauseVerbs.contains(buffer.foldedText(tokens[j].range))
    }

    func isDimension(_ j: Int) -> Bool {
        Self.dimensions.contains(where: { isWord(j, $0) })
    }

    static let personUnits: Set<String> = ["人", "名", "位", "人次", "口", "员", "个人"]
    static let dimensions = ["长", "宽", "高", "深", "厚", "重"]

    /// `end` moved back over a final one-character 中/上/下/里/内 when a noun stands before it.
    func dropTrailingPlace(_ start: Int, _ end: Int) -> Int {
        guard end - start >= 2, tokens[end - 1].range.count == 1 else { return end }
        let c = buffer.folded[tokens[end - 1].range.lowerBound]
        return "中上下里内".unicodeScalars.contains(c) ? end - 1 : end
    }

    func openBracket(before t: Int) -> Int? {
        var k = t - 1
        var steps = 0
        while k >= 0, steps < 12 {
            switch tokens[k].kind {
            case .openBracket: return k
            case .closeBracket: return nil
            default: break
            }
            k -= 1
            steps += 1
        }
        return nil
    }

    func closingQuote(_ open: Int) -> Int? {
        var k = open + 1
        while k < tokens.count, k - open <= 16 {
            switch tokens[k].kind {
            case .closeQuote: return k
            case .clauseBreak, .openQuote, .claim: return nil
            default: k += 1
            }
        }
        return nil
    }

    func openingQuote(_ close: Int) -> Int? {
        var k = close - 1
        while k >= 0, close - k <= 16 {
            switch tokens[k].kind {
            case .openQuote: return k
            case .clauseBreak, .closeQuote, .claim: return nil
            default: k -= 1
            }
        }
        return nil
    }

    func skipSpaces(_ j: Int) -> Int {
        var j = j
        while j < tokens.count, tokens[j].kind == .space { j += 1 }
        return j
    }

    func isWord(_ j: Int, _ word: String) -> Bool {
        guard j >= 0, j < tokens.count, tokens[j].wordClass != nil else { return false }
        return buffer.folded[tokens[j].range].elementsEqual(word.unicodeScalars)
    }

    func startsWith(_ j: Int, _ c: Unicode.Scalar) -> Bool {
        tokens[j].wordClass != nil && buffer.folded[tokens[j].range.lowerBound] == c
    }

    /// Whether the text ending at token `j` ends with `word`.
    func endsWith(_ j: Int, _ word: String) -> Bool {
        let end = tokens[j].range.upperBound
        var k = end - word.unicodeScalars.count
        guard k >= 0 else { return false }
        for s in word.unicodeScalars {
            guard buffer.folded[k] == s else { return false }
            k += 1
        }
        return true
    }

    /// Code points of tokens `start..<end`, cut at a token edge to `maxLength`: from the front for
    /// a phrase read backwards (its head noun comes last), from the end for one read forwards
    /// (a long one has run past its head into what follows); a single quoted unit loses its quotes.
    func trimmed(_ start: Int, _ end: Int, keepingStart: Bool = false) -> Range<Int> {
        var s = start
        var e = end
        if keepingStart {
            while e > s + 1, tokens[e - 1].range.upperBound - tokens[s].range.lowerBound > SubjectFinder.maxLength { e -= 1 }
        } else {
            while s < e - 1, tokens[e - 1].range.upperBound - tokens[s].range.lowerBound > SubjectFinder.maxLength { s += 1 }
        }
        return unquoted(tokens[s].range.lowerBound..<tokens[e - 1].range.upperBound)
    }

    func range(_ tokenRange: Range<Int>) -> Range<Int> {
        trimmed(tokenRange.lowerBound, tokenRange.upperBound)
    }

    static let openQuotes: ScalarSet = "“「『‘《\""
    static let closeQuotes: ScalarSet = "”」』’》\""

    /// `“三人小组”` → `三人小组`: a subject that is one quoted unit loses its quotes.
    func unquoted(_ r: Range<Int>) -> Range<Int> {
        guard r.count > 2 else { return r }
        let f = buffer.folded
        let open = Self.openQuotes, close = Self.closeQuotes
        guard open.contains(f[r.lowerBound]), close.contains(f[r.upperBound - 1]) else { return r }
        // Only when no other quote sits inside.
        for k in (r.lowerBound + 1)..<(r.upperBound - 1) where open.contains(f[k]) || close.contains(f[k]) { return r }
        return (r.lowerBound + 1)..<(r.upperBound - 1)
    }
}

extension SubjectReader {
    /// The claim right before the one at token `t`, joined to it by a slash, when both are of
    /// the same kind and unit.
    func slashPartner(of t: Int) -> Int? {
        guard t >= 2, tokens[t - 1].kind == .joiner, let c = tokens[t - 2].claimIndex, let i = tokens[t].claimIndex,
              tokens[t - 1].range.count == 1, buffer.folded[tokens[t - 1].range.lowerBound] == "/",
              claims[c].kind == claims[i].kind, claims[c].unit == claims[i].unit else { return nil }
        return c
    }
}
