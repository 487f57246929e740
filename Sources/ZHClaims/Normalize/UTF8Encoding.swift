/// UTF-8 bytes of a code point, handed one by one to a sink: the matcher's sentence encoding and
/// `TextBuffer.string` write them straight into their own storage (the standard library's
/// encoders go through generic paths that showed in profiles: about 80 instructions per code
/// point for `UTF16.encode` appended to an array).
enum UTF8Encoding {
    /// Calls `put` with each byte of `v` (a valid code point) in order; returns how many.
    @inline(__always) @discardableResult
    static func encode(_ v: UInt32, _ put: (UInt8) -> Void) -> Int {
        if v < 0x80 { put(UInt8(v)); return 1 }
        if v < 0x800 { put(UInt8(0xC0 | v >> 6)); put(UInt8(0x80 | v & 0x3F)); return 2 }
        if v < 0x10000 {
            put(UInt8(0xE0 | v >> 12)); put(UInt8(0x80 | (v >> 6) & 0x3F)); put(UInt8(0x80 | v & 0x3F))
            return 3
        }
        put(UInt8(0xF0 | v >> 18)); put(UInt8(0x80 | (v >> 12) & 0x3F))
        put(UInt8(0x80 | (v >> 6) & 0x3F)); put(UInt8(0x80 | v & 0x3F))
        return 4
    }
}

/// UTF-16 code units of a code point, for ICU's break iterators.
enum UTF16Encoding {
    /// `out` becomes the code units of `scalars`, written through a pointer into its own
    /// storage (kept between calls): appending unit by unit paid a uniqueness check per code
    /// point, on every line the sentence splitter hands to ICU. Returns whether any code point
    /// took two units.
    static func fill(_ out: inout [UInt16], with scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        let n = scalars.count
        if out.count < 2 * n { out.append(contentsOf: repeatElement(0, count: 2 * n - out.count)) }
        var k = 0
        scalars.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { o in
                for c in src {
                    let v = c.value
                    if v < 0x10000 {
                        o[k] = UInt16(truncatingIfNeeded: v); k &+= 1
                    } else {
                        let u = v - 0x10000
                        o[k] = UInt16(truncatingIfNeeded: 0xD800 | u >> 10)
                        o[k &+ 1] = UInt16(truncatingIfNeeded: 0xDC00 | u & 0x3FF)
                        k &+= 2
                    }
                }
            }
        }
        out.removeLast(out.count - k)
        return k > n
    }
}
