/// The word tables of the resolver: approx markers, change verbs, unit normalisation and
/// currencies (CONVENTIONS.md: approx, change and basis, unit). Keys are folded (simplified) text.
public enum Lexicon {
    static let approx: [String: Approx] = {
        var t: [String: Approx] = [:]
        for w in ["约", "大约", "约为", "大概", "左右", "上下", "许", "前后", "约合", "约有", "附近", "前后"] { t[w] = .about }
        for w in ["余", "多", "超过", "超", "逾", "以上", "过", "突破", "有余", "开外", "出头", "不止", "超出", "多达", "余万", "或以上", "及以上", "几"] { t[w] = .over }
        // 来 between a number and its unit (十来个, 二十来岁): about that many.
        t["来"] = .about
        for w in ["近", "将近", "接近", "逼近", "不足", "不到", "以下", "以内", "低于", "未满", "不满", "少于", "未到", "快", "或以下", "及以下"] { t[w] = .under }
        for w in ["至少", "不少于", "不低于", "最少", "起码", "最低"] { t[w] = .at_least }
        for w in ["至多", "最多", "不超过", "不高于", "最高", "顶多"] { t[w] = .at_most }
        return t
    }()

    /// `approx` keyed by code points, and its longest key: looked up for every piece of every
    /// claim's span, where hashing non-ASCII Strings (which compares them canonically) showed in
    /// profiles.
    static let approxByScalars: [[Unicode.Scalar]: Approx] =
        Dictionary(uniqueKeysWithValues: approx.map { (Array($0.key.unicodeScalars), $0.value) })
    static let approxMaxLength = approxByScalars.keys.map(\.count).max() ?? 0
    /// The first characters of the approx markers: a span position holding none of them starts none.
    static let approxFirstCharacters = ScalarSet(approxByScalars.keys.compactMap(\.first))

    /// The approx meaning of a marker word, also for longer words that end in a known one.
    public static func approx(_ word: String) -> Approx? {
        if let a = approxByScalars[Array(word.unicodeScalars)] { return a }
        if word.hasPrefix("高于") || word.hasPrefix("大于") { return .over }
        if word.hasPrefix("小于") { return .under }
        return nil
    }

    static let downStems: [String] = ["降", "减", "跌", "落", "挫", "少", "缩", "低", "滑", "泻", "蒸发", "收窄", "短", "萎",
                                      "下调", "下修", "下浮", "下探", "放缓"]
    private static let downStemScalars = downStems.map { Array($0.unicodeScalars) }

    /// up or down for a change verb (增长 → up, 下降 → down); unknown verbs read as up.
    /// Compared as code points: `String.contains(String)` costs about 60,000 instructions here.
    public static func change(_ word: String) -> ChangeDirection {
        let w = Array(word.unicodeScalars)
        return downStemScalars.contains { stem in
            w.count >= stem.count && (0...(w.count - stem.count)).contains { w[$0..<($0 + stem.count)].elementsEqual(stem) }
        } ? .down : .up
    }

    public static func basis(_ word: String) -> Basis? {
        if word.contains("同比") { return .yoy }
        if word.contains("环比") { return .mom }
        return nil
    }

    static let unitAliases: [String: String] = [
        "摄氏度": "℃", "°C": "℃", "°c": "℃", "度C": "℃", "周岁": "岁", "个小时": "小时", "钟头": "小时", "个钟头": "小时",
        "周年": "年", "载": "年", "标箱": "标准箱", "方": "立方米", "块": "元", "块钱": "元", "人民币": "元", "元人民币": "元", "圆": "元", "人民币元": "元",
        "港币": "港元", "港圆": "港元", "日圆": "日元", "美金": "美元", "台币": "新台币", "新台币元": "新台币",
        "澳门币": "澳门元", "欧": "欧元", "美圆": "美元", "蚊": "港元", "镑": "英镑", "港纸": "港元", "欧圆": "欧元", "个百分点": "百分点", "个百分比": "百分点", "个基点": "基点", "个点": "点", "个星期": "星期",
        "％": "%", "个钟": "钟", "个分钟": "分钟", "元钱": "元", "钟": "钟", "平米": "平方米",
    ]

    /// `unitAliases` keyed by code points (see `approxByScalars`).
    static let unitAliasesByScalars: [[Unicode.Scalar]: String] =
        Dictionary(uniqueKeysWithValues: unitAliases.map { (Array($0.key.unicodeScalars), $0.value) })

    /// The normalised unit for a unit word as written (folded), for a claim of `kind`. Read as
    /// code points: String filtering and comparison go character by character (about 6,000
    /// instructions a call).
    public static func unit(_ word: String, kind: ClaimKind) -> String {
        // 多, 余 and 半 may sit inside a unit (两个多月, 一个半小时): they are approx and value, not unit.
        var w: [Unicode.Scalar] = []
        w.reserveCapacity(word.utf8.count)
        for c in word.unicodeScalars where c != " " && c != "多" && c != "余" && c != "半" { w.append(c) }
        // Compared in place: array literals here were built on every call.
        let single = w.count == 1 ? w[0] : nil
        if kind == .duration || kind == .change, single == "日" { return "天" }
        if kind == .duration, w.elementsEqual("个工作日".unicodeScalars) { return "个工作日" }
        if kind != .money, kind != .change, single == "块" { return "块" }   // 3块蛋糕: pieces, not 元
        if let alias = unitAliasesByScalars[w] { return alias }
        // 万元 → 元: multiplier characters are never part of a unit (千瓦/千克/千米 are units).
        while let first = w.first, first == "万" || first == "亿", w.count > 1 { w.removeFirst() }
        if let alias = unitAliasesByScalars[w] { return alias }
        return TextBuffer.string(w[...])
    }

    static let currencies: [String: String] = [
        "元": "CNY", "美元": "USD", "港元": "HKD", "欧元": "EUR", "日元": "JPY", "英镑": "GBP",
        "新台币": "TWD", "澳门元": "MOP", "韩元": "KRW", "卢布": "RUB", "澳元": "AUD", "加元": "CAD",
        "新加坡元": "SGD", "瑞士法郎": "CHF", "法郎": "CHF", "泰铢": "THB", "卢比": "INR", "越南盾": "VND", "林吉特": "MYR",
        "新西兰元": "NZD", "比索": "PHP", "兰特": "ZAR", "里拉": "TRY", "雷亚尔": "BRL", "奈拉": "NGN",
        "新谢克尔": "ILS", "谢克尔": "ILS", "迪拉姆": "AED", "里亚尔": "SAR", "印尼盾": "IDR", "格里夫纳": "UAH", "兹罗提": "PLN",
    ]

    /// Cents written as a unit of their own (`收跌1.05美分`, `每股派息20便士`): the amount is
    /// given in the currency they are a hundredth of, so sums and comparisons stay in one unit.
    static let hundredths: [String: String] = ["美分": "美元", "欧分": "欧元", "便士": "英镑", "港仙": "港元"]

    /// Currency words written before a number, and the unit they stand for.
    static let currencyPrefixes: [String: String] = [
        "$": "美元", "US$": "美元", "USD": "美元", "美元": "美元", "¥": "元", "￥": "元", "RMB": "元", "CNY": "元",
        "人民币": "元", "HK$": "港元", "HKD": "港元", "港币": "港元", "港元": "港元", "€": "欧元", "EUR": "欧元", "欧元": "欧元",
        "£": "英镑", "GBP": "英镑", "英镑": "英镑", "JPY": "日元", "日元": "日元", "NT$": "新台币", "新台币": "新台币", "台币": "新台币",
        "MOP": "澳门元", "澳门币": "澳门元", "KRW": "韩元", "韩元": "韩元",
    ]

    /// The ISO 4217 code of a normalised unit, if it is a currency.
    public static func currency(ofUnit unit: String) -> String? { currencies[unit] }

    /// The unit a currency word before a number stands for.
    public static func unit(ofCurrencyWord word: String) -> String? {
        currencyPrefixes[word.filter { $0 != " " }] ?? currencyPrefixes[word.uppercased().filter { $0 != " " }]
    }
}
