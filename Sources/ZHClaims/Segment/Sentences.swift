/// A sentence: a code point range of the document, numbered from 1.
public struct Sentence: Sendable, Equatable {
    public let number: Int
    public let range: Range<Int>
}

/// The segment stage's output for one document.
public struct SegmentedText: Sendable {
    public let buffer: TextBuffer
    public let sentences: [Sentence]
}

/// Splits a document into sentences by the conventions ("Documents and sentences"):
/// every line break ends a sentence; within a line, ICU's sentence boundaries are kept only after
/// a run of 。！？ (with the closing quotes or brackets right after it) and only outside an open
/// quote; ASCII . ! ?, ……, ；and ， never end one; spaces at either end are trimmed.
///
/// ICU finds the candidate boundaries (it knows closing punctuation and quote runs); the filter
/// makes them follow the newsroom conventions rather than ICU's generic ones.
public struct SentenceSplitter {
    private let breaker: ICUBreaker
    private var utf16: [UInt16] = []

    /// Off only in tests, which hold the fast paths to what ICU gives.
    var usesFastPaths = true

    public init() throws { breaker = try ICUBreaker(.sentence) }

    public mutating func split(_ buffer: TextBuffer) throws -> SegmentedText {
        var sentences: [Sentence] = []
        var lineStart = 0
        while lineStart <= buffer.scalars.count {
            // The line break through a plain pointer: this is a test per code point of the text.
            let end = buffer.scalars.withUnsafeBufferPointer { s in
                var i = lineStart
                while i < s.count, !Self.isLineBreak(s[i]) { i += 1 }
                return i
            }
            try splitLine(buffer, lineStart..<end, into: &sentences)
            let s = buffer.scalars
            lineStart = end + (end + 1 < s.count && s[end] == "\r" && s[end + 1] == "\n" ? 2 : 1)
        }
        return SegmentedText(buffer: buffer, sentences: sentences)
    }

    private mutating func splitLine(_ buffer: TextBuffer, _ line: Range<Int>, into out: inout [Sentence]) throws {
        // Terminators are read from the original: folding turns the fullwidth ！？ into ASCII ! ?,
        // which do not end a sentence.
        let s = buffer.scalars
        guard line.contains(where: { !Self.isSpace(s[$0]) }) else { return }
        // Fast paths, one sentence with no ICU call: a line without a terminator, and a line
        // whose terminators all stand in its final run (`…了。”`, see `isFinalRun`).
        guard let firstTerminator = line.first(where: { Self.isTerminator(s[$0]) }),
              !(usesFastPaths && Self.isFinalRun(s, firstTerminator..<line.upperBound)) else {
            append(line, buffer, &out)
            return
        }
        // ICU works in UTF-16; map its offsets back to code points. The scratch buffer is moved
        // into a local: a property would pay an exclusivity check per access.
        var units = utf16
        utf16 = []
        defer { utf16 = units }
        var unitToScalar: [Int] = []
        let hasSurrogates = UTF16Encoding.fill(&units, with: s[line])
        if hasSurrogates {
            unitToScalar.reserveCapacity(units.count + 1)
            for k in line {
                unitToScalar.append(k)
                if buffer.scalars[k].value > 0xFFFF { unitToScalar.append(k) }
            }
            unitToScalar.append(line.upperBound)
        }
        let ends = try units.withUnsafeBufferPointer { try breaker.breaks($0).ends }
        var start = line.lowerBound
        var quotes = QuoteDepth(at: start)
        for unit in ends {
            let end = hasSurrogates ? unitToScalar[Int(unit)] : line.lowerBound + Int(unit)
            if end < line.upperBound && !acceptsBoundary(s, start..<end, &quotes) { continue }
            append(start..<end, buffer, &out)
            start = end
            quotes = QuoteDepth(at: end)
        }
        if start < line.upperBound { append(start..<line.upperBound, buffer, &out) }
    }

    /// Whether `tail` is terminators, closers and spaces only, with no closer after a space
    /// (`。”`, `！？ `, `。” 。`). ICU's rules (UAX #29 SB8a–SB10) put no boundary inside such a
    /// run, only at its end, and every boundary before it ends without a terminator and is
    /// rejected: a line ending in such a run, with no terminator before it, is one sentence.
    /// (A closer after a space does start a new sentence in ICU: `好。 ”` breaks before ”.)
    static func isFinalRun(_ s: [Unicode.Scalar], _ tail: Range<Int>) -> Bool {
        var afterSpace = false
        for k in tail {
            let c = s[k]
            if isTerminator(c) { afterSpace = false } else if isSpace(c) { afterSpace = true } else if !isCloser(c) || afterSpace { return false }
        }
        return true
    }

    /// A boundary after `piece` holds when the piece ends with a terminator run (plus closers and
    /// spaces) and no quote is left open inside the piece.
    private func acceptsBoundary(_ s: [Unicode.Scalar], _ piece: Range<Int>, _ quotes: inout QuoteDepth) -> Bool {
        var k = piece.upperBound - 1
        while k >= piece.lowerBound, Self.isSpace(s[k]) || Self.isCloser(s[k]) { k -= 1 }
        guard k >= piece.lowerBound, Self.isTerminator(s[k]) else { return false }
        return quotes.advance(s, to: piece.upperBound) == 0
    }

    /// The quote depth of the text from a sentence start, counted incrementally: a quote left
    /// open rejects every later boundary of the line, and rescanning from the start for each of
    /// them made a long line quadratic (a 200 MB one-line file took 224 s instead of 17 s).
    struct QuoteDepth {
        private(set) var position: Int
        private(set) var depth = 0
        init(at start: Int) { position = start }

        mutating func advance(_ s: [Unicode.Scalar], to end: Int) -> Int {
            while position < end {
                let c = s[position]
                if isQuoteOpen(c) { depth += 1 } else if isQuoteClose(c) { depth = max(0, depth - 1) }
                position += 1
            }
            return depth
        }
    }

    /// Sentences longer than this many code points are cut. The longest sentence in 160 MB of
    /// news is under 2,000; a longer "sentence" is a table, a dump or a line with no terminator,
    /// and a cap keeps the work and memory of the later stages bounded per sentence.
    public static let maxLength = 4096

    private func append(_ range: Range<Int>, _ buffer: TextBuffer, _ out: inout [Sentence]) {
        var rest = range
        while rest.count > Self.maxLength {
            let cut = Self.cutPoint(buffer.scalars, rest)
            appendTrimmed(rest.lowerBound..<cut, buffer, &out)
            rest = cut..<rest.upperBound
        }
        appendTrimmed(rest, buffer, &out)
    }

    /// Where to cut an over-long range: after the last terminator, clause mark (，；、：or ASCII ;) or space
    /// in the second half of the first `maxLength` code points, else at `maxLength` itself.
    static func cutPoint(_ s: [Unicode.Scalar], _ range: Range<Int>) -> Int {
        let limit = range.lowerBound + maxLength
        var k = limit - 1
        while k > range.lowerBound + maxLength / 2 {
            if isClauseMark(s[k]) || isTerminator(s[k]) || isSpace(s[k]) { return k + 1 }
            k -= 1
        }
        return limit
    }

    static func isClauseMark(_ c: Unicode.Scalar) -> Bool {
        c == "，" || c == "；" || c == "、" || c == "：" || c == ";"
    }

    private func appendTrimmed(_ range: Range<Int>, _ buffer: TextBuffer, _ out: inout [Sentence]) {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, Self.isSpace(buffer.scalars[lo]) { lo += 1 }
        while hi > lo, Self.isSpace(buffer.scalars[hi - 1]) { hi -= 1 }
        if lo < hi { out.append(Sentence(number: out.count + 1, range: lo..<hi)) }
    }

    /// \n \r \u{0B} \u{0C} \u{85} \u{2028} \u{2029}. Tested on every code point of every
    /// document: the common case (any other ASCII, most of CJK) takes one or two comparisons.
    @inline(__always)
    static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x85 { return v >= 0x0A && v <= 0x0D }
        return v == 0x85 || v == 0x2028 || v == 0x2029
    }
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{3000}" || c == "\u{A0}" || c == "\u{FEFF}" }
    static func isTerminator(_ c: Unicode.Scalar) -> Bool { c == "。" || c == "！" || c == "？" || c == "｡" }
    static func isQuoteOpen(_ c: Unicode.Scalar) -> Bool { c == "“" || c == "‘" || c == "「" || c == "『" }
    static func isQuoteClose(_ c: Unicode.Scalar) -> Bool { c == "”" || c == "’" || c == "」" || c == "』" }
    static func isCloser(_ c: Unicode.Scalar) -> Bool {
        isQuoteClose(c) || c == "）" || c == ")" || c == "》" || c == "】" || c == "〕" || c == "〉" || c == "\""
    }
}
