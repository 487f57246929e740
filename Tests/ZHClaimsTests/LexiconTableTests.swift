import Testing
@testable import ZHClaims

/// The subject lexicon's hash table: what goes in comes out, later entries override earlier
/// ones, and absent keys stay absent even when the table is nearly half full.
struct LexiconTableTests {
    private func key(_ s: String) -> LexiconKey { LexiconKey(s.unicodeScalars)! }

    @Test func storesOverridesAndMisses() {
        var table = LexiconTable<Int>(capacity: 3)
        table[key("增长")] = 1
        table[key("下降")] = 2
        table[key("增长")] = 3
        #expect(table[key("增长")] == 3)
        #expect(table[key("下降")] == 2)
        #expect(table[key("增")] == nil)
        #expect(table[key("增长率")] == nil)
        #expect(table.count == 2)
    }

    @Test func manyKeysAtFullCapacity() {
        let words = (0..<2000).map { n in String(String.UnicodeScalarView([Unicode.Scalar(0x4E00 + UInt32(n % 500))!, Unicode.Scalar(0x4E00 + UInt32(n / 500))!])) }
        var table = LexiconTable<Int>(capacity: words.count)
        for (n, w) in words.enumerated() { table[key(w)] = n }
        #expect(table.count == 2000)
        for (n, w) in words.enumerated() { #expect(table[key(w)] == n) }
        #expect(table[key("一一一")] == nil)
        #expect(table.contains(key(words[1999])))
    }

    @Test func lexiconClassesSurviveTheTable() {
        let lexicon = SubjectLexicon.shared
        #expect(lexicon.lookup("同比".unicodeScalars) == .bridge)
        #expect(lexicon.lookup("的".unicodeScalars) == .particle)
        #expect(lexicon.lookup("qq".unicodeScalars) == nil)
    }
}
