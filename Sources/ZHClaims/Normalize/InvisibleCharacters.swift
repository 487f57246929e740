/// Characters that show nothing and mean nothing inside a number or a word: C0 controls other
/// than tab and line ends, DEL and C1 controls, the soft hyphen, zero-width space, non-joiner and
/// joiner, word joiner and U+FEFF. Scraped news carries them (`2019\u{8}年`, `1\u{200B}000`).
/// They stay in the text and count in offsets; the matcher leaves them out of what rules see
/// (`SentenceMatcher.encode`), and values and subjects drop them.
enum InvisibleCharacters {
    @inline(__always)
    static func contains(_ v: UInt32) -> Bool {
        if v > 0x2060 { return v == 0xFEFF }   // most text: one test for Chinese characters
        if v < 0x20 { return v != 0x09 && v != 0x0A && v != 0x0D }
        if v < 0x7F { return false }
        if v < 0xA0 { return true }
        return v == 0xAD || (v >= 0x200B && v <= 0x200D) || v == 0x2060
    }

    /// `s` without them (`s` itself when it holds none).
    static func removed(from s: String) -> String {
        guard s.unicodeScalars.contains(where: { contains($0.value) }) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.filter { !contains($0.value) }))
    }
}
