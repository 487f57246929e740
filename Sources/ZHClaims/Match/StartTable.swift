/// Which rules may start a match at a character: for every BMP code point, the bit set of rules
/// whose matches can begin with it (`PatternFacts.first`). The matcher sweeps a sentence once,
/// keeps the spots where some rule can begin with its needs met (below), and tries at each spot
/// only those rules, each compiled anchored (`CompiledRule.anchored`).
///
/// (The sets live in layers of the book's `CharacterRuleTable`; this type holds the masks the
/// matcher needs besides.)
///
/// Why: in UTF-8 mode PCRE2 pre-filters start positions only by their first byte, which every
/// Chinese character shares, so an unanchored scan enters each rule at nearly every character of
/// the sentence; a leading `(?=[first…])` lookahead costs a linear class test there instead
/// (PCRE2's wide classes are tested range by range). One table lookup per character for all
/// rules, and one anchored JIT call where a rule can start, takes 1.8 times less time on the
/// largest rule than the guarded scan did (C harness, 6.8 MB of news sentences).
///
/// Matches are unchanged: trying an anchored pattern at every position where it may start, in
/// order, and resuming after each match is what an unanchored scan does. Not dispatched (scanned
/// as before): patterns whose start set is unknown or outside the BMP, patterns beginning with
/// `^`, and patterns using `\G`, which asserts the scan's start offset and so would hold at every
/// anchored attempt.
///
/// Further layers prune more: a rule that must consume one of some characters at or after its
/// start (`PatternFacts.ahead`, e.g. its unit) is not tried past the last of them in the sentence;
/// a rule may have two such sets (e.g. 到至~ and its units), one per layer. Nor where a
/// character the rule cannot consume (`PatternFacts.consumable`) comes before what it needs:
/// `2020年全市新增32例` does not try the count rules at 2020. For a rule whose consumable
/// characters cannot all be listed, the clause marks it cannot reach still stop its needs.
/// And a rule is not tried where the next character cannot follow its first one
/// (`PatternFacts.Facts.next`): 人民币 starts money.currency_word_first, 人 alone does not.
struct StartTable: Sendable {
    /// Per ahead set (first, second), the dispatched rules with no such need: never pruned by it.
    let unconstrained: [[UInt64]]
    /// The rules whose consumable characters are known: any other character stops their needs.
    let bounded: [UInt64]
    /// The dispatched rules that may have any character second (`PatternFacts.Facts.next`).
    let anyNext: [UInt64]

    init(_ table: CharacterRuleTable) {
        unconstrained = [CharacterRuleTable.Layer.ahead1, .ahead2].map { layer in table.listed[layer.rawValue].map { ~$0 } }
        bounded = table.listed[CharacterRuleTable.Layer.consumable.rawValue]
        anyNext = table.listed[CharacterRuleTable.Layer.next.rawValue].map { ~$0 }
    }

    /// The characters a rule is dispatched by, or nil when it must be scanned.
    static func startCharacters(of pattern: String, first: PatternFacts.Chars?) -> PatternFacts.Chars? {
        guard let first, !first.isEmpty, first.allSatisfy({ $0 < 0x10000 }),
              !isAnchored(pattern), !usesStartOffset(pattern) else { return nil }
        return first
    }

    /// A pattern starting with `^` is tried at the sentence start only (PCRE2 sees the anchor).
    /// Reads only up to the first line with a pattern on it: splitting a whole expanded pattern
    /// (tens of kilobytes) into lines cost more than compiling it.
    static func isAnchored(_ pattern: String) -> Bool {
        var atLineStart = true, inComment = false
        for c in pattern.unicodeScalars {
            if c == "\n" { atLineStart = true; inComment = false; continue }
            if inComment || c == " " || c == "\t" { continue }
            if atLineStart && c == "#" { inComment = true; continue }
            return c == "^"
        }
        return false
    }

    /// Whether the pattern uses `\G` (an escaped backslash before a G does not count).
    static func usesStartOffset(_ pattern: String) -> Bool {
        var escaped = false
        for c in pattern.unicodeScalars {
            if escaped {
                if c == "G" { return true }
                escaped = false
            } else if c == "\\" {
                escaped = true
            }
        }
        return false
    }
}
