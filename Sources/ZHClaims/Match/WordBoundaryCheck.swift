/// Drops candidates made of Chinese numeral characters that start or end inside a word that is
/// not a number word (统一 → 一, 队伍 → 伍, 两部门 → 两部), using ICU's dictionary segmentation.
/// Only spans with a Chinese numeral are checked, so most sentences never need word breaks.
struct WordBoundaryCheck {
    /// The characters that make a span "Chinese numeral" for this check.
    static let hanNumerals: Set<Unicode.Scalar> = Set("〇一二三四五六七八九十百千万亿两俩零廿卅壹贰叁肆伍陆柒捌玖拾佰仟半几数".unicodeScalars)

    static func needsCheck(_ span: Range<Int>, _ buffer: TextBuffer) -> Bool {
        buffer.folded[span].contains { hanNumerals.contains($0) }
    }

    /// nil when the span's edges are word boundaries (or not inside a Han word); otherwise the
    /// word it cuts.
    static func cutWord(_ span: Range<Int>, words: [(range: Range<Int>, status: Int32)], _ buffer: TextBuffer) -> String? {
        for w in words where w.range.count > 1 {
            let cutsStart = w.range.lowerBound < span.lowerBound && span.lowerBound < w.range.upperBound
            let cutsEnd = w.range.lowerBound < span.upperBound && span.upperBound < w.range.upperBound
            guard cutsStart || cutsEnd else { continue }
            // The part of the word outside the span must be Han text (a real word), not digits.
            if isHanWord(w.range, buffer), !isNumberWord(w.range, buffer) { return buffer.text(w.range) }
        }
        return nil
    }

    static func isHanWord(_ r: Range<Int>, _ buffer: TextBuffer) -> Bool {
        buffer.folded[r].allSatisfy { $0.properties.isIdeographic || hanNumerals.contains($0) }
    }

    /// A word made only of numeral characters (三四, 一万) is a number word: cutting it is fine.
    static func isNumberWord(_ r: Range<Int>, _ buffer: TextBuffer) -> Bool {
        buffer.folded[r].allSatisfy { hanNumerals.contains($0) }
    }
}
