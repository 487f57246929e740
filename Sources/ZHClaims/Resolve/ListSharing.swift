/// Numbers listed before a claim that share its unit: `目标1348、1355美元`, `分別為19及23歲`,
/// `分别有177和156家基金`, `1.5、2.3亿元`. Each item is its own claim (CONVENTIONS.md: each list
/// item is a claim), but only the last one is written with the unit, so no rule's span can hold
/// the others; this pass gives each bare number before the claim the claim's kind, unit,
/// currency, change and basis, and its multiplier (1.5、2.3亿元 → 1.5e8, as a range's low end
/// takes its high end's 万). Neighbouring pairs (7、8亿元) are ranges and never reach here: the
/// range rules cover them.
///
/// Only where a list is plain: the claim and the items are Arabic numbers (Chinese ones listed
/// this way are nearly always a range the rules missed, 兩、三日), joined by 、 和 及 与 或; the
/// list starts after a Han character (so not an item number at a line's start, `　　1、2个百分点`)
/// other than 第 (ordinals, `第8、18及22條`) or 其; no item is covered by a deny match; not the
/// shorthand `3、40人` / `4、5000元` (30–40, 4000–5000), which reads as a range; not years
/// (`15、16、17年`): a duration in 年 takes no list.
enum ListSharing {
    /// The rule id of a claim made here (docs/FORMAT.md).
    static let ruleID = "list.shared_unit"
    static let kinds: Set<ClaimKind> = [.count, .money, .measure, .duration, .age, .multiple, .percent, .change]
    /// 、 和 及 与 或, tested once per claim: a switch, not a hashed set.
    @inline(__always)
    static func isJoiner(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "、", "和", "及", "与", "或": return true
        default: return false
        }
    }

    /// `claims` (in span order) with the listed numbers before each one added, in span order,
    /// and the values listed right after a change read as changes too.
    static func extend(_ claims: [Claim], denials: [OverlapPolicy.Entry], sentence: Range<Int>, _ buffer: TextBuffer) -> [Claim] {
        var claims = carryingChange(claims, buffer)
        var added: [Claim] = []
        var headedByVerb = false
        let f = buffer.folded
        for i in claims.indices {
            // Cheap tests first, on the span alone: most claims have no joiner before them.
            let start = claims[i].span.lowerBound
            let floor = i > 0 ? claims[i - 1].span.upperBound : sentence.lowerBound
            guard start - 1 > floor, isJoiner(f[start - 1]), isArabic(f[start]) else { continue }
            var listed = items(before: claims[i], floor: floor, denials: denials, buffer)
            if let first = listed.first, let direction = changeVerb(before: first.span.lowerBound, floor: floor, buffer),
               claims[i].kind == .percent || (claims[i].kind == .change && claims[i].change == nil) {
                (claims[i].kind, claims[i].change) = (.change, direction)
                for k in listed.indices { (listed[k].kind, listed[k].change) = (.change, direction) }
                headedByVerb = true
            }
            added.append(contentsOf: listed)
        }
        guard !added.isEmpty else { return claims }
        // A value listed after the list's last item is a change now too (`增长5.1、6.2%和7%`).
        if headedByVerb { claims = carryingChange(claims, buffer) }
        return (claims + added).sorted { $0.span.lowerBound < $1.span.lowerBound }
    }

    /// `增长5.1、6.2%`, `分别回落0.7和0.4個百分點`: a change verb right before a list's first item
    /// (分别, 均 or 各 may stand between) makes the whole list changes in its direction, as it makes
    /// the first item one; the rules see the verb next to the bare first number only, and read
    /// the last item, away from the verb, as a level (or as a change without direction).
    static func changeVerb(before start: Int, floor: Int, _ buffer: TextBuffer) -> ChangeDirection? {
        var end = start
        // `上升约16和13个百分点`, `收窄了1.3、1.2和0.9个百分点`: an approx word (`Lexicon.approx`)
        // and 了 may stand between the verb and the list.
        for n in [2, 1] where end - n > floor && Lexicon.approxByScalars[Array(buffer.folded[(end - n)..<end])] != nil {
            end -= n
            break
        }
        if end - 1 > floor, buffer.folded[end - 1] == "了" { end -= 1 }
        for adverb in ["分别", "均", "各"] {
            let n = adverb.unicodeScalars.count
            if end - n > floor, buffer.foldedText((end - n)..<end) == adverb { end -= n; break }
        }
        guard end - 2 >= floor else { return nil }
        let verb = buffer.foldedText((end - 2)..<end)
        return changeVerbs.contains(verb) ? Lexicon.change(verb) : nil
    }

    /// Change verbs of two characters that take a list of values (the frequent ones of news).
    static let changeVerbs: Set<String> = [
        "增长", "增加", "上升", "上涨", "提高", "提升", "回升", "扩大", "上调", "攀升",
        "下降", "减少", "下跌", "降低", "回落", "下滑", "收窄", "缩小", "下调", "减小",
    ]

    /// `分别下降3.1%和2.2%`, `分别上涨5元和8元`: a value joined to a change by 、 和 及 与 或 alone,
    /// in the same unit, is a change in the same direction on the same basis (CONVENTIONS.md:
    /// 同比 covers a change coordinated right after it); the rules read it as a level, as no
    /// change verb stands right before it.
    static func carryingChange(_ claims: [Claim], _ buffer: TextBuffer) -> [Claim] {
        var out = claims
        let f = buffer.folded
        for i in out.indices.dropFirst() where out[i].span.lowerBound == out[i - 1].span.upperBound + 1
            && out[i - 1].kind == .change && isJoiner(f[out[i - 1].span.upperBound]) {
            guard changeable.contains(out[i].kind), out[i].unit == out[i - 1].unit, out[i].high == nil else { continue }
            (out[i].kind, out[i].change, out[i].basis) = (.change, out[i - 1].change, out[i - 1].basis)
        }
        return out
    }

    /// Kinds a rule gives a value that, listed after a change, is one.
    static let changeable: Set<ClaimKind> = [.percent, .money, .count, .measure]

    /// The listed items before `claim`, none starting before `floor`: the whole chain of items
    /// or none, so that a list an ordinal starts (`第8、18、19及22條`) gives nothing.
    static func items(before claim: Claim, floor: Int, denials: [OverlapPolicy.Entry], _ buffer: TextBuffer) -> [Claim] {
        // The caller has seen a joiner before the claim and a digit at its start.
        let f = buffer.folded
        guard kinds.contains(claim.kind), claim.high == nil, let unit = claim.unit, let value = claim.value,
              !(claim.kind == .duration && unit == "年") else { return [] }
        let head = numeralEnd(from: claim.span.lowerBound, limit: claim.span.upperBound, f)
        guard let written = Numeral.parse(buffer.foldedText(claim.span.lowerBound..<head)),
              !written.isZero, let ratio = value.divided(by: written), isPowerOfTen(ratio) else { return [] }
        var spans: [Range<Int>] = []
        var end = claim.span.lowerBound
        while end - 1 > floor, isJoiner(f[end - 1]) {
            let itemEnd = end - 1
            var start = itemEnd
            while start > floor, isNumberCharacter(f[start - 1]) { start -= 1 }
            // Not a number (`2.14(a)、2.15`), or one glued to what is before it: no list.
            guard start < itemEnd, start > floor, f[start] != ".", f[itemEnd - 1] != "." else { return [] }
            spans.append(start..<itemEnd)
            end = start
        }
        guard let first = spans.last else { return [] }
        let before = f[first.lowerBound - 1]
        guard before.isIdeographicQuick, before != "第", before != "其" else { return [] }
        var out: [Claim] = []
        for span in spans.reversed() {
            let text = buffer.foldedText(span)
            guard !denials.contains(where: { $0.candidate.span.overlaps(span) }), !isShorthand(text, of: written),
                  let itemValue = Numeral.parse(text), let scaled = itemValue.multiplied(by: ratio) else { return [] }
            var item = claim
            item.span = span
            item.value = scaled
            item.approx = nil
            item.subject = nil
            item.rule = ruleID
            out.append(item)
        }
        return out
    }

    /// Where the Arabic number a claim starts with ends (before 万 亿 or a unit, which apply to
    /// the whole list).
    static func numeralEnd(from start: Int, limit: Int, _ f: [Unicode.Scalar]) -> Int {
        var k = start
        while k < limit, isNumberCharacter(f[k]) { k += 1 }
        return k
    }

    static func isArabic(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// A digit or a decimal point: what an Arabic number is written with.
    static func isNumberCharacter(_ c: Unicode.Scalar) -> Bool { isArabic(c) || c == "." }

    /// 1, 10, 100 … or 0.1, 0.01 …: what a multiplier or a rule's scale makes of the written number.
    static func isPowerOfTen(_ d: ExactDecimal) -> Bool { d.significand == 1 }

    /// `3、40人`, `4、5000元`: one digit before a round number of more digits is the shorthand of
    /// a range (三四十, 四五千), not a list; so is `12、3萬字` (十二三万), two digits before one.
    static func isShorthand(_ item: String, of written: ExactDecimal) -> Bool {
        let digits = item.unicodeScalars.count
        if digits == 2, written.scale == 0, written.significand < 10 { return true }
        guard digits == 1 else { return false }
        return written.scale < 0 || (written.scale == 0 && written.significand % 10 == 0 && written.significand >= 10)
    }
}
