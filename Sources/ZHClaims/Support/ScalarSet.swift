/// A fixed set of code points as a bitmap over the span from its lowest to its highest member:
/// the character classes read in hot loops (numeral characters, function characters, noun
/// suffixes, quotes). `Set<Unicode.Scalar>` hashed every lookup with SipHash, which showed in
/// profiles; here a lookup is a range check and one load.
struct ScalarSet: Sendable, ExpressibleByStringLiteral {
    private let low: UInt32
    private let bits: [UInt64]

    /// The code points of `members` (spaces included: leave them out of the literal).
    init(_ members: some Sequence<Unicode.Scalar>) {
        let values = members.map(\.value)
        guard let lo = values.min(), let hi = values.max() else { (low, bits) = (1, []); return }
        var bits = [UInt64](repeating: 0, count: Int(hi - lo) / 64 + 1)
        for v in values { bits[Int(v - lo) >> 6] |= 1 << UInt64((v - lo) & 63) }
        (low, self.bits) = (lo, bits)
    }

    init(stringLiteral members: String) { self.init(members.unicodeScalars) }

    @inline(__always) func contains(_ c: Unicode.Scalar) -> Bool {
        let d = c.value &- low   // wraps below `low` to a huge offset
        let word = Int(d >> 6)
        return word < bits.count && bits[word] >> UInt64(d & 63) & 1 != 0
    }

    /// The members, in code point order.
    var members: [Unicode.Scalar] {
        (0..<(bits.count * 64)).compactMap { k in
            bits[k >> 6] >> UInt64(k & 63) & 1 != 0 ? Unicode.Scalar(low + UInt32(k)) : nil
        }
    }
}

extension ScalarSet {
    /// Unicode's Ideographic characters of the BMP (Unicode 15; all but a handful are the CJK
    /// unified and compatibility ideographs). ScalarSetTests checks these ranges against the
    /// standard library's property for every BMP code point, so they answer exactly as it does;
    /// asking the property at startup instead cost 15 million instructions.
    static let ideographicRanges: [ClosedRange<UInt32>] = [
        0x3006...0x3007, 0x3021...0x3029, 0x3038...0x303A, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFA6D, 0xFA70...0xFAD9,
    ]
    static let ideographic = ScalarSet(ideographicRanges.joined().lazy.compactMap(Unicode.Scalar.init))
}

extension Unicode.Scalar {
    /// `properties.isIdeographic`, read from a bitmap in the BMP: the property is a search of the
    /// standard library's tables, about 350 instructions a call, and the word check and the
    /// subject tokenizer ask it for every Han word.
    var isIdeographicQuick: Bool { value < 0x10000 ? ScalarSet.ideographic.contains(self) : properties.isIdeographic }
}
