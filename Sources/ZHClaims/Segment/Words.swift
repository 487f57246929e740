/// Word boundaries of a sentence from ICU's dictionary-based segmentation, computed only when a
/// decision needs them (a Chinese-numeral candidate's edges, a subject): segmenting every word of
/// every sentence would cost most of the run time.
public final class WordSegmenter {
    private let breaker: ICUBreaker
    private var utf16: [UInt16] = []
    /// Code points segmented so far: ICU's dictionary costs about 200 ns a character, so this
    /// count is most of the cost of words (`extract --report`, Scripts/bench.py).
    public private(set) var segmentedCodePoints = 0

    public init() throws { breaker = try ICUBreaker(.word) }

    /// Word segments of `range` in `buffer` (original text), as code point ranges in document
    /// coordinates, each with ICU's rule status (100 number, 200 letter, 400 ideographic, 0 other).
    public func words(_ buffer: TextBuffer, _ range: Range<Int>) throws -> [(range: Range<Int>, status: Int32)] {
        // The scratch buffer is moved into a local: a property would pay an exclusivity check
        // per access. Segment the folded text: ICU's dictionary is simplified-heavy and digits
        // are ASCII there.
        segmentedCodePoints += range.count
        var units = utf16
        utf16 = []
        defer { utf16 = units }
        let hasSurrogates = UTF16Encoding.fill(&units, with: buffer.folded[range])
        // ICU's offsets are UTF-16 units: one per code point unless a code point took two.
        var unitToScalar: [Int] = []
        if hasSurrogates {
            unitToScalar.reserveCapacity(units.count + 1)
            for k in range {
                if buffer.folded[k].value > 0xFFFF { unitToScalar.append(k) }
                unitToScalar.append(k)
            }
            unitToScalar.append(range.upperBound)
        }
        let (ends, statuses) = try units.withUnsafeBufferPointer { try breaker.breaks($0) }
        // Built with the labels of the result type: an unlabeled tuple array is converted
        // element by element on return.
        var result: [(range: Range<Int>, status: Int32)] = []
        result.reserveCapacity(ends.count)
        var start = range.lowerBound
        for (end, status) in zip(ends, statuses) {
            let e = hasSurrogates ? unitToScalar[Int(end)] : range.lowerBound + Int(end)
            if e > start { result.append((range: start..<e, status: status)) }
            start = e
        }
        return result
    }
}

/// The word segments of one sentence, computed clause by clause when first needed.
///
/// Why clauses: ICU segments Chinese with its dictionary over each run of Han characters, and a
/// run never crosses a clause mark (。 、 ！ ？ and , ; : when no letter or digit stands on both
/// sides), so the words of a clause segmented alone are the words the whole sentence would give
/// there. A candidate's word-boundary check needs only the clauses around its edges, and a
/// subject only the clauses of its window: most of a long sentence is never segmented.
final class SentenceWords {
    typealias Word = (range: Range<Int>, status: Int32)
    private let segmenter: WordSegmenter
    private let buffer: TextBuffer
    /// Clause ranges of the sentence, in order, covering it without gaps.
    private let clauses: [Range<Int>]
    private var done: [[Word]?]

    init(_ segmenter: WordSegmenter, _ buffer: TextBuffer, sentence: Range<Int>) {
        self.segmenter = segmenter
        self.buffer = buffer
        clauses = Self.clauses(of: sentence, buffer)
        done = .filled(nil, count: clauses.count)
    }

    /// The words of every clause that overlaps `range` (or holds its position, when empty), in order.
    func words(covering range: Range<Int>) throws -> [Word] {
        var first = -1, last = -1
        for (k, clause) in clauses.enumerated() where clause.overlaps(range) || clause.contains(range.lowerBound) {
            if done[k] == nil { done[k] = try segmenter.words(buffer, clause) }
            if first < 0 { first = k }
            last = k
        }
        guard first >= 0 else { return [] }
        // One clause (most windows): its cached array itself, shared, not copied.
        if first == last { return done[first]! }
        var out: [Word] = []
        out.reserveCapacity((first...last).reduce(0) { $0 + done[$1]!.count })
        for k in first...last { out += done[k]! }
        return out
    }

    /// Cuts after each clause mark. , ; : (folded from ， ； ：) join letters or digits in ICU's
    /// word rules (3,000 · a:b), so they cut only where no ASCII letter or digit stands on both sides.
    static func clauses(of sentence: Range<Int>, _ buffer: TextBuffer) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = sentence.lowerBound
        for k in sentence {
            let c = buffer.folded[k]
            let cut: Bool
            switch c {
            case "。", "、", "!", "?": cut = true
            case ",", ";", ":":
                cut = !(k > sentence.lowerBound && k + 1 < sentence.upperBound
                        && isAlnum(buffer.folded[k - 1]) && isAlnum(buffer.folded[k + 1]))
            default: cut = false
            }
            if cut { out.append(start..<(k + 1)); start = k + 1 }
        }
        if start < sentence.upperBound || out.isEmpty { out.append(start..<sentence.upperBound) }
        return out
    }

    private static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c))
    }
}
