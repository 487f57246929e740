/// For every BMP code point, several bit sets of rules (bit = rule order), one per `Layer`: the
/// rules that need the character somewhere in a sentence (the filter), that may begin a match at
/// it, that need it ahead (two sets), that can consume it, that stop at it, and that may have it
/// second. The matcher looks all of them up
/// with one row number per character.
///
/// Two levels: a 16-bit row number per code point (128 KB) and the distinct rows (a few hundred).
/// A flat table (1 MB per layer for 128 rules) missed the cache on most lookups, which perf
/// showed as the hottest instruction of the matcher's walk.
struct CharacterRuleTable: Sendable {
    enum Layer: Int, CaseIterable {
        /// `RuleFilter`: characters of which a sentence must hold one.
        case required
        /// `StartTable`: characters a match may begin with.
        case start
        /// `StartTable`: the first and second set needed at or after the start.
        case ahead1, ahead2
        /// `StartTable`: characters a match can consume.
        case consumable
        /// `StartTable`: clause marks a match cannot reach (rules whose consumable set is unknown).
        case barrier
        /// `StartTable`: characters that may follow a match's first one.
        case next
    }

    /// 64-bit words per rule set.
    let words: Int

    /// The most rules a book may hold: a rule set is at most a `SIMD64<UInt64>`.
    static let maxRules = 64 * 64

    /// 64-bit words per rule set for `count` rules: a power of two, at least two, so that a set
    /// is one SIMD vector (`SentenceMatcher.prepare`); the words past the last rule stay empty.
    static func words(forRules count: Int) -> Int {
        var words = 2
        while words * 64 < count { words *= 2 }
        return words
    }
    private let layers: Int
    private let rowOf: [UInt16]
    /// Rows of `layers * words` words; row 0 holds no rules.
    private let rows: [UInt64]
    /// Per layer, the rules for which it lists characters.
    let listed: [[UInt64]]

    /// - Parameter characters: for each layer, a rule's characters (nil: the rule lists none).
    init(_ rules: [CompiledRule], characters: (CompiledRule, Layer) -> PatternFacts.Chars?) {
        let words = Self.words(forRules: rules.count), layers = Layer.allCases.count, width = words * layers
        var full: [UInt32: [UInt64]] = [:]
        var listed = [[UInt64]](repeating: Array(repeating: 0, count: words), count: layers)
        for rule in rules {
            let (w, b) = (rule.order / 64, UInt64(1) << UInt64(rule.order % 64))
            for layer in Layer.allCases {
                guard let chars = characters(rule, layer) else { continue }
                listed[layer.rawValue][w] |= b
                for c in chars where c < 0x10000 {
                    full[c, default: Array(repeating: 0, count: width)][layer.rawValue * words + w] |= b
                }
            }
        }
        var rowOf = [UInt16](repeating: 0, count: 0x10000)
        var rows = [UInt64](repeating: 0, count: width)
        var numbered: [[UInt64]: UInt16] = [Array(repeating: 0, count: width): 0]
        for c in full.keys.sorted() {
            let row = full[c]!
            if let n = numbered[row] { rowOf[Int(c)] = n; continue }
            let n = UInt16(numbered.count)   // at most 65,536 distinct rows: one per code point
            numbered[row] = n
            rows += row
            rowOf[Int(c)] = n
        }
        (self.words, self.layers, self.rowOf, self.rows, self.listed) = (words, layers, rowOf, rows, listed)
    }

    /// Where the rule sets of code point `v` (below 0x10000) begin in `rows`.
    @inline(__always) func row(_ v: UInt32) -> Int { Int(rowOf[Int(v)]) &* (layers &* words) }

    /// Word `w` of `layer` in the row starting at `row`.
    @inline(__always) func rules(atRow row: Int, _ layer: Layer, word w: Int) -> UInt64 {
        rows[row &+ layer.rawValue &* words &+ w]
    }

    /// Word `w` of the rule set of code point `v` (below 0x10000) in `layer`.
    func rules(_ v: UInt32, _ layer: Layer, word w: Int) -> UInt64 { rules(atRow: row(v), layer, word: w) }

    /// Where `layer`'s word `w` sits in a row, for reading `withRows`.
    @inline(__always) func offset(_ layer: Layer, _ w: Int) -> Int { layer.rawValue &* words &+ w }

    /// The rows as a raw buffer (row `r`'s word at `r + offset(layer, w)`), for the matcher's
    /// sweep over every character of a sentence.
    @inline(__always) func withRows<R>(_ body: (UnsafeBufferPointer<UInt64>) -> R) -> R { rows.withUnsafeBufferPointer(body) }

    /// How many distinct rows the table holds (for tests).
    var distinctRows: Int { rows.count / (layers * words) }
}
