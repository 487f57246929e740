/// An open-addressing hash table from `LexiconKey` to a small value, for the subject lexicon's
/// lookups: the tokenizer tries every word length at every position of a window, so lookups
/// (mostly misses) are frequent. `Dictionary` hashed each key with SipHash, which showed in
/// profiles; a multiplicative hash of the two packed integers and linear probing suffice here.
struct LexiconTable<Value: Sendable>: Sendable {
    private var keys: [LexiconKey]
    private var values: [Value?]
    private let mask: Int
    private(set) var count = 0

    /// An empty table with room for `capacity` keys at most half full.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: LexiconKey.empty, count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
    }

    subscript(key: LexiconKey) -> Value? {
        get {
            var i = slot(key)
            while keys[i] != LexiconKey.empty {
                if keys[i] == key { return values[i] }
                i = (i &+ 1) & mask
            }
            return nil
        }
        set {
            precondition(count * 2 < mask, "LexiconTable: sized too small")
            var i = slot(key)
            while keys[i] != LexiconKey.empty && keys[i] != key { i = (i &+ 1) & mask }
            if keys[i] == LexiconKey.empty { count += 1 }
            keys[i] = key
            values[i] = newValue
        }
    }

    func contains(_ key: LexiconKey) -> Bool { self[key] != nil }

    @inline(__always) private func slot(_ key: LexiconKey) -> Int {
        let h = (key.high &* 0x9E37_79B9_7F4A_7C15) ^ (key.low &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: h >> 32) & mask
    }
}

/// A set of character pairs as 2^18 hashed bits (32 KB): `mayHold` is false only for pairs never
/// inserted, true for them and for a few others (about 5 % at 12,000 pairs).
struct PairFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1 << 12)

    mutating func insert(_ a: Unicode.Scalar, _ b: Unicode.Scalar) {
        let h = Self.hash(a, b)
        bits[h >> 6] |= 1 << UInt64(h & 63)
    }

    @inline(__always) func mayHold(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let h = Self.hash(a, b)
        return bits[h >> 6] >> UInt64(h & 63) & 1 != 0
    }

    @inline(__always) private static func hash(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
        let x = (UInt64(a.value) << 21 | UInt64(b.value)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: x >> 46)   // 18 bits
    }
}
