/// Dates and times as ISO 8601 partials (CONVENTIONS.md, "Dates"): `2016`, `2018-05`,
/// `2022-03-01`, `--02-02`, `--04`, `---09`, `T09:30`, `2020-04-09T14:56`.
enum DateReader {
    static func read(year: String?, month: String?, day: String?, hour: String?, minute: String?, ampm: String?) -> Result<String, Resolver.Failure> {
        var iso = ""
        var y: Int? = nil, m: Int? = nil, d: Int? = nil
        if let year {
            guard let v = readYear(year) else { return .failure(.badDate(year)) }
            y = v
        }
        if let month {
            guard let v = small(month), (1...12).contains(v) else { return .failure(.badDate(month)) }
            m = v
        }
        if let day {
            guard let v = small(day), (1...31).contains(v) else { return .failure(.badDate(day)) }
            d = v
        }
        switch (y, m, d) {
        case let (y?, nil, nil): iso = pad(y, 4)
        case let (y?, m?, nil): iso = pad(y, 4) + "-" + pad(m, 2)
        case let (y?, m?, d?): iso = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        case let (nil, m?, nil): iso = "--" + pad(m, 2)
        case let (nil, m?, d?): iso = "--" + pad(m, 2) + "-" + pad(d, 2)
        case let (nil, nil, d?): iso = "---" + pad(d, 2)
        case (nil, nil, nil): break
        case (_?, nil, _?): return .failure(.badDate("a year and a day without a month"))
        }
        if let hour {
            guard var h = small(hour), (0...24).contains(h) else { return .failure(.badDate(hour)) }
            if let ampm, h < 12, ["下午", "晚上", "晚", "傍晚", "夜里", "夜间", "夜晚", "晚间", "午后"].contains(ampm) { h += 12 }
            iso += "T" + pad(h, 2)
            if let minute {
                let mm = minute == "半" ? 30 : small(minute)
                guard let mm, (0...59).contains(mm) else { return .failure(.badDate(minute)) }
                iso += ":" + pad(mm, 2)
            }
        }
        return iso.isEmpty ? .failure(.badDate("no date part")) : .success(iso)
    }

    /// A year: four digits, a digit-by-digit Chinese year (二〇一七), or two digits read in the
    /// 1900s or 2000s (86 → 1986, 20 → 2020).
    static func readYear(_ text: String) -> Int? {
        guard let v = Numeral.digitSequence(text).flatMap({ Int($0.description) }) else { return nil }
        let digits = text.unicodeScalars.count
        if digits == 2 { return v >= 50 ? 1900 + v : 2000 + v }
        return digits == 4 && v >= 1000 ? v : nil
    }

    static func small(_ text: String) -> Int? {
        Numeral.parse(text).flatMap { Int($0.description) }
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
