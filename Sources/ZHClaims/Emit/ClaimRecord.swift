/// The emit stage: one claim as one line of JSON, in schema 1 (docs/FORMAT.md,
/// schema/claim.schema.json). Every key on every line, in this order, null when absent.
/// Written by hand rather than with a JSON encoder: the key order is part of the format, and
/// `value` must carry exactly the digits of `value_str`.
public enum ClaimRecord {
    public static let keys = ["doc", "sent", "start", "end", "byte_start", "byte_end", "text", "kind", "value", "value_str",
                              "unit", "currency", "approx", "change", "basis", "high", "high_str", "date", "subject", "rule"]

    /// Appends the record of `claim` (and `\n`) to `out`. With `sentence`, adds the `sentence` key.
    public static func write(_ claim: Claim, document: Document, buffer: TextBuffer, sentenceText: String?, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        let o = document.origin
        key("doc", &out); string(document.id, &out)
        key("sent", &out, comma: true); number(String(o.sentences + claim.sentence), &out)
        key("start", &out, comma: true); number(String(o.codePoints + claim.span.lowerBound), &out)
        key("end", &out, comma: true); number(String(o.codePoints + claim.span.upperBound), &out)
        key("byte_start", &out, comma: true); number(String(o.bytes + buffer.byteOffsets[claim.span.lowerBound]), &out)
        key("byte_end", &out, comma: true); number(String(o.bytes + buffer.byteOffsets[claim.span.upperBound]), &out)
        key("text", &out, comma: true); string(buffer.text(claim.span), &out)
        key("kind", &out, comma: true); string(claim.kind.rawValue, &out)
        key("value", &out, comma: true); optionalNumber(claim.value?.description, &out)
        key("value_str", &out, comma: true); optional(claim.value?.description, &out)
        key("unit", &out, comma: true); optional(claim.unit, &out)
        key("currency", &out, comma: true); optional(claim.currency, &out)
        key("approx", &out, comma: true); optional(claim.approx?.rawValue, &out)
        key("change", &out, comma: true); optional(claim.change?.rawValue, &out)
        key("basis", &out, comma: true); optional(claim.basis?.rawValue, &out)
        key("high", &out, comma: true); optionalNumber(claim.high?.description, &out)
        key("high_str", &out, comma: true); optional(claim.high?.description, &out)
        key("date", &out, comma: true); optional(claim.date, &out)
        key("subject", &out, comma: true); optional(claim.subject, &out)
        key("rule", &out, comma: true); string(claim.rule, &out)
        if let sentenceText { key("sentence", &out, comma: true); string(sentenceText, &out) }
        out.append(contentsOf: "}\n".utf8)
    }

    private static func key(_ k: String, _ out: inout [UInt8], comma: Bool = false) {
        if comma { out.append(UInt8(ascii: ",")) }
        string(k, &out)
        out.append(UInt8(ascii: ":"))
    }

    private static func number(_ digits: String, _ out: inout [UInt8]) { out.append(contentsOf: digits.utf8) }

    private static func optionalNumber(_ digits: String?, _ out: inout [UInt8]) {
        if let digits { number(digits, &out) } else { out.append(contentsOf: "null".utf8) }
    }

    private static func optional(_ s: String?, _ out: inout [UInt8]) {
        if let s { string(s, &out) } else { out.append(contentsOf: "null".utf8) }
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
