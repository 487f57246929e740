import Testing
@testable import ZHClaims

/// ScalarSet answers like `Set<Unicode.Scalar>` for members, for characters below, inside and
/// above its range, and when empty.
struct ScalarSetTests {
    @Test func answersLikeASet() {
        let text = "了的有为是在“\"𠀀A"
        let set = ScalarSet(text.unicodeScalars)
        let reference = Set(text.unicodeScalars)
        let probes = Array("了的有为是在“\"𠀀A一二三 B\u{0}\u{10FFFF}".unicodeScalars) + (0x20..<0x3000).compactMap(Unicode.Scalar.init)
        for c in probes { #expect(set.contains(c) == reference.contains(c), "\(c)") }
        #expect(set.members == reference.sorted { $0.value < $1.value })
        let empty = ScalarSet([Unicode.Scalar]())
        #expect(!empty.contains("a") && !empty.contains("\u{1}") && empty.members.isEmpty)
    }

    /// The BMP ideograph ranges answer exactly as the standard library's Ideographic property.
    @Test func ideographicRangesMatchTheUnicodeProperty() {
        var wrong: [UInt32] = []
        for v in UInt32(0)..<0x10000 {
            guard let c = Unicode.Scalar(v) else { continue }
            if c.isIdeographicQuick != c.properties.isIdeographic { wrong.append(v) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0, radix: 16) })")
        #expect(Unicode.Scalar(0x20000)!.isIdeographicQuick)
    }
}
