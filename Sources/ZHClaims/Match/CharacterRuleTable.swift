/// For every BMP code point, a bit set of rules (bit = rule order): the shape shared by the rule
/// filter (rules that need the character somewhere) and the start table (rules that may begin at
/// it). One load per character and word of 64 rules, no hashing. About 1 MB for 128 rules.
struct CharacterRuleTable: Sendable {
    /// 64-bit words per code point.
    let words: Int
    private let bits: [UInt64]
    /// Rules for which `characters` gave a set.
    let listed: [UInt64]

    init(_ rules: [CompiledRule], characters: (CompiledRule) -> PatternFacts.Chars?) {
        words = max(1, (rules.count + 63) / 64)
        var bits = [UInt64](repeating: 0, count: 0x10000 * words)
        var listed = [UInt64](repeating: 0, count: words)
        for rule in rules {
            guard let chars = characters(rule) else { continue }
            let (w, b) = (rule.order / 64, UInt64(1) << UInt64(rule.order % 64))
            listed[w] |= b
            for c in chars where c < 0x10000 { bits[Int(c) * words + w] |= b }
        }
        self.bits = bits
        self.listed = listed
    }

    /// Word `w` of the rule set of code point `v` (which must be below 0x10000).
    @inline(__always) func rules(_ v: UInt32, word w: Int) -> UInt64 {
        bits[Int(v) * words + w]
    }
}
