/// Writes JSON through a raw pointer into memory the caller sized for the worst case (every
/// string byte escaped to 6 bytes): no capacity or uniqueness check per piece, which appending
/// to an array paid for each of the 40-odd pieces of a record.
struct JSONCursor {
    private var at: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>) { at = start }

    /// Bytes written since `start`.
    func written(from start: UnsafeMutablePointer<UInt8>) -> Int { at - start }

    /// The record of schema 1 (see `ClaimRecord`): every key, in order, null when absent.
    /// Returns the offset of the `sent` number from the record's start.
    mutating func record(_ claim: Claim, document: Document, buffer: TextBuffer, value: String?, high: String?,
                         sentenceText: String?) -> Int {
        let start = at, o = document.origin
        raw("{\"doc\":"); string(document.id)
        raw(",\"sent\":")
        let sentenceAt = at - start
        integer(o.sentences + claim.sentence)
        raw(",\"start\":"); integer(o.codePoints + claim.span.lowerBound)
        raw(",\"end\":"); integer(o.codePoints + claim.span.upperBound)
        raw(",\"byte_start\":"); integer(o.bytes + buffer.byteOffsets[claim.span.lowerBound])
        raw(",\"byte_end\":"); integer(o.bytes + buffer.byteOffsets[claim.span.upperBound])
        raw(",\"text\":"); string(buffer.scalars[claim.span])
        raw(",\"kind\":"); string(claim.kind.rawValue)
        raw(",\"value\":"); number(value)
        raw(",\"value_str\":"); optional(value)
        raw(",\"unit\":"); optional(claim.unit)
        raw(",\"currency\":"); optional(claim.currency)
        raw(",\"approx\":"); optional(claim.approx?.rawValue)
        raw(",\"change\":"); optional(claim.change?.rawValue)
        raw(",\"basis\":"); optional(claim.basis?.rawValue)
        raw(",\"high\":"); number(high)
        raw(",\"high_str\":"); optional(high)
        raw(",\"date\":"); optional(claim.date)
        raw(",\"subject\":"); optional(claim.subject)
        raw(",\"rule\":"); string(claim.rule)
        if let sentenceText { raw(",\"sentence\":"); string(sentenceText) }
        raw("}\n")
        return sentenceAt
    }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
        at.initialize(to: b)
        at += 1
    }

    /// Bytes written as they are: keys with their quotes, comma and colon (keys need no escapes).
    @inline(__always)
    mutating func raw(_ bytes: StaticString) {
        copy(UnsafeBufferPointer(start: bytes.utf8Start, count: bytes.utf8CodeUnitCount))
    }

    @inline(__always)
    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        at.initialize(from: base, count: bytes.count)
        at += bytes.count
    }

    /// An integer in decimal, without making a String.
    mutating func integer(_ n: Int) {
        var v = n.magnitude, digits = 1
        while v >= 10 { v /= 10; digits += 1 }
        if n < 0 { byte(UInt8(ascii: "-")) }
        v = n.magnitude
        var k = digits
        repeat {
            k -= 1
            (at + k).initialize(to: UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        } while k > 0
        at += digits
    }

    /// Digits as they are (a decimal's `description`), or null.
    private mutating func number(_ digits: String?) {
        guard var digits else { raw("null"); return }
        digits.withUTF8 { copy($0) }
    }

    private mutating func optional(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { string($0) }
    }

    /// A JSON string: UTF-8 kept as is; quotes, backslashes and control characters escaped;
    /// U+2028/U+2029 escaped too so that the line is safe for JavaScript consumers.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) {
        byte(UInt8(ascii: "\""))
        // Runs of bytes that need no escape are copied at once (most text is one such run).
        var run = 0, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0xE2 { i += 1; continue }
            var width = 1
            let escape: StaticString?
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028 and U+2029 end lines in JavaScript.
                escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            case 0xE2: i += 1; continue
            default: escape = nil
            }
            copy(UnsafeBufferPointer(rebasing: bytes[run..<i]))
            if let escape { raw(escape) } else { control(UInt32(b)) }
            i += width
            run = i
        }
        copy(UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        byte(UInt8(ascii: "\""))
    }

    /// A JSON string of code points (a span of the original text), escaped as `string(_:)` does
    /// its UTF-8, with no String made on the way.
    mutating func string(_ scalars: ArraySlice<Unicode.Scalar>) {
        byte(UInt8(ascii: "\""))
        for s in scalars {
            let v = s.value
            switch v {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x2028: raw("\\u2028")
            case 0x2029: raw("\\u2029")
            case 0..<0x20: control(v)
            default: UTF8Encoding.encode(v) { byte($0) }
            }
        }
        byte(UInt8(ascii: "\""))
    }

    /// `\u00XX` for a control character.
    private mutating func control(_ v: UInt32) {
        let hex: StaticString = "0123456789abcdef"
        raw("\\u00")
        byte(hex.utf8Start[Int(v >> 4)])
        byte(hex.utf8Start[Int(v & 15)])
    }
}
