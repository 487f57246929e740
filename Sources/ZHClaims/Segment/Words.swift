/// Word boundaries of a sentence from ICU's dictionary-based segmentation, computed only when a
/// decision needs them (a Chinese-numeral candidate's edges, a subject): segmenting every word of
/// every sentence would cost most of the run time.
public final class WordSegmenter {
    private let breaker: ICUBreaker
    private var utf16: [UInt16] = []

    public init() throws { breaker = try ICUBreaker(.word) }

    /// Word segments of `range` in `buffer` (original text), as code point ranges in document
    /// coordinates, each with ICU's rule status (100 number, 200 letter, 400 ideographic, 0 other).
    public func words(_ buffer: TextBuffer, _ range: Range<Int>) throws -> [(range: Range<Int>, status: Int32)] {
        utf16.removeAll(keepingCapacity: true)
        var unitToScalar: [Int] = []
        unitToScalar.reserveCapacity(range.count * 2 + 1)
        for k in range {
            // Segment the folded text: ICU's dictionary is simplified-heavy and digits are ASCII there.
            for unit in UTF16.encode(buffer.folded[k])! {
                utf16.append(unit)
                unitToScalar.append(k)
            }
        }
        unitToScalar.append(range.upperBound)
        let (ends, statuses) = try utf16.withUnsafeBufferPointer { try breaker.breaks($0) }
        var result: [(Range<Int>, Int32)] = []
        result.reserveCapacity(ends.count)
        var start = range.lowerBound
        for (end, status) in zip(ends, statuses) {
            let e = unitToScalar[Int(end)]
            if e > start { result.append((start..<e, status)) }
            start = e
        }
        return result
    }
}
