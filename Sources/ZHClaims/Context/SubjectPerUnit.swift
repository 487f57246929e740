/// Prices per unit (`1.8元一斤`, `290元一盒的口罩`): 一 and a classifier after a price say what
/// it is per, so the noun after them (if any) is what is priced, never the unit itself.
extension SubjectReader {
    /// `1.8元一斤`, `5元一个`, `3元一碗麵`: after a price, 一 and a classifier say what it is
    /// per, not what it buys. Returns where the classifier ends.
    func perUnitEnd(after t: Int) -> Int? {
        let f = buffer.folded, e = tokens[t].range.upperBound
        guard e + 1 < f.count, f[e] == "一", let c = tokens[t].claimIndex, claims[c].kind == .money else { return nil }
        if e + 2 < f.count, f[e + 1] == "公" || f[e + 1] == "千", f[e + 2] == "斤" || f[e + 2] == "克" { return e + 3 }
        return Self.perUnitClassifiers.contains(f[e + 1]) ? e + 2 : nil
    }

    /// The one-character classifiers of the `per_unit` rule fragment (Rules/00-fragments.yaml).
    static let perUnitClassifiers: ScalarSet = "个斤两只瓶袋盒包份碗杯张件"

    /// What is priced per unit: `290元一盒的口罩` → 口罩, `120元一杯咖啡，` → 咖啡; nothing in
    /// `1.8元一斤，` or `一斤|直线下降` (the subject is then read before the number).
    func pricedItem(from j: Int, after end: Int, _ claim: Claim) -> (range: Range<Int>, viaDe: Bool)? {
        guard let k = tokens[j...].firstIndex(where: { $0.range.lowerBound >= end }), tokens[k].range.lowerBound == end
        else { return nil }
        if isWord(k, "的") { return phraseAfterDe(k, claim) }
        guard let r = collect(from: k, viaDe: false, claim),
              r.head + 1 == tokens.count || [.clauseBreak, .listBreak, .closeBracket].contains(tokens[r.head + 1].kind)
        else { return nil }
        return (r.range, false)
    }
}
