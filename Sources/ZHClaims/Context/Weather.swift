/// Weather words in forecasts (`北京多云转晴15℃/27℃`): the temperature is the city's, so the
/// weather a subject reading took in at its end is cut off (→ 北京).
enum Weather {
    /// `r` without the weather words (joined by 转, 到 or 间) at its end; `r` itself when that
    /// would leave less than a two-character place (江阴 is a city, not 江 with overcast skies).
    static func trimmed(_ r: Range<Int>, _ buffer: TextBuffer) -> Range<Int> {
        let f = buffer.folded
        var end = r.upperBound
        var cut = false
        while end > r.lowerBound {
            guard let n = words.first(where: { w in end - w.count >= r.lowerBound && f[(end - w.count)..<end].elementsEqual(w) })?.count
            else { break }
            end -= n
            cut = true
            if end > r.lowerBound, joiners.contains(f[end - 1]) { end -= 1 } else { break }
        }
        guard cut, end - r.lowerBound >= 2 else { return r }
        // A joiner left at the end (`转` with no weather before it) is not part of the place.
        if joiners.contains(f[end - 1]) { return r }
        return r.lowerBound..<end
    }

    /// Longest first, so that 雷阵雨 is cut whole before 阵雨.
    static let words: [[Unicode.Scalar]] = """
        大暴雨 雷阵雨 雨夹雪 沙尘暴 小到中雨 中到大雨 大到暴雨 小到中雪 中到大雪 多云 少云 小雨 中雨 大雨 暴雨 阵雨 \
        冻雨 小雪 中雪 大雪 暴雪 阵雪 扬沙 浮尘 晴 阴 雾 霾
        """.split(separator: " ").map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }

    static let joiners: ScalarSet = "转到间"
}
