/// The subject read before the number: the noun phrase before the bridge words (`涉黑恶警情|同比
/// 下降|41.2%`), a share's whole (`X占Y的N%` → X), a comparison's subject (`农药残留|超|欧盟标准|
/// 数百倍`), a verb's subject or the verb itself, and the subject of the claim a bare clause
/// follows; a `分别` list is paired in SubjectListPairing.swift.
extension SubjectReader {
    struct Backward {
        /// Token index range of the noun phrase.
        var phrase: Range<Int>?
        /// The word right before the number predicates it (达, 为, 在, 超过: see
        /// `SubjectLexicon.predicates`).
        var predicated = false
        /// The phrase ends in a verb (`非接触审批`, `学校造成`).
        var verbHeaded = false
        /// For a duration, the verb of lasting right before it (`停頓3分鐘`).
        var durationVerb: Int?
        /// `分别` stood between the phrase and the number.
        var listed = false
        /// The verb right before the number, when no noun phrase is there (`破案420宗`).
        var verb: Int?
        /// Where that verb begins when it is more than one token (`被|判|罰|1萬元`).
        var verbStart: Int?
        /// The subject of that verb (`该名单总计列出了逾200人` → 名单).
        var verbSubject: Range<Int>?
        /// The claim this number follows with nothing but bridges and breaks between.
        var previousClaim: Int?
        /// The noun phrase that ends the previous clause when this one names nothing
        /// (`10條問題中，有5條`).
        var previousPhrase: Range<Int>?
        /// The topic of the clause before, when this one names nothing (see `topic(before:)`).
        var topic: Range<Int>?
        /// Nothing was named before the window's start: the clauses before it may hold a topic.
        var reachedStart = false
        /// The number is a score or result something was won with (`以|3比1`, `以|24秒81|夺得`).
        var wonWith = false
    }

    func backward(from start: Int, _ claim: Claim) -> Backward {
        var out = Backward()
        var p = start
        while p >= 0, tokens[p].kind == .space { p -= 1 }
        if p >= 0, tokens[p].wordClass != nil,
           SubjectLexicon.predicates.contains(buffer.foldedText(tokens[p].range)) {
            out.predicated = true
        }
        // `总时长|超过10小时|的…节目`: an approx word that predicates is inside the span; after
        // a verb it only bounds the verb's object (`已|实施|超过三个月|的紧急状态`).
        // (A verb with 了 or 过 after it is still the verb: `提供了|超过78亿小时|的志愿服务`.)
        var verb = p
        if verb >= 1, isWord(verb, "了") || isWord(verb, "过") { verb -= 1 }
        if Self.predicatingApprox.contains(where: { startsWithText(claim.span, $0) }),
           verb < 0 || tokens[verb].kind != .word(.verb) {
            out.predicated = true
        }
        var j = skipBridges(from: start, claim, &out)
        guard j >= 0 else {
            out.reachedStart = true
            return out
        }
        // `居民消费价格指数（CPI）|环比上涨|0.1%`: a name in brackets stands for the noun before it.
        if tokens[j].kind == .closeBracket, let open = openBracket(before: j), open >= 1 { j = open - 1 }
        // `增速|比|上年|全年|加快|0.4个百分点`: compared with a time, what changed is named before 比.
        // So with a named period before the time word (`较|“十三五”|末|增加`, `比|禁渔|前|增加`).
        var base = j
        while base > 0, base > j - 3, [.word(.time), .word(.scope), .word(.locality)].contains(tokens[base].kind) { base -= 1 }
        if base < j, base >= 0, let period = phrase(endingAt: base, allowVerbHead: true) { base = period.lowerBound - 1 }
        if base >= 0, tokens[base].wordClass != nil, "比较".unicodeScalars.contains(buffer.folded[tokens[base].range.lowerBound]),
           Self.comparisonBases.contains(where: { isWord(base, $0) }) {
            nameBefore(base - 1, claim, &out)
            return out
        }
        // A share or a part: `年收入的10％` → 年收入; `X占Y的N%`, `X达到Y的两倍` → X;
        // `从事冰雪产业的达到2万人` → 冰雪产业. Not for durations (`短短的不到一年`).
        if isWord(j, "的") {
            // `她|留院|的|22日`, `我们|相处|的|三年`: the time someone spent doing something.
            // (ICU may leave the verb as characters: 留|院.)
            // (Only with 的 right before the number: `我一般的回答是5到7年` is not that.)
            if claim.kind == .duration, j == p, j >= 2, let who = (max(0, j - 3)..<(j - 1)).last(where: { personalPronoun($0) != nil }),
               ((who + 1)..<j).allSatisfy({ tokens[$0].isContent || tokens[$0].kind == .word(.verb) }),
               tokens[j - 1].range.upperBound - tokens[who + 1].range.lowerBound >= 2 {
                out.phrase = (who + 1)..<j
                return out
            }
            guard claim.kind != .duration else { return out }
            // `收入|从|2012年|的|4262.4元|增长到|2024年|的|14200元`: a date's value names no share
            // (nor `降至|今年|的|1.27%`); the subject stands before the date (and 从), or is the
            // claim's the change started from.
            if j >= 1, tokens[j - 1].claimIndex.map({ claims[$0].kind == .date }) == true || tokens[j - 1].kind == .word(.time) {
                nameBefore(j - 2, claim, &out)
                return out
            }
            var k = j - 1
            if let y = phrase(endingAt: k, allowVerbHead: true) {
                // `从高位的68%`: a level is not what the number measures.
                if !lexicon.isLevelNoun(buffer.folded[tokens[y.upperBound - 1].range]) { out.phrase = y }
                // `远超过经济成长率的6.7%`: a percent after a rate is the rate's value, no share.
                if claim.kind == .percent, buffer.folded[tokens[y.upperBound - 1].range.upperBound - 1] == "率" { return out }
                k = y.lowerBound - 1
            }
            // `占|其|总量|的`, `占|我国|外贸总值|的`: whose whole it is (not `将|他|的|200多亩`).
            if out.phrase != nil, k >= 0, tokens[k].kind == .word(.pronoun) { k -= 1 }
            var skipped = 0
            while k >= 0, skipped < 3, Self.skippableBeforeShare(tokens[k].kind) {
                k -= 1
                skipped += 1
            }
            if k >= 0, let cls = tokens[k].wordClass, cls != .time, isBridge(k, cls, claim) {
                var ignored = Backward()
                let x = skipBridges(from: k, claim, &ignored)
                if x >= 0, let np = phrase(endingAt: x, allowVerbHead: true) {
                    out.phrase = np
                } else if x >= 0, tokens[x].kind == .clauseBreak, let c = previousClaim(before: x) {
                    // `天津菜篮子生产总值达40亿元，占农业总产值的60%以上`: the share is of the
                    // subject of the clause before.
                    out.phrase = nil
                    out.previousClaim = c
                }
            }
            return out
        }
        // A verb right after its noun may close the phrase (`非接触审批630万宗`, `农药残留`);
        // a bare verb is handled below.
        // Two characters the lexicon does not know right after 被 are a verb (`滚梯|被|压|坏|两部`
        // → 滚梯, `汽车残骸|被|炸飞|100多米`).
        var verbStart = j
        while verbStart >= 1, tokens[verbStart].isContent, j - verbStart < 2, !isWord(verbStart - 1, "被") { verbStart -= 1 }
        // (A sentence's length keeps its verb: `被判囚|8個月`.)
        let passive = claim.kind != .duration && verbStart >= 1 && tokens[verbStart].isContent && isWord(verbStart - 1, "被")
            && tokens[j].range.upperBound - tokens[verbStart].range.lowerBound == 2
            && lexicon.lookup(buffer.folded[tokens[verbStart].range.lowerBound..<tokens[j].range.upperBound]) == nil
        if !passive, var np = phrase(endingAt: j, allowVerbHead: true) {
            // A verb of spending, doing or cooling right before the number says how much, like
            // a bridge: the noun before it is the subject (`熊猫馆|耗资|700万欧元`,
            // `主体结构|完成|46%`, `浙江中北部等地|降温|6到10℃`). Inside a noun it stays (`降温幅度`).
            // Not after a word that is the verb's own (`总|耗资`, `圆满|完成`).
            if np.count > 1, np.upperBound == j + 1, Self.verbsOfAmount.contains(where: { isWord(j, $0) }),
               !isWord(j - 1, "总"), !Self.mannerWords.contains(where: { isWord(j - 1, $0) }) {
                np = np.lowerBound..<j
            }
            out.phrase = np
            out.verbHeaded = tokens[j].kind == .word(.verb)
            var k = np.lowerBound - 1
            while k >= 0, tokens[k].kind == .space { k -= 1 }
            // `經濟損失約3.5億港元，較|上次颱風|增加兩成`: after 比/较 stands what the number is
            // compared with; what changes is named before it, or by the claim before.
            if k >= 0, Self.comparisonBases.contains(where: { isWord(k, $0) }) {
                nameBefore(k - 1, claim, &out)
                return out
            }
            // What lasts is who does it, not where (`张佑君先生|在|中信集团工作|超过20年`); a score
            // is the team's (`愛華頓|在|主場|以|3：1`).
            if claim.kind == .duration || isScore(claim) || out.wonWith, let agent = agent(beforePlaceAt: k, of: np, claim) {
                out.phrase = agent
                return out
            }
            // A comparison: `农药残留|超|欧盟标准|数百倍` → 农药残留.
            if k >= 0, [.multiple, .change, .percent, .ratio].contains(claim.kind),
               Self.comparisonWords.contains(where: { isWord(k, $0) }) {
                var ignored = Backward()
                let x = skipBridges(from: k, claim, &ignored)
                if x >= 0, let np2 = phrase(endingAt: x, allowVerbHead: true) { out.phrase = np2 }
            }
            // A rank among a class: `有效专利总量|连续三年|居|全球|运营商|第一` → 有效专利总量.
            if claim.kind == .rank, let entity = rankedEntity(beforeClassAt: k, claim) { out.phrase = entity }
            // An age belongs to a person, not to the word 年龄: `全体研制人员的平均年龄仅36岁`,
            // `6名病人年齡介乎2至65歲` → 病人.
            if claim.kind == .age, Self.ageNouns.contains(where: { endsWith(np.upperBound - 1, $0) }) {
                if np.count > 1, isAgeNoun(np.upperBound - 1), let owner = phrase(endingAt: np.upperBound - 2) {
                    out.phrase = owner
                    return out
                }
                var d = k
                while d >= 0, tokens[d].kind == .word(.bridge) || tokens[d].kind == .word(.adverb) { d -= 1 }
                // Not the object of a verb (`领取养老金的年龄` is an age of doing something), unless
                // it names people (`189万|从业|人员的平均年龄`).
                if d >= 1, isWord(d, "的"), let owner = phrase(endingAt: d - 1),
                   owner.lowerBound == 0 || tokens[owner.lowerBound - 1].kind != .word(.verb)
                    || SubjectLexicon.personHeads.contains(buffer.folded[tokens[owner.upperBound - 1].range.upperBound - 1]) {
                    out.phrase = owner
                } else if (np.lowerBound..<(np.upperBound - 1)).allSatisfy({ tokens[$0].kind == .word(.bridge) }),
                          d >= 0, tokens[d].kind == .clauseBreak, let c = previousClaim(before: d),
                          countsPeople(claims[c]), found[c] != nil {
                    // `这伙黑客有6人，年龄在15岁至18岁之间`, `运动员82人，平均年龄16.9岁`: the age of
                    // the people the clause before counted.
                    out.phrase = nil
                    out.previousClaim = c
                }
            }
            return out
        }
        if tokens[j].kind == .word(.verb) || passive || (tokens[j].isContent && tokens[j].range.count == 1) {
            out.verb = j
            if passive { out.verbStart = verbStart }
            // The subject of that verb, unless a preposition governs it (`向项目捐赠`).
            // (Not past a time frame: `康先生|一周內|光顧|四次` counts visits, 光顧 below.)
            var ignored = Backward()
            var k = skipBridges(from: (passive ? verbStart : j) - 1, claim, &ignored, frames: false)
            while k >= 0, isWord(k, "被") { k = skipBridges(from: k - 1, claim, &ignored, frames: false) }
            if k >= 0, let np = phrase(endingAt: k, allowVerbHead: true) {
                let before = np.lowerBound - 1
                if before < 0 || !Self.prepositions.contains(where: { isWord(before, $0) }) { out.verbSubject = np }
            }
            // `从850亿美元|缩减|至|750亿美元`: from one value to the next, both measure one thing.
            if out.verbSubject == nil, k >= 0, let c = tokens[k].claimIndex, claims[c].kind != .date,
               Self.toWords.contains(where: { isWord(j + 1, $0) }) {
                out.previousClaim = c
            }
            if tokens[j].kind == .word(.verb) || passive { return out }
            out.verb = nil
        }
        // `1000萬個口罩，當中200萬個`, `境外输入病例79例，含6例`: a part of what the clause before
        // counted or named. (其中 is an adverb the bridges pass over to the same claim.)
        if Self.partWords.contains(where: { isWord(j, $0) }) {
            var k = j - 1
            while k >= 0, tokens[k].kind == .clauseBreak || tokens[k].kind == .space { k -= 1 }
            if k >= 0, let c = tokens[k].claimIndex, claims[c].kind != .date {
                out.previousClaim = c
                return out
            }
            if k >= 0, let np = phrase(endingAt: k) {
                out.previousPhrase = np
                return out
            }
        }
        // Nothing named in this clause: the claim it follows.
        if let c = previousClaim(before: j) {
            out.previousClaim = c
            return out
        }
        // `10條問題中，有5條`: the noun the clause before ends in.
        var k = j
        var crossed = false
        while k >= 0, tokens[k].kind == .clauseBreak || tokens[k].kind == .space {
            crossed = crossed || tokens[k].kind == .clauseBreak
            k -= 1
        }
        if crossed, k >= 1, Self.amongWords.contains(where: { isWord(k, $0) }) || endsWith(k, "中") {
            if let np = phrase(endingAt: k) {
                out.previousPhrase = np
            } else if let c = tokens[k - 1].claimIndex, claims[c].kind != .date {
                // `这6人中，4人落户…`: among those the claim before counted.
                out.previousClaim = c
                return out
            }
        }
        // `，从此前20%左右…`: a clause opened by 从, 由 or a time names nothing either.
        var b = j
        while b >= 0, tokens[b].kind == .word(.locality) || tokens[b].kind == .word(.conjunction)
                || Self.fromWords.contains(where: { isWord(b, $0) }) || Self.toWords.contains(where: { isWord(b, $0) }) {
            var ignored = Backward()
            b = skipBridges(from: b - 1, claim, &ignored)
        }
        if out.previousPhrase == nil, b >= 0, tokens[b].kind == .clauseBreak {
            (out.topic, out.reachedStart) = topic(before: b)
        }
        if b < 0 { out.reachedStart = true }
        return out
    }


    /// Where the words before the number name something else (a date's value, the base of a
    /// comparison): the noun phrase before them, past the bridges from token `k`, or else the
    /// claim there (`从850亿美元…`).
    func nameBefore(_ k: Int, _ claim: Claim, _ out: inout Backward) {
        var ignored = Backward()
        let x = skipBridges(from: k, claim, &ignored)
        out.phrase = x >= 0 ? phrase(endingAt: x, allowVerbHead: true) : nil
        if out.phrase == nil, x >= 0 { out.previousClaim = previousClaim(before: x) }
    }

    // Word lists read for every claim (static: a literal array in a function is built per call).
    /// Words between a share's `的` phrase and the word that bridges to its whole.
    static func skippableBeforeShare(_ kind: SubjectToken.Kind) -> Bool {
        switch kind {
        case .word(.scope), .word(.time), .word(.verb), .space: return true
        default: return false
        }
    }

    static let predicatingApprox = ["超过", "超出", "超", "逾", "不足", "不到", "高达", "多达", "突破", "低于", "高于", "至少", "不少于", "不低于", "不超过"]
    static let comparisonWords = ["超", "超过", "超出", "高于", "低于", "比", "较", "相当于", "占"]
    static let ageNouns = ["年龄", "岁数", "年纪"]
    static let amongWords = ["中", "里", "当中", "之中"]
    static let dateParts = ["份", "底", "末", "初", "中旬", "上旬", "下旬"]
    static let bridgePrepositions = ["在", "到", "至", "于", "为", "比", "较", "自", "从", "由"]
    static let andWords = ["和", "及", "与", "或"]
    static let toWords = ["至", "到", "为", "成"]
    static let comparisonBases = ["比", "较", "较之", "比起"]

    /// Verbs that take an amount as their object (see `phrase` above).
    static let verbsOfAmount = ["耗资", "耗费", "耗时", "斥资", "完成", "降温", "升温"]
    static let mannerWords = ["成功", "圆满", "顺利", "超额", "基本", "全面", "提前", "累计", "密度", "高密度", "共计"]
    static let frameEnds = ["内", "以内", "之内", "来", "以来", "后", "以后", "之后", "中", "间"]

    /// Words that open a part of what was just named (`当中200万个`, `其余8宗`, `含6例`).
    static let partWords = ["当中", "之中", "中间", "其余", "另外", "含"]

    /// Words that govern a noun as an oblique, not a subject (`向项目捐赠` → 捐赠, not 项目).
    static let prepositions = ["向", "对", "给", "为", "在", "把", "从", "与", "和", "跟", "同", "替", "由", "以", "对于", "关于"]

    /// The claim that the text before token `j` ends with, across breaks and bridges only.
    func previousClaim(before j: Int) -> Int? {
        var k = j
        var steps = 0
        while k >= 0, steps < 8 {
            switch tokens[k].kind {
            case .clauseBreak, .listBreak, .space, .word(.bridge), .word(.adverb), .word(.time), .word(.conjunction):
                k -= 1
            case let .claim(c):
                if claims[c].kind == .date { k -= 1; break }
                return c
            default:
                // `新增2宗確診，累計26宗`: the clause before ends in a claim's subject.
                let r = tokens[k].range
                return found.indices.last(where: { c in found[c].map { $0.upperBound == r.upperBound } ?? false })
            }
            steps += 1
        }
        return nil
    }

    /// Whether the text of `r` starts with `word` and goes on after it. Compared in place: an
    /// array of the word's code points per call was most of the subject stage's allocations.
    func startsWithText(_ r: Range<Int>, _ word: String) -> Bool {
        var k = r.lowerBound
        for s in word.unicodeScalars {
            guard k < r.upperBound, buffer.folded[k] == s else { return false }
            k += 1
        }
        return k < r.upperBound
    }

    /// Whether token `j` is one of `ageNouns` itself (not a word ending in one).
    func isAgeNoun(_ j: Int) -> Bool { Self.ageNouns.contains(where: { isWord(j, $0) }) }
}
