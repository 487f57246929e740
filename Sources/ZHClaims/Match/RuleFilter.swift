/// Which rules can match a sentence, from the characters it holds: a rule that lists required
/// characters (`PatternFacts.required`) runs only on sentences holding one of them. Rules with no
/// usable requirement are always run. Built once per rule book, shared by all workers.
struct RuleFilter: Sendable {
    private let table: CharacterRuleTable
    /// Rules run on every sentence.
    let always: [UInt64]

    init(_ rules: [CompiledRule]) {
        table = CharacterRuleTable(rules) { $0.requiredCharacters }
        always = table.listed.map { ~$0 }
    }

    /// The rules that may match a sentence made of `text` (folded code points).
    func rules(for text: ArraySlice<Unicode.Scalar>, into mask: inout [UInt64]) {
        mask = always
        for c in text {
            let v = c.value
            guard v < 0x10000 else { continue }
            for w in 0..<table.words { mask[w] |= table.rules(v, word: w) }
        }
    }

    /// A rule's requirement is kept only when it is useful and entirely in the BMP.
    static func usable(_ chars: PatternFacts.Chars?) -> PatternFacts.Chars? {
        guard let chars, PatternFacts.isUseful(chars), chars.allSatisfy({ $0 < 0x10000 }) else { return nil }
        return chars
    }
}
