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
}
