/// Turns a candidate's captured groups into a claim with exact values. Regexes only find spans:
/// every value is computed here, with exact decimal arithmetic.
public struct Resolver: Sendable {
    public init() {}

    public enum Failure: Error, CustomStringConvertible {
        case noNumber, unreadable(String), badDate(String)
        public var description: String {
            switch self {
            case .noNumber: return "the rule captured no number"
            case let .unreadable(t): return "cannot read '\(t)' as a number"
            case let .badDate(t): return "not a valid date or time: \(t)"
            }
        }
    }

    public func resolve(_ c: Candidate, _ buffer: TextBuffer) -> Result<Claim, Failure> {
        guard let kind = c.rule.rule.kind else { return .failure(.noNumber) }
        func text(_ role: GroupRole) -> String? {
            c.range(role).flatMap { $0.isEmpty ? nil : buffer.foldedText($0) }
        }
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
        return .success(claim)
    }

    /// The value (and range high) from num/mult/vague/half/frac/numer/denom/high groups.
    private func value(_ c: Candidate, _ text: (GroupRole) -> String?) -> Result<(ExactDecimal, ExactDecimal?), Failure> {
        let mult = text(.mult)
        let highMult = text(.high_mult)
        var v: ExactDecimal
        if let numer = text(.numer), let denom = text(.denom) {
            guard let n = Numeral.parse(numer), let d = Numeral.parse(denom), let q = n.divided(by: d, maxScale: 6) else {
                return .failure(.unreadable(denom + "分之" + numer))
            }
            v = q
        } else if let vague = text(.vague) {
            guard let magnitude = Self.vagueMagnitude(vague) else { return .failure(.unreadable(vague)) }
            v = magnitude
        } else if let num = text(.num) {
            guard let n = Numeral.parse(num) else { return .failure(.unreadable(num)) }
            v = n
        } else if let d = text(.doublings) {
            guard let n = Numeral.parse(d).flatMap({ Int($0.description) }), (1...10).contains(n) else { return .failure(.unreadable(d)) }
            v = ExactDecimal(1 << n)
        } else if text(.half) != nil || text(.unit)?.contains("半") == true {
            v = ExactDecimal(0)
        } else if mult != nil {
            v = ExactDecimal(1)   // 万余名, 超千万元: a bare multiplier counts as one
        } else {
            return .failure(.noNumber)
        }
        if let frac = text(.frac) {
            // Digits after the unit continue the value: 12秒58 → 12.58; 六成八 → 6.8 成.
            let digits = frac.compactMap { Numeral.parse(String($0))?.description }.joined()
            guard digits.count == frac.count, let f = ExactDecimal(Substring("0." + digits)), let s = v + f else { return .failure(.unreadable(frac)) }
            v = s
        }
        // 半 after the number, or inside the unit (一个半小时, 6個半鐘): one half more.
        if text(.half) != nil || text(.unit)?.contains("半") == true, let s = v + ExactDecimal(significand: 5, scale: 1) { v = s }
        // The high bound's multiplier applies to a bare low bound: 2至3万人次 → 20000–30000.
        if let m = mult ?? highMult {
            guard let factor = Numeral.multiplier(m), let p = v.multiplied(by: factor) else { return .failure(.unreadable(m)) }
            v = p
        }
        var high: ExactDecimal? = nil
        if let h = text(.high) {
            guard var hv = Numeral.parse(h) else { return .failure(.unreadable(h)) }
            if let m = highMult ?? mult {
                guard let factor = Numeral.multiplier(m), let p = hv.multiplied(by: factor) else { return .failure(.unreadable(m)) }
                hv = p
            }
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
    static func approxInSpan(_ c: Candidate, _ buffer: TextBuffer) -> Approx? {
        var covered = [Bool](repeating: false, count: c.span.count)
        for role in [GroupRole.num, .high, .mult, .high_mult, .vague, .numer, .denom, .year, .month, .day, .hour, .minute, .currency] {
            guard let r = c.range(role) else { continue }
            for k in r where c.span.contains(k) { covered[k - c.span.lowerBound] = true }
        }
        var best: (length: Int, approx: Approx)? = nil
        var piece: [Unicode.Scalar] = []
        func consider() {
            let n = piece.count
            for i in 0..<n {
                for j in stride(from: n, to: i, by: -1) where best.map({ j - i > $0.length }) ?? true {
                    var s = String.UnicodeScalarView(); s.append(contentsOf: piece[i..<j])
                    if let a = Lexicon.approx[String(s)] { best = (j - i, a); break }
                }
            }
            piece.removeAll()
        }
        for k in c.span {
            if covered[k - c.span.lowerBound] { consider() } else { piece.append(buffer.folded[k]) }
        }
        consider()
        return best?.approx
    }

    /// 十几 → 10, 几十 → 10, 数百 → 100, 上万 → 10000, 好几千 → 1000, 几十万 → 100000.
    static func vagueMagnitude(_ word: String) -> ExactDecimal? {
        let core = String(word.filter { !"数几好上".contains($0) })
        return core.isEmpty ? nil : Numeral.parse(core)
    }

    /// Unit, currency, approx and change words, then the rule's fixed fields.
    private func fillWords(_ claim: inout Claim, _ c: Candidate, _ buffer: TextBuffer, _ text: (GroupRole) -> String?) {
        let rule = c.rule.rule
        if let u = text(.unit) { claim.unit = Lexicon.unit(u, kind: claim.kind) }
        if claim.unit == nil, let cw = text(.currency) { claim.unit = Lexicon.unit(ofCurrencyWord: cw) }
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
