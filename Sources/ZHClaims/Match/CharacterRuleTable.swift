/// For every BMP code point, a bit set of rules (bit = rule order): the shape shared by the rule
/// filter (rules that need the character somewhere) and the start table (rules that may begin at
/// it). Two levels: a 16-bit row number per code point (128 KB) and the distinct rows (a few
/// hundred). A flat table of rows (1 MB for 128 rules) missed the cache on most lookups, which
/// perf showed as the hottest instruction of the matcher's walk.
struct CharacterRuleTable: Sendable {
    /// 64-bit words per row.
    let words: Int
    private let rowOf: [UInt16]
    private let rows: [UInt64]
    /// Rules for which `characters` gave a set.
    let listed: [UInt64]

    init(_ rules: [CompiledRule], characters: (CompiledRule) -> PatternFacts.Chars?) {
        let words = max(1, (rules.count + 63) / 64)
        var full: [UInt32: [UInt64]] = [:]
        var listed = [UInt64](repeating: 0, count: words)
        for rule in rules {
            guard let chars = characters(rule) else { continue }
            let (w, b) = (rule.order / 64, UInt64(1) << UInt64(rule.order % 64))
            listed[w] |= b
            for c in chars where c < 0x10000 { full[c, default: Array(repeating: 0, count: words)][w] |= b }
        }
        var rowOf = [UInt16](repeating: 0, count: 0x10000)
        var rows = [UInt64](repeating: 0, count: words)   // row 0: no rules
        var numbered: [[UInt64]: UInt16] = [Array(repeating: 0, count: words): 0]
        for c in full.keys.sorted() {
            let row = full[c]!
            if let n = numbered[row] { rowOf[Int(c)] = n; continue }
            let n = UInt16(numbered.count)   // at most 65,536 distinct rows: one per code point
            numbered[row] = n
            rows += row
            rowOf[Int(c)] = n
        }
        (self.words, self.rowOf, self.rows, self.listed) = (words, rowOf, rows, listed)
    }

    /// Word `w` of the rule set of code point `v` (which must be below 0x10000).
    @inline(__always) func rules(_ v: UInt32, word w: Int) -> UInt64 {
        rows[Int(rowOf[Int(v)]) &* words &+ w]
    }

    /// How many distinct rule sets the table holds (for tests).
    var distinctRows: Int { rows.count / words }
}
