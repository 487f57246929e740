/// The emit stage: one claim as one line of JSON, in schema 1 (docs/FORMAT.md,
/// schema/claim.schema.json). Every key on every line, in this order, null when absent.
/// Written by hand rather than with a JSON encoder: the key order is part of the format, and
/// `value` must carry exactly the digits of `value_str`.
public enum ClaimRecord {
    public static let keys = ["doc", "sent", "start", "end", "byte_start", "byte_end", "text", "kind", "value", "value_str",
                              "unit", "currency", "approx", "change", "basis", "high", "high_str", "date", "subject", "rule"]

    /// Appends the record of `claim` (and `\n`) to `out`. With `sentence`, adds the `sentence` key.
    /// Written through a `JSONCursor` into scratch memory sized for the worst case, then appended
    /// to `out` at once: this runs once per claim, and building Strings for keys and numbers cost
    /// about 10,000 instructions a record, appending piece by piece (a uniqueness and capacity
    /// check each) about half of what remained.
    /// Returns where the `sent` number starts in `out` (see `shiftSentences`).
    @discardableResult
    public static func write(_ claim: Claim, document: Document, buffer: TextBuffer, sentenceText: String?, to out: inout [UInt8]) -> Int {
        let value = claim.value?.description, high = claim.high?.description
        func length(_ s: String?) -> Int { s?.utf8.count ?? 0 }
        let strings = length(document.id) + length(claim.rule) + length(sentenceText) + length(claim.unit) + length(claim.currency)
            + length(claim.date) + length(claim.subject) + length(value) + length(high)
        // Keys, numbers and small words take under 512 bytes; an escape is at most 6 bytes a byte.
        let bound = 512 + 6 * strings + 6 * 4 * claim.span.count
        let base = out.count
        var sentenceAt = 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { scratch in
            var w = JSONCursor(scratch.baseAddress!)
            sentenceAt = base + w.record(claim, document: document, buffer: buffer, value: value, high: high, sentenceText: sentenceText)
            out.append(contentsOf: UnsafeBufferPointer(start: scratch.baseAddress!, count: w.written(from: scratch.baseAddress!)))
        }
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

    /// A non-negative offset in decimal, without making a String.
    private static func integer(_ n: Int, _ out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { d in
            var w = JSONCursor(d.baseAddress!)
            w.integer(n)
            out.append(contentsOf: UnsafeBufferPointer(start: d.baseAddress!, count: w.written(from: d.baseAddress!)))
        }
    }

    /// A JSON string (see `JSONCursor.string`).
    static func string(_ s: String, _ out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 + 6 * bytes.count) { d in
                var w = JSONCursor(d.baseAddress!)
                w.string(bytes)
                out.append(contentsOf: UnsafeBufferPointer(start: d.baseAddress!, count: w.written(from: d.baseAddress!)))
            }
        }
    }
}
