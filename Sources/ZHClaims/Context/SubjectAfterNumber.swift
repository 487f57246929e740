/// The subject read after the number: what a classifier counts (`组建3146个“三人小组”`), what
/// `N的` describes (`13.49%的股权`), and the noun listed values share (`处3万元以上25万元以下的罚款`).
/// What a count of people did (`8人受伤`) is read in SubjectPeople.swift.
extension SubjectReader {
    /// The noun phrase right after the number: `3146个“三人小组”`, `1000元管理费`, and through
    /// 的: `13.49%的股权`, `两个迷失归途的儿童`, `100家最大的银行`.
    func forwardPhrase(_ t: Int, _ claim: Claim) -> (range: Range<Int>, viaDe: Bool)? {
        // A space after a number separates (headlines: `沪指重挫逾百点 A股大跌`).
        var j = t + 1
        guard j < tokens.count else { return nil }
        if let end = perUnitEnd(after: t) { return pricedItem(from: j, after: end, claim) }
        // `兩名|前|傳媒人`: after a count of people, 前 is "former", up to the first noun for people
        // (`前傳媒人|謝志峰…`).
        if isWord(j, "前"), countsPeople(claim), j + 1 < tokens.count, tokens[j + 1].isContent,
           tokens[j + 1].range.lowerBound == tokens[j].range.upperBound {
            var p = j + 1
            while p < tokens.count, p - j <= 3, tokens[p].isContent, !namesPeople(p) { p += 1 }
            if p < tokens.count, p - j <= 3, namesPeople(p) { return (tokens[j].range.lowerBound..<tokens[p].range.upperBound, false) }
        }
        // `500米长的栈桥`: the dimension word belongs to the number.
        if j + 1 < tokens.count, isDimension(j), isWord(j + 1, "的") { j += 1 }
        if isWord(j, "的") { return phraseAfterDe(j, claim) }
        // `89岁高龄的黎介寿`, `两份不同的表格`: a word describing the noun after 的.
        if j + 1 < tokens.count, isWord(j + 1, "的"),
           Self.describingWords.contains(where: { isWord(j, $0) }) || claim.kind == .age && isWord(j, "高龄") {
            return phraseAfterDe(j + 1, claim)
        }
        // `两个迷失归途的儿童`, `100家最大的银行`: a verb or superlative clause before 的
        // describes the noun after it.
        var k = j
        while k < tokens.count, k - j < 6, tokens[k].isContent || tokens[k].kind == .word(.verb)
                || tokens[k].kind == .word(.adverb) { k += 1 }
        if k > j, k < tokens.count, isWord(k, "的"),
           tokens[j].kind == .word(.verb) || tokens[j].kind == .word(.adverb) || startsWith(j, "最"),
           let r = phraseAfterDe(k, claim), !namesPeopleBefore(de: k, after: r.range, claim) {
            return r
        }
        // `近200名|来自|日本全国各地|的|民众`: where they come from describes the noun after 的.
        if isWord(j, "来自"), let de = (j + 1..<min(tokens.count, j + 12)).first(where: { isWord($0, "的") || !fromPhrase($0) }),
           isWord(de, "的"), let r = phraseAfterDe(de, claim) {
            return (comingNoun(r.range, claim), true)
        }
        // `120万只37厘米彩色显像管`: a measure between the count and its noun.
        if let c = tokens[j].claimIndex, claims[c].kind == .measure { j += 1 }
        guard let r = collect(from: j, viaDe: false, claim) else { return nil }
        return (r.range, false)
    }

    /// The noun in `phrase` (after `来自…的`), without the predicate of the sentence that follows
    /// it: up to the first noun for people when people are counted (`船员|登船`), else up to
    /// the first verb after a noun (`企业与机构|入驻`).
    func comingNoun(_ phrase: Range<Int>, _ claim: Claim) -> Range<Int> {
        let ks = phrase.isEmpty ? [] : tokens.indices.filter { phrase.contains(tokens[$0].range.lowerBound) }
        guard let first = ks.first else { return phrase }
        for k in ks where k > first {
            if countsPeople(claim) ? endsInPersonHead(k - 1) : tokens[k].kind == .word(.verb) && tokens[k - 1].isContent {
                return phrase.lowerBound..<tokens[k - 1].range.upperBound
            }
        }
        return phrase
    }

    /// Whether token `k` may stand in a place named after 来自 (`来自|LSE及哈佛等著名大学`, `来自|全国各地`).
    func fromPhrase(_ k: Int) -> Bool {
        switch tokens[k].kind {
        case .word(.content), .word(.scope), .word(.pronoun), .word(.locality), .word(.numeral), .word(.conjunction), .listBreak,
             .openQuote, .closeQuote, .joiner, .space: return true
        case .word(.particle): return isWord(k, "等")
        default: return false
        }
    }

    /// The phrase after the 的 at `de`, skipping quantifiers (`的几个主要关口`) and a claim that
    /// describes it (`3%的10年美债收益率`); nil when the noun only names a level or a frame
    /// (`95.7%的高位水平`, `75岁的条件下`).
    func phraseAfterDe(_ de: Int, _ claim: Claim) -> (range: Range<Int>, viaDe: Bool)? {
        var j = skipSpaces(de + 1)
        // `73歲的曾蔭權`: a name whose surname is also a function word (曾, 向, 于).
        if claim.kind == .age, j + 1 < tokens.count, tokens[j].range.count == 1, tokens[j].wordClass != nil,
           !tokens[j].isContent, tokens[j + 1].isContent, !isWord(j, "的"),
           let r = collect(from: j + 1, viaDe: true, claim) {
            return (tokens[j].range.lowerBound..<r.range.upperBound, true)
        }
        // `出生仅两天的她`, `83歲的他`: a person named by a pronoun alone.
        if [.duration, .age].contains(claim.kind), let p = personalPronoun(j),
           j + 1 == tokens.count || !tokens[j + 1].isContent {
            return (tokens[p.lowerBound].range, true)
        }
        var skipped = 0
        while j < tokens.count, skipped < 2 {
            if tokens[j].kind == .word(.numeral) || tokens[j].kind == .word(.pronoun) {
                j += 1
            } else if tokens[j].claimIndex != nil, j + 1 < tokens.count, tokens[j + 1].isContent {
                j += 1
            } else { break }
            skipped += 1
        }
        guard let r = collect(from: j, viaDe: true, claim) else { return nil }
        let head = buffer.folded[tokens[r.head].range]
        if lexicon.isLevelNoun(head) || lexicon.isFrameNoun(head) { return nil }
        if let c = head.last, head.count > 1, c == "下" || c == "中" || c == "上" { return nil }
        return (r.range, true)
    }

    /// Content words from `start` on: quoted units, a dimension word before a noun (`九年长牛行情`),
    /// 和/与/及 between nouns (`伊拉克和阿富汗囚犯`). After 的 verbs count as nouns (`7個月的努力`).
    /// Otherwise a verb may open the phrase (`16项优化服务举措`) only when the phrase then ends its
    /// clause, and after a count of people only in a noun for people (`1名翻译民警`, not
    /// `17人组成短网队`); a verb inside ends it, as it may well be the predicate
    /// (`152个县区|开展县域…评估`). Returns the range and the index of the head token.
    func collect(from start: Int, viaDe: Bool, _ claim: Claim) -> (range: Range<Int>, head: Int)? {
        var end: Int? = nil
        var opensWithVerb = false
        var innerVerb: Int? = nil
        var k = start
        scan: while k < tokens.count {
            let next = k + 1 < tokens.count ? tokens[k + 1] : nil
            let nextIsNoun = next.map { $0.isContent || $0.kind == .openQuote } ?? false
            switch tokens[k].kind {
            case .word(.content):
                k += 1
                end = k
            case .openQuote:
                guard let close = closingQuote(k) else { break scan }
                k = close + 1
                end = k
            case .word(.verb) where end == k && SubjectLexicon.nounsAfterNouns.contains(where: { isWord(k, $0) }):
                // After a noun 组织 is one (`35个社会组织`, `9个国际组织`); before a number it is
                // mostly the verb (`每年组织一万名…`), which the backward reading keeps.
                k += 1
                end = k
            case .word(.verb):
                // `44%的孩子|认为…`, `83歲的毛伯伯|說`: a verb taking a clause is the predicate
                // (not one that is also a noun's modifier or head: 新型显示产业园, 亿吨级大发现).
                if viaDe, isClauseVerb(k), !Self.nominalClauseVerbs.contains(where: { isWord(k, $0) }) { break scan }
                // So is a causative verb (`3000多亿元的海洋经济产值|让|城市因海而兴`).
                if viaDe, isCausative(k) { break scan }
                // A person of an age is not named with a verb inside (`83岁的约翰|读完…`); one may
                // open the noun (`75岁的退休教师`).
                if viaDe, claim.kind == .age, k > start { break scan }
                // `35%的美国人|感染，`: after a noun for people, a verb that ends the clause is what
                // they did or suffered. After other nouns it is as often the head of a noun
                // (`的入世|承诺`, `的现金|支出`, `的公益性|演出`), so it stays.
                if viaDe, end == k, k > start, namesPeople(k - 1), endsClause(k + 1) { break scan }
                // After the noun, a verb with an aspect particle (`的壁画|得到|了`) or one that takes
                // an action as its object (`的汽车|遭到|导弹袭击`) is the predicate: neither heads a noun.
                if viaDe, end == k, k > start,
                   next.map({ $0.range.count == 1 && Self.aspectParticles.contains(buffer.folded[$0.range.lowerBound]) && $0.kind == .word(.particle) }) ?? false
                    || Self.lightVerbs.contains(where: { isWord(k, $0) }) { break scan }
                if viaDe, end == k, next?.kind == .word(.verb), !verbsBeforeNoun(from: k + 1) {
                    // `迷失归途的儿童|送|回家`, `12%的火势|得到|控制`: after the noun, two verbs
                    // are what the noun does (`自动驾驶|创新|示范区` goes on; one verb may be the
                    // head: `12年的艰苦|奋战`).
                    break scan
                } else if viaDe {
                    k += 1
                    end = k
                } else if k == start, nextIsNoun, [.count, .duration, .age].contains(claim.kind) {
                    opensWithVerb = true
                    k += 1
                } else if k == start, endsClause(k + 1), claim.kind == .count, let unit = claim.unit,
                          Self.eventClassifiers.contains(unit) {
                    // Events are counted by their verb (`击退俄军22次|进攻。`, `举行两场|会谈`).
                    k += 1
                    end = k
                    break scan
                } else if end == k, nextIsNoun {
                    if innerVerb == nil { innerVerb = k }
                    k += 1
                } else { break scan }
            case .number where k == start && nextIsNoun && (viaDe || hasLatinLetter(k)):
                // A number that is not a claim may open a name (`3%的|10年美债收益率`, `一架|FA18戰機`);
                // elsewhere a bare number after a claim is most often a table's next cell.
                k += 1
            case .word(.conjunction):
                guard end == k, nextIsNoun, Self.andWords.contains(where: { isWord(k, $0) }) else { break scan }
                k += 1
            case .word(.bridge) where isDimension(k) && nextIsNoun:
                k += 1
            case .word(.scope) where nextIsNoun:
                // A scope before a noun modifies it (`3个欧洲国家`, `3项世界纪录`).
                k += 1
            case .joiner where end == k && next?.isContent == true:
                k += 1
            default:
                break scan
            }
        }
        guard var e = end, e > start else { return nil }
        let whole = e
        // A verb inside may as well be the predicate (`152个县区|开展|县域…评估`): stop there,
        // unless people are counted, none is named before it, and a noun for people follows it
        // (`两名现任|反恐|特勤队警员`; not `12名学者|组成|专家小组`).
        if let v = innerVerb {
            e = v
            if v + 1 < whole, countsPeople(claim), !(start..<v).contains(where: { endsInPersonHead($0) || endsWith($0, "分子") }),
               let p = (v + 1..<whole).last(where: { namesPeople($0) }) { e = p + 1 }
            // 实际 before that verb is its adverb (`21个自贸试验区|实际|使用外资`).
            if e == v, v - 1 > start, isWord(v - 1, "实际") {
                e = v - 1
                if tokens[e - 1].kind == .word(.conjunction), e - 1 > start { e -= 1 }
            }
        }
        if opensWithVerb {
            // `12个演出团体和800多名…`: a list goes on after it.
            var ok = e == tokens.count || isWord(e, "的") || Self.andWords.contains(where: { isWord(e, $0) })
            if e < tokens.count {
                switch tokens[e].kind {
                case .clauseBreak, .listBreak, .claim, .closeQuote, .openBracket, .closeBracket, .space: ok = true
                // An adverb or a bridge (将, 已) opens the predicate after things counted
                // (`7台探测设备|将|全部开机`); not after events (`两次|审议…`) or places
                // (`五省|安排…`), which a verb phrase follows.
                case .word(.adverb), .word(.bridge):
                    // (A one-character bridge other than 将 or 已 may end a word: 抽水蓄|能|电站.)
                    let opens = tokens[e].kind == .word(.adverb) || tokens[e].range.count > 1 || isWord(e, "将") || isWord(e, "已")
                    ok = opens && claim.kind == .count
                        && claim.unit.map { !Self.eventClassifiers.contains($0) && !Self.placeUnits.contains($0) } ?? false
                default: break
                }
            }
            // People are named by a noun for people, whatever follows it (`千名被俘人员|行动完成`).
            if countsPeople(claim) {
                if let p = (start + 1..<e).last(where: { endsInPersonHead($0) }) {
                    e = p + 1
                    ok = true
                } else {
                    ok = false
                }
            }
            if !ok { return nil }
        }
        var last = dropTrailingPlace(start, e)
        // People are named by a noun for people; what follows it is what they did or suffered,
        // in words the lexicon may not know (`兩名消防員|殉職`, `170名…士兵|俘虏`). After 的, where
        // verbs count as nouns, only before a verb (`4名…的犯罪嫌疑人|进行审讯`, not `41人的无人|机`).
        // So are people counted by a bare number (`30万游客|前来`, `30多万难民和非法移民|横渡…`).
        // Not before a one-character noun, which makes a word with it (`律師|費`, `瑞士|人`), nor
        // for a score, whose side may be named by two nouns (`险胜|队友樊振东`).
        let bareCountOfPeople = claim.kind == .count && claim.unit == nil && !isScore(claim) && namesPeople(start)
        if countsPeople(claim) || bareCountOfPeople, let p = (start..<last).last(where: { endsInPersonHead($0) }), p + 1 < last,
           !bareCountOfPeople || tokens[p + 1].range.count > 1 || !tokens[p + 1].isContent,
           tokens[p].range.upperBound - tokens[start].range.lowerBound >= 2,
           !viaDe || tokens[p + 1].kind == .word(.verb) || tokens[p + 1].kind == .word(.bridge),
           !(start..<last).contains(where: { tokens[$0].kind == .openQuote }) {
            last = p + 1
        }
        // `逼近21000点大关`: a level is not what the number measures, but what names it may be
        // (`突破万亿市值大关` → 市值); after 的 see `phraseAfterDe`.
        // A classifier counts records and steps as things (`5项世界纪录`, `434级台阶`), not other
        // levels (`7000例左右高位`).
        let countedLevel = (claim.kind == .count && claim.unit != nil || claim.kind == .measure && claim.unit == "级")
            && SubjectLexicon.countableLevels.contains(where: { endsWith(last - 1, $0) })
        if !viaDe, !countedLevel, lexicon.isLevelNoun(buffer.folded[tokens[last - 1].range]) {
            last -= 1
            guard last > start else { return nil }
        }
        // `不到一年时间`: a frame, not a thing that lasts.
        if claim.kind == .duration, lexicon.isFrameNoun(buffer.folded[tokens[last - 1].range]) { return nil }
        let r = trimmed(start, last, keepingStart: true)
        if r.count == 1 { return countsPlaces(r, claim) ? (r, last - 1) : nil }
        return r.count >= 2 ? (r, last - 1) : nil
    }

    /// A one-character place noun after a general classifier (`5个县`, `27座桥`); not after a
    /// classifier that is itself a place (`三省区`) or counts people or times (`三人站在`, `兩次山`).
    func countsPlaces(_ r: Range<Int>, _ claim: Claim) -> Bool {
        guard let unit = claim.unit, Self.placeClassifiers.contains(unit) else { return false }
        return SubjectLexicon.singleCharacterNouns.contains(buffer.folded[r.lowerBound])
    }

    /// Words between a number and 的 that describe the noun after it (`两种不同的肿瘤`,
    /// `1000元至3万元不等的奖励`).
    static let describingWords = ["不同", "相同", "类似", "同样", "一样", "不等", "所谓", "新增", "额外", "宝贵", "相关", "知名", "留守", "常住", "涉案", "退役"]

    /// Classifiers of events, which a verb alone may name (`22次进攻`).
    static let eventClassifiers: Set<String> = ["次", "场", "轮", "回", "起"]

    /// Classifiers that are places themselves (`五省`, `11省市`): what follows them is their action.
    static let placeUnits: Set<String> = ["省", "市", "县", "区", "国", "州", "村", "镇", "乡", "省市", "地"]

    static let placeClassifiers: Set<String> = ["个", "座", "所", "条", "家", "处", "片", "块"]

    /// Whether the clause ends at token `j`: the end of the window or a clause break.
    func endsClause(_ j: Int) -> Bool {
        j >= tokens.count || tokens[j].kind == .clauseBreak
    }

    /// Whether token `j` is a verb with a noun right after it (`创新|示范区`).
    func verbsBeforeNoun(from j: Int) -> Bool {
        j + 1 < tokens.count && tokens[j].kind == .word(.verb) && tokens[j + 1].isContent
    }

    func hasLatinLetter(_ j: Int) -> Bool {
        buffer.folded[tokens[j].range].contains(where: { $0.isASCII && $0.properties.isAlphabetic })
    }

    /// `以2.3亿元|购得|该|地块`: a sum paid with 以 is the price of what the verb after it gets;
    /// with nothing after the verb, of what stands before 以 (`这幅作品|最终|以5000万元|拍出`).
    func pricePaid(_ t: Int, _ claim: Claim) -> Range<Int>? {
        guard claim.kind == .money, t >= 1, isWord(t - 1, "以"), t + 1 < tokens.count,
              tokens[t + 1].kind == .word(.verb) else { return nil }
        var j = t + 2
        while j < tokens.count, tokens[j].kind == .word(.pronoun) { j += 1 }
        if j < tokens.count, let r = collect(from: j, viaDe: false, claim) { return r.range }
        var ignored = Backward()
        let x = skipBridges(from: t - 2, claim, &ignored)
        return x >= 0 ? phrase(endingAt: x).map(range) : nil
    }

    /// Verbs that make what follows happen: after the noun they are its predicate.
    static let causativeVerbs = ["让", "使", "令", "使得", "致使", "导致", "造成", "促使", "带动"]

    /// Whether token `k` is a causative verb. A single character only before a noun (令 also ends
    /// nouns: `特赦令，`, 让 names: `让·平`) and not as the end of a word ICU cut (`受|让`, `总统|令`).
    func isCausative(_ k: Int) -> Bool {
        guard Self.causativeVerbs.contains(where: { isWord(k, $0) }) else { return false }
        let r = tokens[k].range
        guard r.count == 1 else { return true }
        guard k >= 1, k + 1 < tokens.count, tokens[k + 1].isContent || tokens[k + 1].kind == .word(.pronoun) else { return false }
        return !Self.causativeCompounds.contains(buffer.foldedText((r.lowerBound - 1)..<r.upperBound))
    }

    /// Words ending in 让, 令 or 使 that are no causative verb.
    static let causativeCompounds: Set<String> = [
        "受让", "转让", "出让", "礼让", "谦让", "退让", "相让", "忍让", "避让", "统令", "命令", "法令", "指令", "口令",
        "号令", "禁令", "条令", "政令", "军令", "律令", "司令", "县令", "即使", "大使", "公使", "特使", "天使", "假使",
        "行使", "出使", "纵使",
    ]

    /// Verbs whose object is an action (`得到|有效保护`, `遭到|袭击`): never the head of a noun.
    static let lightVerbs = ["得到", "受到", "遭到", "遭受", "获得", "取得", "赢得", "进行", "给予", "予以", "加以", "得以"]

    /// Particles of aspect: after a verb they make it a predicate (`得到|了`, `忙|着`, `经历|过`).
    static let aspectParticles: ScalarSet = "了着过"

    /// Clause verbs that are also nouns or modifiers after 的 (新型显示产业园, 大发现, 有关报道).
    static let nominalClauseVerbs = ["显示", "发现", "报道", "预测", "估计", "介绍", "公布"]

    /// For values listed together (`3万元以上25万元以下的罚款`, `140%和200%的负债上限`), the
    /// phrase after the last value.
    func sharedListPhrase(after t: Int) -> Range<Int>? {
        let values = linkedValues(from: t)
        guard values.count >= 2, let lastToken = tokenOf[values.last!], lastToken != t else { return nil }
        guard let f = forwardPhrase(lastToken, claims[values.last!]), f.viaDe else { return nil }
        return f.range
    }

    /// The claims listed with the one at token `t`: joined directly or by 、 和 及 与 或 至.
    func linkedValues(from t: Int) -> [Int] {
        var values: [Int] = []
        if let c = tokens[t].claimIndex { values.append(c) }
        var k = t + 1
        while k < tokens.count {
            var j = skipSpaces(k)
            guard j < tokens.count else { break }
            if tokens[j].kind == .listBreak || Self.andWords.contains(where: { isWord(j, $0) }) {
                j = skipSpaces(j + 1)
            }
            guard j < tokens.count, let c = tokens[j].claimIndex else { break }
            values.append(c)
            k = j + 1
        }
        return values
    }
}
