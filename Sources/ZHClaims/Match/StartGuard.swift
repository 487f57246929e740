/// Puts a rule's pattern behind a lookahead on the characters its matches can start with
/// (`PatternFacts.first`): `(?=[一二三…大约…])(?: pattern )`.
///
/// Why: in UTF-8 mode PCRE2 pre-filters start positions only by their first byte, and every
/// Chinese character starts with one of a handful of bytes, so an unanchored scan tries the
/// rule's whole leading alternation (approx words, numerals, keywords) at every character of the
/// sentence. The lookahead is one class test per character instead, and matches are unchanged:
/// it only rejects starts that the pattern itself would reject.
enum StartGuard {
    /// The guarded source in extended mode, or nil when the start set is unknown or empty.
    static func guarded(_ pattern: String, first: PatternFacts.Chars?) -> String? {
        guard let first, !first.isEmpty, !isAnchored(pattern) else { return nil }
        // The newline ends a trailing `#` comment of the rule before the closing parenthesis.
        return "(?x)(?=" + characterClass(first) + ")(?:" + pattern + "\n)"
    }

    /// A pattern starting with `^` is tried at the sentence start only (PCRE2 sees the anchor);
    /// a lookahead in front would hide it and make PCRE2 try every position.
    static func isAnchored(_ pattern: String) -> Bool {
        var lines = pattern.split(separator: "\n", omittingEmptySubsequences: true).lazy
            .map { $0.drop { $0 == " " || $0 == "\t" } }.filter { !$0.isEmpty && !$0.hasPrefix("#") }.makeIterator()
        return lines.next()?.hasPrefix("^") ?? false
    }

    /// A class of the given code points, as `\x{…}` ranges (no literal whitespace or syntax).
    static func characterClass(_ chars: PatternFacts.Chars) -> String {
        let sorted = chars.sorted()
        var out = "["
        var k = 0
        while k < sorted.count {
            var end = k
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            out += hex(sorted[k])
            if end > k { out += "-" + hex(sorted[end]) }
            k = end + 1
        }
        return out + "]"
    }

    private static func hex(_ v: UInt32) -> String { "\\x{" + String(v, radix: 16) + "}" }
}
