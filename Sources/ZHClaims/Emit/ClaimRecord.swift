/// The emit stage: one claim as one line of JSON, in schema 1 (docs/FORMAT.md,
/// schema/claim.schema.json). Every key on every line, in this order, null when absent.
/// Written by hand rather than with a JSON encoder: the key order is part of the format, and
/// `value` must carry exactly the digits of `value_str`.
public enum ClaimRecord {
    public static let keys = ["doc", "sent", "start", "end", "byte_start", "byte_end", "text", "kind", "value", "value_str",
                              "unit", "currency", "approx", "change", "basis", "high", "high_str", "date", "subject", "rule"]

    /// Appends the record of `claim` (and `\n`) to `out`. With `sentence`, adds the `sentence` key.
    /// Written piece by piece into `out`, with no String built for keys, numbers or nulls: this
    /// runs once per claim, and building those strings cost about 10,000 instructions a record.
    /// Returns where the `sent` number starts in `out` (see `shiftSentences`).
    @discardableResult
    public static func write(_ claim: Claim, document: Document, buffer: TextBuffer, sentenceText: String?, to out: inout [UInt8]) -> Int {
        let o = document.origin
        raw("{\"doc\":", &out); string(document.id, &out)
        raw(",\"sent\":", &out)
        let sentenceAt = out.count
        integer(o.sentences + claim.sentence, &out)
        raw(",\"start\":", &out); integer(o.codePoints + claim.span.lowerBound, &out)
        raw(",\"end\":", &out); integer(o.codePoints + claim.span.upperBound, &out)
        raw(",\"byte_start\":", &out); integer(o.bytes + buffer.byteOffsets[claim.span.lowerBound], &out)
        raw(",\"byte_end\":", &out); integer(o.bytes + buffer.byteOffsets[claim.span.upperBound], &out)
        raw(",\"text\":", &out); string(buffer.text(claim.span), &out)
        raw(",\"kind\":", &out); string(claim.kind.rawValue, &out)
        let value = claim.value?.description
        raw(",\"value\":", &out); optionalNumber(value, &out)
        raw(",\"value_str\":", &out); optional(value, &out)
        raw(",\"unit\":", &out); optional(claim.unit, &out)
        raw(",\"currency\":", &out); optional(claim.currency, &out)
        raw(",\"approx\":", &out); optional(claim.approx?.rawValue, &out)
        raw(",\"change\":", &out); optional(claim.change?.rawValue, &out)
        raw(",\"basis\":", &out); optional(claim.basis?.rawValue, &out)
        let high = claim.high?.description
        raw(",\"high\":", &out); optionalNumber(high, &out)
        raw(",\"high_str\":", &out); optional(high, &out)
        raw(",\"date\":", &out); optional(claim.date, &out)
        raw(",\"subject\":", &out); optional(claim.subject, &out)
        raw(",\"rule\":", &out); string(claim.rule, &out)
        if let sentenceText { raw(",\"sentence\":", &out); string(sentenceText, &out) }
        raw("}\n", &out)
        return sentenceAt
    }

    /// Adds `base` to the `sent` numbers that start at `offsets` (ascending) of `records`. The
    /// pieces of a large file are extracted in parallel, before the sentences of the pieces
    /// ahead of them are counted; their numbers are made whole when they are written.
    public static func shiftSentences(_ records: inout [UInt8], at offsets: [Int], by base: Int) {
        guard base != 0, !offsets.isEmpty else { return }
        var shifted: [UInt8] = []
        shifted.reserveCapacity(records.count + offsets.count * 2)
        var from = 0
        for at in offsets {
            var end = at, n = 0
            while end < records.count, records[end] >= 0x30, records[end] <= 0x39 {
                n = n * 10 + Int(records[end] - 0x30)
                end += 1
            }
            shifted.append(contentsOf: records[from..<at])
            integer(base + n, &shifted)
            from = end
        }
        shifted.append(contentsOf: records[from...])
        records = shifted
    }

    /// Bytes written as they are: keys with their quotes, comma and colon (keys need no escapes).
    @inline(__always)
    private static func raw(_ bytes: StaticString, _ out: inout [UInt8]) {
        bytes.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// A non-negative offset in decimal, without making a String.
    private static func integer(_ n: Int, _ out: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: enough for any Int
        withUnsafeMutableBytes(of: &digits) { d in
            var k = d.count, v = n.magnitude
            repeat {
                k -= 1
                d[k] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            } while v > 0
            if n < 0 { k -= 1; d[k] = UInt8(ascii: "-") }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: d[k...]))
        }
    }

    private static func optionalNumber(_ digits: String?, _ out: inout [UInt8]) {
        if let digits { out.append(contentsOf: digits.utf8) } else { raw("null", &out) }
    }

    private static func optional(_ s: String?, _ out: inout [UInt8]) {
        if let s { string(s, &out) } else { raw("null", &out) }
    }

    /// A JSON string: UTF-8 kept as is; quotes, backslashes and control characters escaped;
    /// U+2028/U+2029 escaped too so that the line is safe for JavaScript consumers.
    static func string(_ s: String, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied at once (most text is one such run).
            var run = 0, i = 0
            while i < bytes.count {
                let b = bytes[i]
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
                default: escape = nil
                }
                if escape == nil && b >= 0x20 { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                if let escape {
                    escape.withUTF8Buffer { out.append(contentsOf: $0) }
                } else {
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 15)])
                }
                i += width
                run = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
