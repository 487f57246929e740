/// Which rules can match a sentence, from the characters it holds: for every BMP code point, the
/// bit set of rules that list it among their required characters (`PatternFacts.required`). Rules
/// with no usable requirement are always run. Built once per rule book, shared by all workers.
struct RuleFilter: Sendable {
    let words: Int
    private let bits: [UInt64]
    /// Rules run on every sentence.
    let always: [UInt64]

    init(_ rules: [CompiledRule]) {
        words = max(1, (rules.count + 63) / 64)
        var bits = [UInt64](repeating: 0, count: 0x10000 * words)
        var always = [UInt64](repeating: 0, count: words)
        for rule in rules {
            let (w, b) = (rule.order / 64, UInt64(1) << UInt64(rule.order % 64))
            guard let chars = rule.requiredCharacters else { always[w] |= b; continue }
            for c in chars where c < 0x10000 { bits[Int(c) * words + w] |= b }
        }
        self.bits = bits
        self.always = always
    }

    /// The rules that may match a sentence made of `text` (folded code points).
    func rules(for text: ArraySlice<Unicode.Scalar>, into mask: inout [UInt64]) {
        mask = always
        for c in text {
            let v = c.value
            guard v < 0x10000 else { continue }
            let base = Int(v) * words
            for w in 0..<words { mask[w] |= bits[base + w] }
        }
    }

    /// A rule's requirement is kept only when it is useful and entirely in the BMP.
    static func usable(_ chars: PatternFacts.Chars?) -> PatternFacts.Chars? {
        guard let chars, PatternFacts.isUseful(chars), chars.allSatisfy({ $0 < 0x10000 }) else { return nil }
        return chars
    }
}
