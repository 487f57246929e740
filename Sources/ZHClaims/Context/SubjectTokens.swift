/// A sentence window as the subject finder reads it: ICU's words, cut at claim spans, with each
/// claim one token, punctuation sorted by what it does, and each word given a `WordClass`.
///
/// ICU's dictionary leaves many news words as single characters (查/处/涉/疫) or cuts them
/// wrongly (回/落到, 份大); a run of Han text is therefore read by longest match, where a lexicon
/// word (`SubjectLexicon`) beats ICU's word at the same place only when it is longer
/// (查处 · 涉 · 疫, 回落 · 到), so verbs and function words are found where ICU missed them while
/// ICU keeps the words the lexicon does not know (names, most nouns). A verb followed by a
/// one-character noun suffix is a noun (收费 + 站 → 收费站).
struct SubjectToken {
    enum Kind: Equatable {
        case word(WordClass)
        /// The span of claim number `index` of the sentence.
        case claim(Int)
        /// Digits outside any claim (a code, a non-claim number).
        case number
        /// / - · & + between two words (苏-27, A/B): part of a phrase only between content words.
        case joiner
        /// ， ； ： 。 ！ ？ and other marks that end a clause.
        case clauseBreak
        /// 、 between list items.
        case listBreak
        case openQuote, closeQuote, openBracket, closeBracket
        case space
    }

    var range: Range<Int>
    var kind: Kind

    var wordClass: WordClass? {
        if case let .word(c) = kind { return c }
        return nil
    }
    var isContent: Bool { kind == .word(.content) }
    var claimIndex: Int? {
        if case let .claim(i) = kind { return i }
        return nil
    }
}

enum SubjectTokenizer {
    /// Tokens of `window` from ICU `words` (document code point ranges; words outside the window
    /// are ignored, words crossing its edges are clipped). `claims` are the claims of the sentence
    /// in span order.
    static func tokens(words: [(range: Range<Int>, status: Int32)], window: Range<Int>,
                       claims: [Claim], _ buffer: TextBuffer) -> [SubjectToken] {
        var out: [SubjectToken] = []
        out.reserveCapacity(words.count + 4)
        var run: [Range<Int>] = []     // pending Han words, consecutive
        var claimCursor = 0
        var asciiQuotes = 0

        func flushRun() {
            guard !run.isEmpty else { return }
            appendLongestMatch(run, &out, buffer)
            run.removeAll(keepingCapacity: true)
        }

        for w in words {
            let lo = max(w.range.lowerBound, window.lowerBound), hi = min(w.range.upperBound, window.upperBound)
            guard lo < hi else { continue }
            // Cut the word at claim span edges.
            var pos = lo
            while pos < hi {
                while claimCursor < claims.count, claims[claimCursor].span.upperBound <= pos { claimCursor += 1 }
                if claimCursor < claims.count, claims[claimCursor].span.contains(pos) {
                    let span = claims[claimCursor].span
                    flushRun()
                    if let last = out.last, last.kind == .claim(claimCursor) {
                        out[out.count - 1].range = last.range.lowerBound..<min(span.upperBound, window.upperBound)
                    } else {
                        out.append(.init(range: max(span.lowerBound, window.lowerBound)..<min(span.upperBound, window.upperBound),
                                         kind: .claim(claimCursor)))
                    }
                    pos = min(span.upperBound, hi)
                    continue
                }
                var end = hi
                if claimCursor < claims.count, claims[claimCursor].span.lowerBound < end {
                    end = max(pos + 1, claims[claimCursor].span.lowerBound)
                }
                // `1月份大涨`: 份, 底, 末, 初 right after a date belong to it, whatever ICU joined.
                // Left alone by a date that cut ICU's word (月份 → 11月 + 份) it is a time word,
                // so no noun phrase after it takes it in (`11月份中国…指数` → 中国…指数).
                // So is 时 after an age (`阿禮18歲|時|愛上…`: when he was 18).
                if claimCursor > 0, claims[claimCursor - 1].span.upperBound == pos,
                   claims[claimCursor - 1].kind == .date && dateSuffixes.contains(buffer.folded[pos])
                    || claims[claimCursor - 1].kind == .age && buffer.folded[pos] == "时" {
                    flushRun()
                    out.append(.init(range: pos..<(pos + 1), kind: .word(end - pos > 1 ? .content : .time)))
                    pos += 1
                    continue
                }
                let piece = pos..<end
                switch w.status {
                case 100..<200:
                    flushRun()
                    // Digits joined to letters are part of a name: Stoxx600, 苏-27.
                    let joined = out.last.map { $0.range.upperBound == piece.lowerBound && ($0.kind == .joiner
                        || $0.kind == .word(.content) && !buffer.folded[$0.range.upperBound - 1].isIdeographicQuick) } ?? false
                    let named = joined || namesMaturity(after: piece.upperBound, buffer)
                    out.append(.init(range: piece, kind: named ? .word(.content) : .number))
                case 200..<300:
                    flushRun()
                    out.append(.init(range: piece, kind: .word(.content)))
                case 0..<100:
                    flushRun()
                    for k in piece { appendMark(k, &out, &asciiQuotes, buffer) }
                default:
                    if buffer.folded[piece.lowerBound].isIdeographicQuick {
                        run.append(piece)
                    } else {
                        flushRun()
                        out.append(.init(range: piece, kind: .word(.content)))
                    }
                }
                pos = end
            }
        }
        flushRun()
        markAdverbsBeforeVerbs(&out, buffer)
        return out
    }

    /// Words that modify a noun before a noun (`主要原因`, `集体经济`) but a verb between a noun and
    /// a verb (`因素|主要|包括|三方面`, `股价|集体|下跌`, `5万多亩辣椒|全面|丰收`): there they are adverbs, so no noun phrase
    /// read backwards from the verb takes them in. After a number they stay nouns' modifiers,
    /// as ICU's verbs may be nouns there (`三個|主要|擔心`, `8场|集体|采访`). 实际 and 名义 before a
    /// verb of change are adverbs wherever they stand (`，实际增长174倍`; `实际使用外资` stays).
    private static func markAdverbsBeforeVerbs(_ out: inout [SubjectToken], _ buffer: TextBuffer) {
        guard out.count >= 2 else { return }
        for k in 0..<(out.count - 1) where out[k].isContent && (2...3).contains(out[k].range.count) {
            let beforeVerb = out[k + 1].kind == .word(.verb)
            guard beforeVerb || out[k + 1].kind == .word(.bridge),
                  adverbStarts.contains(buffer.folded[out[k].range.lowerBound]) else { continue }
            let text = buffer.folded[out[k].range]
            func isAny(_ words: [String]) -> Bool { words.contains(where: { text.elementsEqual($0.unicodeScalars) }) }
            if !beforeVerb, isAny(adverbsOfChange) {
                out[k].kind = .word(.adverb)
                continue
            }
            guard k > 0, out[k - 1].isContent || out[k - 1].kind == .closeQuote else { continue }
            // `村集体|只有`: before a bridge only 主要 (`因素|主要|包括`, `空间|主要|有`).
            if isAny(beforeVerb ? adverbsBeforeVerbs : adverbsBeforeBridges) { out[k].kind = .word(.adverb) }
        }
    }

    /// Digits before 年期, 个月期, 天期 name a term (`10年期国债收益率`, `7天期逆回购`): they are part
    /// of the noun, not a stray number that would cut it to 年期国债收益率.
    private static func namesMaturity(after end: Int, _ buffer: TextBuffer) -> Bool {
        let f = buffer.folded
        for unit in maturityUnits where end + unit.count < f.count {
            if f[end..<(end + unit.count)].elementsEqual(unit), f[end + unit.count] == "期" { return true }
        }
        return false
    }
    private static let maturityUnits: [[Unicode.Scalar]] = ["年", "个月", "月", "天", "日", "周"].map { Array($0.unicodeScalars) }

    /// First characters of the words below: most tokens are ruled out by one lookup.
    private static let adverbStarts: ScalarSet = "实名主最集分全基成"
    private static let adverbsOfChange = ["实际", "名义"]
    private static let adverbsBeforeBridges = ["主要", "最主要"]
    private static let adverbsBeforeVerbs = adverbsBeforeBridges + ["集体", "分批", "全面", "全部", "基本", "成功"]

    /// A run of consecutive Han words (ICU's), read by longest match: at each place the longest
    /// lexicon word, unless ICU's word starting there is at least as long. An unknown ICU word
    /// with a function character at its edge (`已经有`, `应为`) is read character by character.
    private static func appendLongestMatch(_ run: [Range<Int>], _ out: inout [SubjectToken], _ buffer: TextBuffer) {
        let lexicon = SubjectLexicon.shared
        let f = buffer.folded
        let run = perCapitaRegrouped(run, f, afterClaim: out.last?.claimIndex != nil)
        guard let first = run.first, let last = run.last else { return }
        let text = first.lowerBound..<last.upperBound
        // Per offset of the run: the end of the ICU word starting there when ICU's word is
        // trusted (0: none), and whether a word boundary is there.
        // Both live on the stack: this runs for every Han run of every subject window.
        let base = text.lowerBound, count = text.count
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * count + 3) { scratch in
            let icuEnd = UnsafeMutableBufferPointer(rebasing: scratch[0...count])
            let boundary = UnsafeMutableBufferPointer(rebasing: scratch[(count + 1)...])   // 1: a boundary
            icuEnd.initialize(repeating: 0)
            boundary.initialize(repeating: 0)
            boundary[count] = 1
            for w in run {
                boundary[w.lowerBound - base] = 1
                if w.count == 1 || !hasFunctionEdge(w, buffer) {
                    icuEnd[w.lowerBound - base] = w.upperBound
                } else {
                    for k in w { boundary[k - base] = 1 }
                }
            }
            // A lexicon word may join ICU's words but not cut one, except to leave a function
            // character of its own (`回|落到` → 回落 · 到).
            func fits(_ end: Int) -> Bool {
                boundary[end - base] != 0 || (boundary[end + 1 - base] != 0 && edgeFunctionCharacters.contains(f[end]))
            }
            var i = text.lowerBound
            while i < text.upperBound {
                var n = min(SubjectLexicon.maxWordLength, text.upperBound - i)
                var cls: WordClass? = nil
                while n >= 2 {
                    if fits(i + n), let c = lexicon.lookup(f[i..<(i + n)]) { cls = c; break }
                    n -= 1
                }
                let t: SubjectToken
                if case let e = icuEnd[i - base], e > 0, e - i >= n || cls == nil {
                    let r = i..<e
                    t = .init(range: r, kind: .word(lexicon.lookup(f[r]) ?? verbWithComplement(r, f) ?? numeralWithClassifier(r, f) ?? .content))
                } else if let c = cls, n >= 2 {
                    t = .init(range: i..<(i + n), kind: .word(c))
                } else {
                    let r = i..<(i + 1)
                    t = .init(range: r, kind: .word(lexicon.lookup(f[r]) ?? .content))
                }
                // 收费 + 站, 避难 + 所: a verb and a noun suffix make a noun; so does a verb of
                // change and a suffix of quantity (压缩 + 率, 增长 + 量), though the verb alone bridges.
                if t.range.count == 1, t.kind == .word(.content), let prev = out.last,
                   prev.kind == .word(.verb) || prev.kind == .word(.bridge) && prev.range.count == 2
                       && SubjectLexicon.quantitySuffixes.contains(f[t.range.lowerBound])
                       && !SubjectLexicon.notVerbOpeners.contains(f[prev.range.lowerBound]),
                   prev.range.upperBound == t.range.lowerBound, SubjectLexicon.nounSuffixes.contains(f[t.range.lowerBound]) {
                    out[out.count - 1] = .init(range: prev.range.lowerBound..<t.range.upperBound, kind: .word(.content))
                } else if let prev = out.last, prev.range.upperBound == t.range.lowerBound,
                          prev.kind == .word(.verb) || prev.kind == .word(.content) && prev.range.count == 1 && !followsClaim(out),
                          let cls = directionalClass(t.range, f) {
                    // 发 + 下去, 统计 + 下来: a verb and its directional complement are one verb. (One
                    // character right after a number is what it counts: `兩支|棍|出來`.)
                    out[out.count - 1] = .init(range: prev.range.lowerBound..<t.range.upperBound, kind: .word(cls))
                } else if t.range.count == 1, t.kind == .word(.content), let prev = out.last, prev.kind == .word(.pronoun),
                          prev.range.count == 1, prev.range.upperBound == t.range.lowerBound,
                          demonstratives.contains(f[prev.range.lowerBound]), classifiers.contains(f[t.range.lowerBound]) {
                    // 这 + 艘, 此 + 款: a demonstrative and its classifier are one pronoun, so the noun
                    // they point at is read without the classifier (`这艘飞船重约20吨` → 飞船).
                    out[out.count - 1] = .init(range: prev.range.lowerBound..<t.range.upperBound, kind: .word(.pronoun))
                } else {
                    // 用 + 了, 售出 + 了: the aspect particle follows verbs; a word the lexicon does
                    // not know is one there (`意大利公司|用|了|約1個月`), not the end of a noun. (A
                    // clause-final 了 may follow a noun: `这13亿人口的大市场|了。`.)
                    if t.range.count == 1, f[t.range.lowerBound] == "了", let prev = out.last, prev.kind == .word(.content),
                       prev.range.count <= 2, prev.range.upperBound == t.range.lowerBound,
                       t.range.upperBound < f.count, Self.continuesClause(f[t.range.upperBound]) {
                        out[out.count - 1] = .init(range: prev.range, kind: .word(.verb))
                    }
                    // 特别 + 措施, 共同 + 利益: before a noun these adverbs are its adjective, part of
                    // the noun (`3项|特别|措施`); before a verb or 是 they stay adverbs (特别强调, 特别是).
                    if t.kind == .word(.content), t.range.count >= 2, let prev = out.last, prev.kind == .word(.adverb),
                       prev.range.upperBound == t.range.lowerBound, SubjectLexicon.adjectiveAdverbs.contains(where: { f[prev.range].elementsEqual($0.unicodeScalars) }) {
                        out[out.count - 1] = .init(range: prev.range, kind: .word(.content))
                    }
                    out.append(t)
                }
                i = t.range.upperBound
            }
        }
    }

    private static let dateSuffixes: ScalarSet = "份底末初"

    /// Whether a character goes on with a clause (a letter, a Han character, a digit, an opening
    /// quote or bracket: `吃上|了|“旅游饭”`) rather than ending or breaking it.
    private static func continuesClause(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || c.properties.numericType != nil || openingQuotes.contains(c)
            || openingBrackets.contains(c) || c == "\""
    }

    private static let openingQuotes: ScalarSet = "“「『‘《"
    private static let openingBrackets: ScalarSet = "([【〔{"

    /// ICU reads 中国人|均|寿命 and 村人|均|收入: the 人 belongs to 人均 (per capita). Not when the
    /// word names people of its own, counted (`6名證人|均來自`, `两人|均表示`: all of them) or
    /// two characters other than a place and 人 (`警員證人|均`).
    private static func perCapitaRegrouped(_ run: [Range<Int>], _ f: [Unicode.Scalar], afterClaim: Bool) -> [Range<Int>] {
        guard run.count >= 2 else { return run }
        var out = run
        for i in 0..<(out.count - 1) where out[i].count >= 2 && out[i + 1].count == 1 && f[out[i + 1].lowerBound] == "均"
            && f[out[i].upperBound - 1] == "人" && !(i == 0 && afterClaim)
            && (out[i].count >= 3 || "村乡镇县市省区国州".unicodeScalars.contains(f[out[i].lowerBound]))
            && !"一二两三四五六七八九十几数多众个".unicodeScalars.contains(f[out[i].upperBound - 2]) {
            let cut = out[i].upperBound - 1
            out[i] = out[i].lowerBound..<cut
            out[i + 1] = cut..<out[i + 1].upperBound
        }
        return out
    }

    static let demonstratives: ScalarSet = "这那该此某哪"

    /// An ICU word of a numeral and a classifier that is no claim (a denied `一个`, `一栋`) ends a
    /// noun phrase like any quantifier: `十几口人|共用|一个|卫生间` is not one noun.
    /// (Not inside a longer numeral ICU cut: `第十|五届`.)
    private static func numeralWithClassifier(_ r: Range<Int>, _ f: [Unicode.Scalar]) -> WordClass? {
        guard r.count == 2, numeralStarts.contains(f[r.lowerBound]), classifiers.contains(f[r.lowerBound + 1]) else { return nil }
        if r.lowerBound > 0, "第十百千万零〇两一二三四五六七八九".unicodeScalars.contains(f[r.lowerBound - 1]) { return nil }
        return .numeral
    }

    private static let numeralStarts: ScalarSet = "一两几半"
    /// Classifiers ICU leaves alone after a demonstrative (这|艘, 该|批, 此|款).
    static let classifiers: ScalarSet = "艘辆架台座款批位名个件项条只头张部间处户种类场套份篇本册枚颗株棵根匹笔家栋幢幅段片粒瓶盒箱袋包杯碗双对副组支届列班起宗次期轮"

    /// An ICU word the lexicon lacks made of a two-character verb and a resultative or
    /// directional complement is a verb (建立起, 找出来 is two words already): `1000多个乡镇|建立起|…`.
    private static func verbWithComplement(_ r: Range<Int>, _ f: [Unicode.Scalar]) -> WordClass? {
        guard r.count >= 3 else { return nil }
        // `拿回来`, `加起来`, `概括起来`: one verb character, or a verb, and a directional complement.
        if r.count <= 4, let cls = directionalClass((r.upperBound - 2)..<r.upperBound, f) {
            let verb = r.lowerBound..<(r.upperBound - 2)
            let lexicon = SubjectLexicon.shared
            if verb.count == 1 ? !edgeFunctionCharacters.contains(f[verb.lowerBound]) && lexicon.lookup(f[verb]) == nil
                : lexicon.lookup(f[verb]) == .verb { return cls }
        }
        guard r.count == 3, complements.contains(f[r.upperBound - 1]),
              SubjectLexicon.shared.lookup(f[r.lowerBound..<(r.upperBound - 1)]) == .verb else { return nil }
        return .verb
    }

    /// Whether the token before the last one of `out` is a claim.
    private static func followsClaim(_ out: [SubjectToken]) -> Bool {
        out.count >= 2 && out[out.count - 2].claimIndex != nil
    }

    /// The class of a verb ending in the directional complement at `r` (two characters), or nil
    /// when `r` is none. 起来 and 下来 after a verb sum up or take stock (`房子加起来|有300万亿`,
    /// `算下来|近70%`): they bridge like 共计. The others end a verb of motion (`卡片发下去`,
    /// `学费拿回来`), which no noun phrase takes in.
    static func directionalClass(_ r: Range<Int>, _ f: [Unicode.Scalar]) -> WordClass? {
        guard r.count == 2, f[r.upperBound - 1] == "来" || f[r.upperBound - 1] == "去" else { return nil }
        let first = f[r.lowerBound], last = f[r.upperBound - 1]
        if last == "来", first == "起" || first == "下" { return .bridge }
        return (last == "来" ? directionalFirstsBeforeLai : directionalFirstsBeforeQu).contains(first) ? .verb : nil
    }

    /// First characters of the other directional complements: 上来, 出来, 进来, 回来, 过来, 开来;
    /// 下去, 上去, 出去, 进去, 回去 (过去 is the past: a time word).
    private static let directionalFirstsBeforeLai: ScalarSet = "上出进回过开"
    private static let directionalFirstsBeforeQu: ScalarSet = "下上出进回"

    private static let complements: ScalarSet = "起出到上下入进回开完好成掉住走"


    /// Characters that, at the edge of a word ICU joined and the lexicon does not know, are a
    /// function word of their own: `应为` → 应 · 为, `已经有` → 已经 · 有, `大涨了` → 大涨 · 了.
    private static let edgeFunctionCharacters: ScalarSet = "了的有为是在也都仍已还只仅共均约应刚又再就才被将把对从由向和与及达占比较自于至到"

    /// An unknown word whose first or last character is a function word.
    private static func hasFunctionEdge(_ r: Range<Int>, _ buffer: TextBuffer) -> Bool {
        let f = buffer.folded
        guard edgeFunctionCharacters.contains(f[r.lowerBound]) || edgeFunctionCharacters.contains(f[r.upperBound - 1]) else { return false }
        return SubjectLexicon.shared.lookup(f[r]) == nil
    }

    /// One punctuation, space or symbol character.
    private static func appendMark(_ k: Int, _ out: inout [SubjectToken], _ asciiQuotes: inout Int, _ buffer: TextBuffer) {
        let kind: SubjectToken.Kind
        switch buffer.folded[k] {
        case " ", "\t":
            if let last = out.last, last.kind == .space, last.range.upperBound == k {
                out[out.count - 1].range = last.range.lowerBound..<(k + 1)
                return
            }
            kind = .space
        case "、": kind = .listBreak
        case "\"":
            // The ASCII quote opens and closes: alternate.
            kind = asciiQuotes % 2 == 0 ? .openQuote : .closeQuote
            asciiQuotes += 1
        case let c where openingQuotes.contains(c): kind = .openQuote
        case "”", "」", "』", "’", "》": kind = .closeQuote
        case let c where openingBrackets.contains(c): kind = .openBracket
        case ")", "]", "】", "〕", "}": kind = .closeBracket
        case "/", "·", "-", "_", "&", "+":
            kind = .joiner
        default: kind = .clauseBreak
        }
        out.append(.init(range: k..<(k + 1), kind: kind))
    }
}
