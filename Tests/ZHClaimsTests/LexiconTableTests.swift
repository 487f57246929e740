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

    /// The pair filter never drops an inserted pair and lets few others through.
    @Test func pairFilterHasNoFalseNegativesAndFewFalsePositives() {
        var filter = PairFilter()
        func han(_ v: Int) -> Unicode.Scalar { Unicode.Scalar(UInt32(v))! }
        var inserted: [(Unicode.Scalar, Unicode.Scalar)] = []
        for n in 0..<12_000 { inserted.append((han(0x4E00 + n % 3000), han(0x4E00 + n / 3000 * 7 + n % 5))) }
        for (a, b) in inserted { filter.insert(a, b) }
        #expect(inserted.allSatisfy { filter.mayHold($0.0, $0.1) })
        var passed = 0
        for n in 0..<10_000 where filter.mayHold(han(0x6000 + n % 2000), han(0x7000 + n / 2000)) { passed += 1 }
        #expect(passed < 1_000, "\(passed) of 10,000 pairs never inserted pass")
    }
}
