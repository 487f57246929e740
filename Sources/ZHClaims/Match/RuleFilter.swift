/// Which rules can match a sentence, from the characters it holds: a rule that lists required
/// characters (`PatternFacts.required`) runs only on sentences holding one of them
/// (`CharacterRuleTable.Layer.required`, looked up by the matcher's sweep over the sentence).
/// Rules with no usable requirement are always run.
struct RuleFilter: Sendable {
    /// Rules run on every sentence.
    let always: [UInt64]

    init(_ table: CharacterRuleTable) {
        always = table.listed[CharacterRuleTable.Layer.required.rawValue].map { ~$0 }
    }

    /// A rule's requirement is kept only when it is useful and entirely in the BMP.
    static func usable(_ chars: PatternFacts.Chars?) -> PatternFacts.Chars? {
        guard let chars, PatternFacts.isUseful(chars), chars.allSatisfy({ $0 < 0x10000 }) else { return nil }
        return chars
    }
}
