/// Turns a candidate's captured groups into a claim with exact values. Regexes only find spans:
/// every value is computed here, with exact decimal arithmetic.
public struct Resolver: Sendable {
    public init() {}

    public enum Failure: Error, CustomStringConvertible {
        case noNumber, unreadable(String), badDate(String), mixedUnits(String, String), ordinal
        public var description: String {
            switch self {
            case .noNumber: return "the rule captured no number"
            case .ordinal: return "第 stands before the number: an ordinal, not an amount"
            case let .mixedUnits(a, b): return "a range from \(a) to \(b), units that do not convert exactly"
            case let .unreadable(t): return "cannot read '\(t)' as a number"
            case let .badDate(t): return "not a valid date or time: \(t)"
            }
        }
    }

    public func resolve(_ c: Candidate, _ buffer: TextBuffer) -> Result<Claim, Failure> {
        guard let kind = c.rule.rule.kind else { return .failure(.noNumber) }
        func text(_ role: GroupRole) -> String? {
            // Invisible characters the rules did not see (`1\u{200B}000`) are not part of the value.
            guard let t = c.range(role).flatMap({ $0.isEmpty ? nil : InvisibleCharacters.removed(from: buffer.foldedText($0)) }),
                  !t.isEmpty else { return nil }
            // Spaces inside a number (四点 五, 新台币 177.1 亿元) carry no meaning.
            // (Looked for in the UTF-8: `String.contains(Character)` walks grapheme clusters.)
            guard t.utf8.contains(UInt8(ascii: " ")), Self.numericRoles.contains(role) else { return t }
            let packed = t.filter { $0 != " " }
            return packed.isEmpty ? nil : packed
        }
        if kind != .rank, kind != .date, Self.followsOrdinalMark(c.span, buffer) { return .failure(.ordinal) }
        var claim = Claim(span: c.span, kind: kind, rule: c.rule.rule.id)
        if kind == .date {
            switch DateReader.read(year: text(.year), month: text(.month), day: text(.day),
                                   hour: text(.hour), minute: text(.minute), ampm: text(.ampm)) {
            case let .success(iso): claim.date = iso
            case let .failure(f): return .failure(f)
            }
        } else {
            switch value(c, text) {
            case let .success((low, high)):
                claim.value = low
                claim.high = high
            case let .failure(f): return .failure(f)
            }
        }
        fillWords(&claim, c, buffer, text)
        if case let .failure(f) = Self.centsInWholeUnits(&claim) { return .failure(f) }
        if let written = text(.low_unit), let high = claim.high, let value = claim.value, let unit = claim.unit {
            let lowUnit = Lexicon.unit(written, kind: kind)
            // A shortened repeat of the unit is the same unit: 20度到30度电.
            if lowUnit != unit && !unit.hasPrefix(lowUnit) {
                guard let (l, h, u) = UnitConversion.common(low: value, lowUnit: lowUnit, high: high, highUnit: unit) else {
                    return .failure(.mixedUnits(lowUnit, unit))
                }
                (claim.value, claim.high, claim.unit) = (l, h, u)
            }
        }
        return .success(claim)
    }

    /// Whether 第 (or 第 and one space) stands right before the span: whatever rule matched
    /// (第220至221頁, 第3度報警, 第四折, 第12至15天), the number is a position, and CONVENTIONS
    /// reads ordinals as no claim; a rank's span holds its 第 itself.
    static func followsOrdinalMark(_ span: Range<Int>, _ buffer: TextBuffer) -> Bool {
        let f = buffer.folded, s = span.lowerBound
        guard s >= 1 else { return false }
        if f[s - 1] == "第" { return true }
        return s >= 2 && f[s - 1] == " " && f[s - 2] == "第"
    }

    /// Groups holding numbers, where spaces are dropped.
    private static let numericRoles: Set<GroupRole> = [.num, .mult, .high, .high_mult, .high_tail, .tail_mult, .numer, .denom, .high_numer, .high_denom, .frac, .high_frac, .vague]

    /// The value (and range high) from num/mult/vague/half/frac/numer/denom/high groups.
    private func value(_ c: Candidate, _ text: (GroupRole) -> String?) -> Result<(ExactDecimal, ExactDecimal?), Failure> {
        let mult = text(.mult)
        var v: ExactDecimal
        if let numer = text(.numer), let denom = text(.denom) {
            guard let n = Numeral.parse(numer), let d = Numeral.parse(denom) ?? Self.multiplier(denom), let q = n.divided(by: d, maxScale: 6) else {
                return .failure(.unreadable(denom + "分之" + numer))
            }
            v = q
            // A mixed number: 三百五又三分之一 → 350 + 1/3.
            if let whole = text(.num) {
                guard let w = Numeral.parse(whole), let s = w + q else { return .failure(.unreadable(whole)) }
                v = s
            }
            // A range of ratios (1:66-1:33): the bounds in increasing order.
            if let hn = text(.high_numer), let hd = text(.high_denom) {
                guard let n = Numeral.parse(hn), let d = Numeral.parse(hd), let h = n.divided(by: d, maxScale: 6) else {
                    return .failure(.unreadable(hn + ":" + hd))
                }
                return .success(v <= h ? (v, h) : (h, v))
            }
        } else if let total = Self.compoundDuration(c, text) {
            switch total {
            case let .success((v, _)): return finish(v, c, text, multApplied: true)
            case let .failure(f): return .failure(f)
            }
        } else if let vague = text(.vague) {
            guard let magnitude = Self.vagueMagnitude(vague) else { return .failure(.unreadable(vague)) }
            v = magnitude
        } else if let written = text(.num) {
            let num = Self.pairPlace(text).map { written + $0 } ?? written
            // A multiplier after a number that already has a big unit belongs inside it:
            // 四十五亿四千零四 + 万 is 4540040000, not (4500004004) × 10^4.
            if let m = mult, num.contains(where: { $0 == "亿" || $0 == "万" || $0 == "兆" }), let whole = Numeral.parse(num + m) {
                return finish(whole, c, text, multApplied: true)
            }
            guard let n = Numeral.parse(num) ?? Self.halfOf(num) else { return .failure(.unreadable(num)) }
            v = n
        } else if let d = text(.doublings) {
            // The doubling words (两番, 一倍); 翻番 and 翻倍 alone are one doubling.
            let count = String(d.filter { $0 != "番" && $0 != "倍" })
            guard let n = count.isEmpty ? 1 : Numeral.parse(count).flatMap({ Int($0.description) }), (1...10).contains(n) else { return .failure(.unreadable(d)) }
            v = ExactDecimal(1 << n)
        } else if text(.half) != nil || text(.unit)?.contains("半") == true {
            // 半 alone is one half (半天); right after a classifier with no number before it
            // (个半小时, 分半钟: colloquial for 一个半, 一分半) the 一 is left out, so 1 + 半.
            let unit = text(.unit) ?? ""
            v = ExactDecimal(unit.hasPrefix("个半") || unit.hasPrefix("分半") ? 1 : 0)
        } else if mult != nil {
            v = ExactDecimal(1)   // 万余名, 超千万元: a bare multiplier counts as one
        } else {
            return .failure(.noNumber)
        }
        return finish(v, c, text, multApplied: false)
    }

    /// The place written after a pair and its multiplier, which end both bounds' text: read
    /// with the head, 两亿七八千万 is 两亿七千万 to 两亿八千万 (a multiplier applied afterwards
    /// would multiply the head too).
    private static func pairPlace(_ text: (GroupRole) -> String?) -> String? {
        text(.tail_mult).map { $0 + (text(.high_mult) ?? "") }
    }

    /// The rest of `value`: subunits, 半, multipliers, the range's high bound, sign and scale.
    private func finish(_ start: ExactDecimal, _ c: Candidate, _ text: (GroupRole) -> String?, multApplied: Bool) -> Result<(ExactDecimal, ExactDecimal?), Failure> {
        var v = start
        let mult = multApplied ? nil : text(.mult)
        // After a pair's place the multiplier is part of both bounds' text (see `pairPlace`).
        let highMult = text(.tail_mult) == nil ? text(.high_mult) : nil
        if let frac = text(.frac) {
            // Digits after the unit continue the value: 12秒58 → 12.58; 六成八 → 6.8 成;
            // 角/毛 and 分 after 元 are tenths and hundredths: 五元三毛 → 5.3, 九元一角八分 → 9.18.
            guard let f = Self.fraction(frac), let s = v + f else { return .failure(.unreadable(frac)) }
            v = s
        }
        // The upper bound written as the last digit only: 一万六七 → 一万七, 三十五六 → 三十六.
        // With its place after it, both bounds end in it: 一千二三百 → 一千三百.
        let highText = text(.high_tail).flatMap { tail in text(.num).map { String($0.dropLast()) + tail + (Self.pairPlace(text) ?? "") } } ?? text(.high)
        // 半 after the number, or inside the unit (一个半小时, 6個半鐘): one half more. The unit
        // of a range follows its upper bound, so a 半 in it is the upper bound's (45分鐘至一個半小時).
        let half = ExactDecimal(significand: 5, scale: 1)
        let halfInUnit = text(.unit)?.contains("半") == true
        let halfInLowUnit = text(.low_unit)?.contains("半") == true   // 三个半月至四个半月
        if text(.half) != nil || halfInLowUnit || (halfInUnit && highText == nil), let s = v + half { v = s }
        let highRaw = highText.flatMap { Numeral.parse($0) }
        // The high bound's multiplier applies to a bare low bound: 2至3万人次 → 20000–30000;
        // not to a low bound that is already larger than the high digits (8500到3万 → 8500).
        if let m = mult ?? (highRaw.map { v <= $0 } == false ? nil : highMult) {
            guard let factor = Self.multiplier(m), let p = v.multiplied(by: factor) else { return .failure(.unreadable(m)) }
            v = p
        }
        var high: ExactDecimal? = nil
        if let h = highText {
            guard var hv = highRaw else { return .failure(.unreadable(h)) }
            if let m = highMult ?? mult {
                guard let factor = Self.multiplier(m), let p = hv.multiplied(by: factor) else { return .failure(.unreadable(m)) }
                hv = p
            }
            if let hf = text(.high_frac) {
                guard let f = Self.fraction(hf), let s = hv + f else { return .failure(.unreadable(hf)) }
                hv = s
            }
            if halfInUnit, let s = hv + half { hv = s }
            high = hv
        }
        if text(.neg) != nil { v = v.negated; high = high?.negated }
        if let scale = c.rule.rule.scale {
            guard let p = v.multiplied(by: scale) else { return .failure(.unreadable("scale")) }
            v = p
            if let h = high { high = h.multiplied(by: scale) }
        }
        return .success((v, high))
    }

    /// The approx word written in the span around the number (约65元, 7400多万元, 1.5%左右):
    /// the span's text outside the number groups, searched for the longest known marker.
    /// Rules need no approx groups for markers inside the span; explicit groups (for a marker
    /// outside the span, 約有500個) override this.
    ///
    /// Runs once per claim, so it works in place: one scratch mark per span position on the
    /// stack, the uncovered runs read straight from the folded text, and a dictionary lookup only
    /// where a marker can begin (`Lexicon.approxFirstCharacters`). Building the pieces and a key
    /// array at every position cost about 2,600 instructions a claim.
    static func approxInSpan(_ c: Candidate, _ buffer: TextBuffer) -> Approx? {
        let span = c.span
        guard !span.isEmpty else { return nil }
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: span.count) { covered in
            covered.initialize(repeating: false)
            for role in numberRoles {
                guard let r = c.range(role) else { continue }
                for k in r where span.contains(k) { covered[k - span.lowerBound] = true }
            }
            let folded = buffer.folded, first = Lexicon.approxFirstCharacters
            var best: (length: Int, approx: Approx)? = nil
            /// The longest marker in one run of uncovered text (a piece), left to right.
            func consider(_ piece: Range<Int>) {
                for i in piece where first.contains(folded[i]) {
                    // No marker is longer than `approxMaxLength`: longer pieces are not looked up.
                    for j in stride(from: min(piece.upperBound, i + Lexicon.approxMaxLength), to: i, by: -1)
                    where best.map({ j - i > $0.length }) ?? true {
                        if let a = Lexicon.approxByScalars[Array(folded[i..<j])] { best = (j - i, a); break }
                    }
                }
            }
            var start = span.lowerBound
            for k in span where covered[k - span.lowerBound] {
                if start < k { consider(start..<k) }
                start = k + 1
            }
            if start < span.upperBound { consider(start..<span.upperBound) }
            return best?.approx
        }
    }

    /// The groups whose text is the number itself (or a date or currency), not a marker.
    private static let numberRoles: [GroupRole] = [.num, .high, .mult, .high_mult, .tail_mult, .vague, .numer, .denom, .high_numer, .high_denom, .year, .month, .day,
                                                    .hour, .minute, .second, .currency]

    /// A multiplier word: Chinese (万, 亿, 千万 …) or the Latin shorthands of web and finance
    /// text (15k → ×1000, 30w → ×10000, 1.2M → ×10^6, 3B/G → ×10^9).
    static func multiplier(_ word: String) -> ExactDecimal? {
        switch word {
        case "k", "K", "千": return ExactDecimal(1000)
        case "w", "W": return ExactDecimal(10000)
        case "M": return ExactDecimal(1_000_000)
        case "B", "G": return ExactDecimal(1_000_000_000)
        case "万万": return ExactDecimal(100_000_000)   // 四万万 (old usage) = 4 亿
        default: return Numeral.multiplier(word)
        }
    }

    /// The part of a value written after its unit: plain digits read as decimals (12秒58 → .58,
    /// 三块零四 → .04), or money subunits, 角/毛/毫 tenths and 分 hundredths (三毛五 → .35 after 元,
    /// 一角八分 → .18, 3分 → .03, 又三美分 → .03).
    static func fraction(_ written: String) -> ExactDecimal? {
        let frac = written.filter { !"又美港钱".contains($0) }   // 两美元又三美分: 三分
        guard frac.contains(where: { "角毛毫分".contains($0) }) else {
            let digits = frac.compactMap { Numeral.parse(String($0))?.description }.joined()
            guard digits.count == frac.count else { return nil }
            return ExactDecimal(Substring("0." + digits))
        }
        var tenths = 0, hundredths = 0, pending: Int? = nil, sawTenths = false
        for ch in frac {
            if ch == "零" || ch == "〇" { pending = nil; continue }
            if let d = Numeral.parse(String(ch)).flatMap({ Int($0.description) }), (0...9).contains(d) {
                guard pending == nil else { return nil }
                pending = d
            } else if ch == "分" {
                guard let d = pending else { return nil }
                hundredths = d; pending = nil
            } else if "角毛毫".contains(ch) {
                guard let d = pending, !sawTenths else { return nil }
                tenths = d; pending = nil; sawTenths = true
            } else {
                return nil
            }
        }
        if let d = pending { guard sawTenths else { return nil }; hundredths = d }   // 三毛五: 5 fen
        return ExactDecimal(Substring("0." + String(tenths) + String(hundredths)))
    }

    /// 十几 → 10, 几十 → 10, 数百 → 100, 上万 → 10000, 好几千 → 1000, 几十万 → 100000; after a
    /// written numeral the digits before 几 count: 一百二十几亿 → 12000000000, 一百零几万 → 1000000
    /// (the 零 that only led to 几 goes with it).
    static func vagueMagnitude(_ word: String) -> ExactDecimal? {
        var kept: [Character] = []
        for ch in word {
            if ch == "几", kept.last == "零" { kept.removeLast() }
            // 个 is spoken between a vague numeral and 亿 (十几个亿): not part of the number.
            if !"数几好上个".contains(ch) { kept.append(ch) }
        }
        let core = String(kept)
        return core.isEmpty ? nil : Numeral.parse(core)
    }

    /// The parts of a compound duration, largest first, with each unit's size in the chain's base
    /// unit (months, or seconds) and its normalised name. Only exact conversions chain: 年 → 个月
    /// (×12), and 天 → 小时 → 分钟 → 秒 (×24, ×60, ×60); a month has no fixed number of days.
    static let durationParts: [(role: GroupRole, chain: Int, size: Int, unit: String)] = [
        (.year, 0, 12, "个月"), (.month, 0, 1, "个月"),
        (.day, 1, 86400, "天"), (.hour, 1, 3600, "小时"), (.minute, 1, 60, "分钟"), (.second, 1, 1, "秒"),
    ]

    /// A duration written in two or more units (1小时30分钟, 两年零三个月, 3分20秒): the sum in the
    /// smallest unit written (90 分钟, 27 个月, 200 秒) and that unit; nil when the candidate is
    /// not a duration with year/month/day/hour/minute/second groups.
    static func compoundDuration(_ c: Candidate, _ text: (GroupRole) -> String?) -> Result<(ExactDecimal, String), Failure>? {
        guard c.rule.rule.kind == .duration else { return nil }
        let parts = durationParts.compactMap { p in text(p.role).map { (p, $0) } }
        guard let smallest = parts.last?.0 else { return nil }
        var total = ExactDecimal.zero
        for (p, written) in parts {
            guard p.chain == smallest.chain, let n = Numeral.parse(written),
                  let scaled = n.multiplied(by: ExactDecimal(p.size / smallest.size)),
                  let sum = total + scaled else { return .failure(.unreadable(written)) }
            total = sum
        }
        return .success((total, smallest.unit))
    }

    /// An amount in cents (`1.05美分`) restated in the currency they are a hundredth of (0.0105
    /// 美元, USD). Every cent word is two CJK characters, six UTF-8 bytes: checked before hashing.
    private static func centsInWholeUnits(_ claim: inout Claim) -> Result<Void, Failure> {
        guard claim.kind == .money || claim.kind == .change, let u = claim.unit, u.utf8.count == 6,
              let whole = Lexicon.hundredths[u] else { return .success(()) }
        let cent = ExactDecimal(significand: 1, scale: 2)
        guard let v = claim.value?.multiplied(by: cent) else { return .failure(.unreadable(u)) }
        claim.value = v
        claim.high = claim.high?.multiplied(by: cent)
        claim.unit = whole
        claim.currency = Lexicon.currency(ofUnit: whole)
        return .success(())
    }

    /// 半 before a multiplier: one half of it (半百 → 50). nil for anything else.
    static func halfOf(_ word: String) -> ExactDecimal? {
        guard word.first == "半", word.count > 1, let m = multiplier(String(word.dropFirst())) else { return nil }
        return m.multiplied(by: ExactDecimal(significand: 5, scale: 1))
    }

    /// Unit, currency, approx and change words, then the rule's fixed fields.
    private func fillWords(_ claim: inout Claim, _ c: Candidate, _ buffer: TextBuffer, _ text: (GroupRole) -> String?) {
        let rule = c.rule.rule
        if let u = text(.unit) { claim.unit = Lexicon.unit(u, kind: claim.kind) }
        if claim.unit == nil, let cw = text(.currency) { claim.unit = Lexicon.unit(ofCurrencyWord: cw) }
        if case let .success((_, u))? = Self.compoundDuration(c, text) { claim.unit = u }
        if let u = rule.unit { claim.unit = u }
        if claim.kind == .money || claim.kind == .change, let u = claim.unit { claim.currency = Lexicon.currency(ofUnit: u) }
        if claim.kind == .money, claim.currency == nil, let cw = text(.currency),
           let u = Lexicon.unit(ofCurrencyWord: cw) { claim.currency = Lexicon.currency(ofUnit: u) }
        claim.approx = Self.approxInSpan(c, buffer)
        for role in [GroupRole.approx, .approx_mid, .approx_post] {
            if let w = text(role), let a = Lexicon.approx(w) { claim.approx = a }
        }
        if text(.vague) != nil, claim.approx == nil { claim.approx = .over }
        if let a = rule.approx { claim.approx = a }
        if claim.kind == .change {
            if let w = text(.change) { claim.change = Lexicon.change(w) }
            if let d = rule.change { claim.change = d }
            if let b = text(.basis) { claim.basis = Lexicon.basis(b) }
        }
    }
}
