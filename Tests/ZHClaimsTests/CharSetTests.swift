import Testing
@testable import ZHClaims

/// `CharSet` (ranges) behaves exactly like `Set<UInt32>` for everything `PatternFacts` does.
struct CharSetTests {
    /// Random sets of code points in a small space, so that ranges touch, overlap and nest.
    private func randomSet(_ g: inout SystemRandomNumberGenerator) -> Set<UInt32> {
        var s: Set<UInt32> = []
        for _ in 0..<Int.random(in: 0...6, using: &g) {
            let lo = UInt32.random(in: 0...60, using: &g)
            if Bool.random(using: &g) { s.insert(lo) } else { s.formUnion(lo...(lo + UInt32.random(in: 0...8, using: &g))) }
        }
        return s
    }

    @Test func agreesWithSetOnRandomSets() {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let a = randomSet(&g), b = randomSet(&g)
            let x = CharSet(a), y = CharSet(b)
            #expect(Array(x) == a.sorted() && x.count == a.count && x.isEmpty == a.isEmpty)
            #expect(Array(x.union(y)) == a.union(b).sorted())
            #expect(Array(x.intersection(y)) == a.intersection(b).sorted())
            #expect(Array(x.subtracting(y)) == a.subtracting(b).sorted())
            var z = x
            z.formUnion(y)
            #expect(Array(z) == a.union(b).sorted())
            let v = UInt32.random(in: 0...70, using: &g)
            #expect(x.contains(v) == a.contains(v))
            var w = x
            w.insert(v)
            #expect(Array(w) == a.union([v]).sorted())
            #expect((x == y) == (a == b))
        }
    }

    @Test func rangesStayMerged() {
        var s: CharSet = [5]
        s.insert(7)
        s.insert(6)           // joins 5 and 7 into one range
        s.insert(0...3)
        s.insert(4)           // joins everything
        #expect(s == CharSet.range(0...7))
        #expect(CharSet.range(0...0xFFFF).count == 0x10000)
    }
}
