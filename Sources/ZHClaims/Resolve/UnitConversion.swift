/// Exact sizes of units that convert into one another, for ranges written with a different unit
/// on each bound (`45分钟到1小时` → 45–60 分钟). Only exact, fixed conversions: a month has no
/// fixed number of days, and 亩 is not a whole number of square metres.
enum UnitConversion {
    /// Unit name (as `Lexicon.unit` normalises it) → (family, size in the family's smallest unit).
    static let sizes: [String: (family: Int, size: Int)] = {
        let families: [[(String, Int)]] = [
            [("秒", 1), ("秒钟", 1), ("分钟", 60), ("小时", 3600), ("天", 86_400), ("周", 604_800), ("星期", 604_800)],
            [("个月", 1), ("个季度", 3), ("年", 12)],
            [("毫米", 1), ("厘米", 10), ("公分", 10), ("米", 1000), ("公尺", 1000), ("公里", 1_000_000), ("千米", 1_000_000)],
            [("毫克", 1), ("克", 1000), ("两", 50_000), ("斤", 500_000), ("公斤", 1_000_000), ("千克", 1_000_000), ("吨", 1_000_000_000)],
        ]
        var table: [String: (Int, Int)] = [:]
        for (family, units) in families.enumerated() {
            for (name, size) in units { table[name] = (family, size) }
        }
        return table
    }()

    /// A range `low lowUnit … high highUnit` in the smaller of the two units: (low, high, unit),
    /// or nil when the units do not convert exactly.
    static func common(low: ExactDecimal, lowUnit: String, high: ExactDecimal, highUnit: String) -> (ExactDecimal, ExactDecimal, String)? {
        guard let a = sizes[lowUnit], let b = sizes[highUnit], a.family == b.family else { return nil }
        if a.size <= b.size {
            guard b.size % a.size == 0, let h = high.multiplied(by: ExactDecimal(b.size / a.size)) else { return nil }
            return (low, h, lowUnit)
        }
        guard a.size % b.size == 0, let l = low.multiplied(by: ExactDecimal(a.size / b.size)) else { return nil }
        return (l, high, highUnit)
    }
}
