// Numeral.swift — reading one Chinese-news numeral into an exact value.
//
// News mixes every way of writing a number: Arabic digits (ASCII or fullwidth), Chinese digits
// with units (三千二百), financial forms (叁佰肆拾伍), digit-by-digit readings (二〇二〇),
// multipliers after Arabic numbers (1.95万), and colloquial abbreviations (一万三 = 13000).
// The caller has already cut out the span; this file decides what that span is worth, or that
// it is not a numeral at all. It runs once per candidate over 160 MB of text, so it makes one
// pass over the unicode scalars with a switch per scalar and never allocates.

/// Reads one numeral as written in Chinese news into an exact value.
public enum Numeral {
    /// The whole string must be one numeral (with optional internal multipliers). Returns nil
    /// when it is not.
    ///
    /// Strings containing a unit character (十百千万亿, their financial/traditional forms, or
    /// 廿卅卌) are read positionally; strings without any are read digit by digit, so "一二三"
    /// is 123 and "二〇二〇" is 2020, as in cn2an's "normal" mode.
    public static func parse<S: StringProtocol>(_ text: S) -> ExactDecimal? {
        let scalars = text.unicodeScalars
        return containsUnit(scalars) ? UnitReader.read(scalars) : DigitReader.read(scalars)
    }

    /// Value of a multiplier word alone: 十 10, 百 100, 千 1000, 万/萬 1e4, 十万 1e5, 百万 1e6,
    /// 千万 1e7, 亿/億 1e8, 十亿, 百亿, 千亿, 万亿 1e12, 亿亿 1e16 (financial 拾佰仟 too).
    /// nil for anything else, including a number with digits ("三万") and 兆, whose meaning
    /// (10^6 or 10^12) depends on the region.
    public static func multiplier<S: StringProtocol>(_ text: S) -> ExactDecimal? {
        var sawUnit = false
        for scalar in text.unicodeScalars {
            switch NumeralSymbol(scalar) {
            case .smallUnit, .bigUnit: sawUnit = true
            default: return nil
            }
        }
        return sawUnit ? UnitReader.read(text.unicodeScalars) : nil
    }

    /// Digit-by-digit reading used for years: "二〇二〇" / "二零二零" / "一九八四" / "2020" → 2020.
    /// "○", "〇" and "零" are 0, "幺" is 1, financial digits count; nil if any character is not a
    /// single digit (两 is not: it never appears in digit-by-digit readings).
    public static func digitSequence<S: StringProtocol>(_ text: S) -> ExactDecimal? {
        var digits = DigitAccumulator()
        for scalar in text.unicodeScalars {
            switch NumeralSymbol(scalar) {
            case .arabic(let d), .chinese(let d): digits.append(d)
            case .zero: digits.append(0)
            default: return nil
            }
        }
        return digits.isComplete ? digits.value(negative: false) : nil
    }

    /// Whether positional (unit) reading applies; see `parse`.
    static func containsUnit(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        for scalar in scalars {
            switch NumeralSymbol(scalar) {
            case .smallUnit, .tens, .bigUnit: return true
            default: continue
            }
        }
        return false
    }
}

// MARK: - Scalar classes

/// What one scalar means to the numeral reader. Both raw and normalised spellings map to the
/// same class, so callers may or may not have folded fullwidth forms first.
enum NumeralSymbol: Equatable {
    /// ASCII or fullwidth digit.
    case arabic(UInt8)
    /// Chinese digit 1…9, including 幺 (= 1 in phone-style readings) and financial forms.
    case chinese(UInt8)
    /// 零 〇 ○: a digit in digit-by-digit readings, a gap marker between units otherwise.
    case zero
    /// 两 兩 俩 倆: 2, but only before a unit or alone ("两三" means "two or three").
    case liang
    /// 十 1, 百 2, 千 3 (and 拾佰仟), as powers of ten.
    case smallUnit(Int)
    /// 廿 2, 卅 3, 卌 4: a digit and 十 fused into one character.
    case tens(UInt8)
    /// 万 4, 亿 8 (and 萬億), as powers of ten.
    case bigUnit(Int)
    /// "." or "．": a decimal point that may start a number (".5").
    case asciiPoint
    /// 点 點: a decimal point that needs a whole part before it.
    case chinesePoint
    /// "," or "，": a thousands separator, valid only between groups of Arabic digits.
    case comma
    /// "-" "−" "－", or 负 負: negative sign, only first.
    case minus
    /// "+" "＋": explicit positive sign, only first.
    case plus
    case other

    init(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0x30...0x39: self = .arabic(UInt8(v - 0x30))
        case 0xFF10...0xFF19: self = .arabic(UInt8(v - 0xFF10))
        default: self = Self.classifyCJK(v)
        }
    }

    /// The table for everything outside the digit ranges. One switch, compiled to a jump or
    /// binary search; no dictionary lookups or hashing per scalar.
    private static func classifyCJK(_ v: UInt32) -> NumeralSymbol {
        switch v {
        case 0x96F6, 0x3007, 0x25CB: return .zero                          // 零 〇 ○
        case 0x4E00, 0x58F9, 0x5E7A: return .chinese(1)                    // 一 壹 幺
        case 0x4E8C, 0x8D30, 0x8CB3, 0x8CAE: return .chinese(2)            // 二 贰 貳 貮
        case 0x4E09, 0x53C1, 0x53C3, 0x53C4: return .chinese(3)            // 三 叁 參 叄
        case 0x56DB, 0x8086: return .chinese(4)                            // 四 肆
        case 0x4E94, 0x4F0D: return .chinese(5)                            // 五 伍
        case 0x516D, 0x9646, 0x9678: return .chinese(6)                    // 六 陆 陸
        case 0x4E03, 0x67D2: return .chinese(7)                            // 七 柒
        case 0x516B, 0x634C: return .chinese(8)                            // 八 捌
        case 0x4E5D, 0x7396: return .chinese(9)                            // 九 玖
        case 0x4E24, 0x5169, 0x4FE9, 0x5006: return .liang                 // 两 兩 俩 倆
        case 0x5341, 0x62FE: return .smallUnit(1)                          // 十 拾
        case 0x767E, 0x4F70: return .smallUnit(2)                          // 百 佰
        case 0x5343, 0x4EDF: return .smallUnit(3)                          // 千 仟
        case 0x5EFF: return .tens(2)                                       // 廿
        case 0x5345: return .tens(3)                                       // 卅
        case 0x534C: return .tens(4)                                       // 卌
        case 0x4E07, 0x842C: return .bigUnit(4)                            // 万 萬
        case 0x4EBF, 0x5104: return .bigUnit(8)                            // 亿 億
        case 0x2E, 0xFF0E: return .asciiPoint                              // . ．
        case 0x70B9, 0x9EDE: return .chinesePoint                          // 点 點
        case 0x2C, 0xFF0C: return .comma                                   // , ，
        case 0x2D, 0x2212, 0xFF0D, 0x8D1F, 0x8CA0: return .minus           // - − － 负 負
        case 0x2B, 0xFF0B: return .plus                                    // + ＋
        default: return .other
        }
    }
}

// MARK: - Digit-by-digit reading

/// Reads numerals without unit characters: Arabic numbers ("30,561,204", "01.10", ".77") and
/// Chinese digit strings ("一七二零点一三四"), each digit taking the next place.
enum DigitReader {
    static func read(_ scalars: some Sequence<Unicode.Scalar>) -> ExactDecimal? {
        var state = DigitReadState()
        for scalar in scalars {
            guard state.consume(NumeralSymbol(scalar)) else { return nil }
        }
        return state.finish()
    }
}

/// State for `DigitReader`: one number, optional sign, no mixing of Arabic and Chinese digits
/// in the whole part (a mix like "2〇2〇" is more likely a typo than a reading).
struct DigitReadState {
    private var digits = DigitAccumulator()
    private var grouping = ThousandsGrouping()
    private var negative = false
    private var started = false
    private var arabicWhole = false
    private var chineseWhole = false
    private var liang = false
    private var fraction = FractionScript()

    mutating func consume(_ symbol: NumeralSymbol) -> Bool {
        defer { started = true }
        switch symbol {
        case .minus, .plus:
            guard !started else { return false }
            negative = symbol == .minus
            return true
        case .arabic(let d): return addArabic(d)
        case .chinese(let d): return addChinese(d)
        case .zero: return addChinese(0)
        case .liang:
            // Only "两" alone (or "两点五"): a second whole digit is rejected in addChinese.
            guard !digits.inFraction, digits.integerDigits == 0 else { return false }
            liang = true
            return addChinese(2)
        case .comma:
            return arabicWhole && !digits.inFraction && grouping.addSeparator()
        case .asciiPoint: return beginFraction(ascii: true)
        case .chinesePoint: return beginFraction(ascii: false)
        default: return false
        }
    }

    private mutating func addArabic(_ d: UInt8) -> Bool {
        if digits.inFraction {
            guard fraction.accept(arabic: true) else { return false }
        } else {
            guard !chineseWhole else { return false }
            arabicWhole = true
            grouping.addDigit()
        }
        digits.append(d)
        return true
    }

    private mutating func addChinese(_ d: UInt8) -> Bool {
        if digits.inFraction {
            guard fraction.accept(arabic: false) else { return false }
        } else {
            guard !arabicWhole, !(liang && digits.integerDigits > 0) else { return false }
            chineseWhole = true
        }
        digits.append(d)
        return true
    }

    /// ".5" is a number (Arabic habit), "点五" is not; "." belongs to Arabic digits only
    /// ("6.一" is noise), while 点 takes either script ("零點77"); a second point never fits.
    private mutating func beginFraction(ascii: Bool) -> Bool {
        guard !digits.inFraction, grouping.isComplete else { return false }
        guard ascii ? !chineseWhole : digits.integerDigits > 0 else { return false }
        digits.beginFraction()
        fraction.begin(asciiPoint: ascii)
        return true
    }

    func finish() -> ExactDecimal? {
        guard digits.isComplete, grouping.isComplete else { return nil }
        return digits.value(negative: negative)
    }
}

// MARK: - Positional reading

/// Reads numerals with units, such as 三千二百万, 1.95万, 一万零八百, 2千零30万, 一万三.
///
/// Model: the numeral is a sum of *entries*, each a number times a power of ten (its
/// *exponent*). 十/百/千 multiply the number just before them; 万 multiplies everything since the
/// last 万 or 亿; 亿 multiplies everything since the last 亿. A 亿 written straight after another
/// big unit compounds it (万亿 = 10^12, 亿亿 = 10^16). Entries must shrink left to right, in
/// exponent and in value (each below 10^exponent of the one before), which rejects 三万四万,
/// 一百一千 and 3万40000 without a separate grammar.
///
/// Because 万 and 亿 fold everything below them, the completed entries always fall into three
/// levels, kept as running sums instead of a stack: `low` (below 万), `mid` (one 万 entry) and
/// `high` (亿 and compounds; the most recent one kept apart so 亿亿 can compound it).
struct UnitReader {
    /// What came just before the current scalar; decides implicit 1s, tails and gaps.
    /// `leadingZero` is 零 as the very first character, which may only start "零点…".
    private enum Previous { case start, leadingZero, smallUnit, bigUnit, zero, number, point, comma }

    private var previous = Previous.start
    private var negative = false
    private var signed = false

    private var highSum = ExactDecimal.zero
    private var highTop: ExactDecimal?
    private var highTopExponent = 0
    private var highPreviousExponent: Int?
    private var mid: ExactDecimal?
    private var latestBigIsMid = false
    private var lowSum = ExactDecimal.zero
    private var lowExponent: Int?

    /// Exponent of the most recent unit (compounds included); the abbreviated tail reads one
    /// place below it ("一万三": 3 × 10^3).
    private var lastUnitExponent = 0
    private var pending: PendingNumber?

    static func read(_ scalars: some Sequence<Unicode.Scalar>) -> ExactDecimal? {
        var reader = UnitReader()
        for scalar in scalars {
            guard reader.consume(NumeralSymbol(scalar)) else { return nil }
        }
        return reader.finish()
    }

    mutating func consume(_ symbol: NumeralSymbol) -> Bool {
        if previous == .leadingZero && symbol != .chinesePoint { return false }   // 零十零3
        switch symbol {
        case .minus, .plus: return applySign(negative: symbol == .minus)
        case .arabic(let d): return addArabic(d)
        case .chinese(let d): return addChinese(d, liang: false)
        case .liang: return addChinese(2, liang: true)
        case .zero: return addZero()
        case .smallUnit(let e): return applySmallUnit(e)
        case .tens(let t): return applyTens(t)
        case .bigUnit(let e): return applyBigUnit(e)
        case .asciiPoint: return beginFraction(ascii: true)
        case .chinesePoint: return beginFraction(ascii: false)
        case .comma: return addSeparator()
        case .other: return false
        }
    }

    /// Sum of all entries; nil if the text ended mid-number (after 零, a point or a comma).
    mutating func finish() -> ExactDecimal? {
        switch previous {
        case .start, .leadingZero, .zero, .comma: return nil
        default: break
        }
        if let p = pending {
            guard flush(p, beforeExponent: nil) else { return nil }
            pending = nil
        }
        guard let total = Self.sum(highSum, highTop ?? .zero, mid ?? .zero, lowSum) else { return nil }
        return negative ? total.negated : total
    }

    /// Checked sum of the four levels, without building an array.
    private static func sum(_ a: ExactDecimal, _ b: ExactDecimal, _ c: ExactDecimal, _ d: ExactDecimal) -> ExactDecimal? {
        guard let ab = a + b, let abc = ab + c else { return nil }
        return abc + d
    }

    // MARK: Digits

    private mutating func applySign(negative isNegative: Bool) -> Bool {
        guard previous == .start, !signed else { return false }
        signed = true
        negative = isNegative
        return true
    }

    /// Arabic digits extend an Arabic run or a fraction, or start a new number.
    private mutating func addArabic(_ d: UInt8) -> Bool {
        if let p = pending {
            if p.digits.inFraction {
                guard pending?.fraction.accept(arabic: true) == true else { return false }   // 三点五6
            } else {
                guard p.isArabic else { return false }   // 三4
                pending?.grouping.addDigit()
            }
            pending?.digits.append(d)
        } else {
            pending = PendingNumber(firstDigit: d, arabic: true, liang: false, followsUnit: followsUnit)
        }
        previous = .number
        return true
    }

    /// Chinese digits stand alone before a unit; only fractions take runs ("三点一四").
    private mutating func addChinese(_ d: UInt8, liang: Bool) -> Bool {
        if let p = pending {
            guard p.digits.inFraction, !liang,   // 一百二三, 三两
                  pending?.fraction.accept(arabic: false) == true else { return false }   // 1.5五
            pending?.digits.append(d)
        } else {
            pending = PendingNumber(firstDigit: d, arabic: false, liang: liang, followsUnit: followsUnit)
        }
        previous = .number
        return true
    }

    /// 零 is a digit inside a fraction and a gap marker elsewhere ("一千零五").
    private mutating func addZero() -> Bool {
        if let p = pending {
            guard p.digits.inFraction,   // 五零 in a unit numeral
                  pending?.fraction.accept(arabic: false) == true else { return false }
            pending?.digits.append(0)
            previous = .number
        } else {
            previous = previous == .start ? .leadingZero : .zero
        }
        return true
    }

    private mutating func addSeparator() -> Bool {
        guard let p = pending, p.isArabic, !p.digits.inFraction,
              pending?.grouping.addSeparator() == true else { return false }
        previous = .comma
        return true
    }

    /// Starts a fraction on the pending number, or (with 点) on 0 after a unit or 零
    /// ("一百点123" = 100.123, "零点五万"). "." needs Arabic digits before it, so "35百亿.6" and
    /// ".5万" are rejected; so is a point after an abbreviated tail ("一百二点五" is ambiguous).
    private mutating func beginFraction(ascii: Bool) -> Bool {
        if let p = pending {
            let ambiguousTail = isTail(p, beforeExponent: nil) && lastUnitExponent >= 2
            guard !p.digits.inFraction, p.grouping.isComplete, !ambiguousTail,
                  !ascii || p.isArabic else { return false }
            pending?.digits.beginFraction()
            pending?.fraction.begin(asciiPoint: ascii)
            pending?.liang = false
        } else {
            guard !ascii, previous == .zero || previous == .leadingZero || followsUnit else { return false }
            pending = PendingNumber(fractionOnly: ())
        }
        previous = .point
        return true
    }

    /// A number starting right after a unit may be an abbreviated tail (一万三).
    private var followsUnit: Bool {
        previous == .smallUnit || previous == .bigUnit
    }

    // MARK: Units

    /// 十/百/千 multiply the pending number, or an implied 1: 十 anywhere ("十五", "一百十一"),
    /// 百/千 only at the start or after 零 ("千万", "一万零百一十一"), so 万千 is not 11000.
    private mutating func applySmallUnit(_ exponent: Int) -> Bool {
        let base: ExactDecimal
        if let p = pending {
            guard p.fitsBeforeSmallUnit, let v = p.resolvedValue() else { return false }
            base = v
        } else {
            guard exponent == 1 || previous == .start || previous == .zero else { return false }
            base = ExactDecimal(normalizedSignificand: 1, scale: 0)
        }
        pending = nil
        guard let value = base.multiplied(byPowerOfTen: exponent), pushLow(value, exponent: exponent) else {
            return false
        }
        previous = .smallUnit
        lastUnitExponent = exponent
        return true
    }

    /// 廿/卅/卌 are complete tens; a digit before them ("二廿") is malformed.
    private mutating func applyTens(_ digit: UInt8) -> Bool {
        guard pending == nil else { return false }
        let value = ExactDecimal(normalizedSignificand: Int128(digit), scale: -1)
        guard pushLow(value, exponent: 1) else { return false }
        previous = .smallUnit
        lastUnitExponent = 1
        return true
    }

    /// 万 folds the low level into one mid entry; 亿 folds low and mid into a high entry.
    private mutating func applyBigUnit(_ exponent: Int) -> Bool {
        if previous == .bigUnit {
            return exponent == 8 && compound()   // 万亿, 亿亿; 万万 and 亿万 are not numerals here
        }
        guard previous != .zero else { return false }   // 一千零万
        let atStart = previous == .start
        if let p = pending {
            guard flush(p, beforeExponent: exponent) else { return false }
            pending = nil
        }
        guard let group = takeGroup(forExponent: exponent, atStart: atStart),
              let value = group.multiplied(byPowerOfTen: exponent) else { return false }
        guard exponent == 8 ? pushHigh(value, exponent: 8) : pushMid(value) else { return false }
        previous = .bigUnit
        lastUnitExponent = exponent
        return true
    }

    /// Removes and returns what a big unit multiplies; an empty group is an implied 1 only at
    /// the start ("万三", "亿").
    private mutating func takeGroup(forExponent exponent: Int, atStart: Bool) -> ExactDecimal? {
        var group = lowSum
        var hasGroup = lowExponent != nil
        lowSum = .zero
        lowExponent = nil
        if exponent == 8, let m = mid {
            guard let sum = group + m else { return nil }
            group = sum
            hasGroup = true
            mid = nil
        }
        if hasGroup { return group }
        return atStart ? ExactDecimal(normalizedSignificand: 1, scale: 0) : nil
    }

    /// 亿 right after 万 or 亿 multiplies that entry again instead of starting a new one.
    private mutating func compound() -> Bool {
        if latestBigIsMid, let m = mid {
            mid = nil
            guard let value = m.multiplied(byPowerOfTen: 8), pushHigh(value, exponent: 12) else { return false }
            lastUnitExponent = 12
            return true
        }
        guard let top = highTop, let value = top.multiplied(byPowerOfTen: 8) else { return false }
        let exponent = highTopExponent + 8
        if let limit = highPreviousExponent {
            guard exponent < limit, value.isBelowPowerOfTen(limit) else { return false }
        }
        highTop = value
        highTopExponent = exponent
        lastUnitExponent = exponent
        return true
    }

    // MARK: Entries

    /// Turns the pending number into a low entry: an abbreviated tail one place below the last
    /// unit ("两千六" → 600), or a plain number ("一千零五" → 5, "3万4000" → 4000).
    private mutating func flush(_ p: PendingNumber, beforeExponent next: Int?) -> Bool {
        guard !(p.liang && next == nil), let v = p.resolvedValue() else { return false }   // 一百两
        if isTail(p, beforeExponent: next) {
            let exponent = lastUnitExponent - 1
            guard let value = v.multiplied(byPowerOfTen: exponent) else { return false }
            return pushLow(value, exponent: exponent)
        }
        return pushLow(v, exponent: 0)
    }

    /// A single whole digit written straight after a unit, with nothing after it but the end
    /// or a bigger unit ("百二萬" = 120万, but "一亿二万" = 1亿 + 2万).
    private func isTail(_ p: PendingNumber, beforeExponent next: Int?) -> Bool {
        guard p.followsUnit, p.digits.integerDigits == 1, !p.digits.inFraction else { return false }
        return next.map { lastUnitExponent < $0 } ?? true
    }

    /// Exponent an entry must stay below: the lowest non-empty level's latest entry.
    private var ceilingExponent: Int? {
        if let e = lowExponent { return e }
        if mid != nil { return 4 }
        return highTop == nil ? nil : highTopExponent
    }

    private mutating func pushLow(_ value: ExactDecimal, exponent: Int) -> Bool {
        if let ceiling = ceilingExponent {
            guard exponent < ceiling, value.isBelowPowerOfTen(ceiling) else { return false }
        }
        guard let sum = lowSum + value else { return false }
        lowSum = sum
        lowExponent = exponent
        return true
    }

    private mutating func pushMid(_ value: ExactDecimal) -> Bool {
        guard mid == nil else { return false }   // 一万二万
        if highTop != nil {
            guard 4 < highTopExponent, value.isBelowPowerOfTen(highTopExponent) else { return false }
        }
        mid = value
        latestBigIsMid = true
        return true
    }

    private mutating func pushHigh(_ value: ExactDecimal, exponent: Int) -> Bool {
        if let top = highTop {
            guard exponent < highTopExponent, value.isBelowPowerOfTen(highTopExponent),
                  let sum = highSum + top else { return false }
            highSum = sum
            highPreviousExponent = highTopExponent
        }
        highTop = value
        highTopExponent = exponent
        latestBigIsMid = false
        return true
    }
}

/// The number being read before its unit (or the end) arrives.
struct PendingNumber {
    var digits = DigitAccumulator()
    var grouping = ThousandsGrouping()
    /// Whole part written in Arabic digits, which may run on ("4000"); Chinese may not.
    let isArabic: Bool
    /// 两 and friends: valid before a unit, never as the final bare or tail digit.
    var liang: Bool
    /// Started right after a unit: a candidate for the abbreviated-tail reading.
    let followsUnit: Bool
    var fraction = FractionScript()

    init(firstDigit: UInt8, arabic: Bool, liang: Bool, followsUnit: Bool) {
        self.isArabic = arabic
        self.liang = liang
        self.followsUnit = followsUnit
        if arabic { grouping.addDigit() }
        digits.append(firstDigit)
    }

    /// A number that begins at its decimal point ("点123" after a unit, ".77" at the start).
    init(fractionOnly: Void) {
        isArabic = false
        liang = false
        followsUnit = false
        digits.beginFraction()
    }

    /// 十/百/千 take one whole digit, possibly with a fraction ("3千", "1.5千"), not a run
    /// ("85十", "12千") or a bare fraction ("百点五千").
    var fitsBeforeSmallUnit: Bool {
        isArabic ? digits.integerDigits == 1 : digits.integerDigits > 0
    }

    /// The value, or nil while incomplete ("10.", "1,00"), on overflow, or when zero: inside a
    /// positional numeral a written 0 is never a section ("4万0千2", "1万0").
    func resolvedValue() -> ExactDecimal? {
        guard digits.isComplete, grouping.isComplete,
              let value = digits.value(negative: false), !value.isZero else { return nil }
        return value
    }
}

/// Keeps the digits after a decimal point in one script: "三点一四" and "3.14" are numbers,
/// "三点1四" and "6.一" are noise. A "." point additionally requires Arabic digits.
struct FractionScript {
    private var requiresArabic = false
    private var arabic: Bool?

    mutating func begin(asciiPoint: Bool) {
        requiresArabic = asciiPoint
    }

    /// Records one fraction digit's script; false when it breaks the rule above.
    mutating func accept(arabic isArabic: Bool) -> Bool {
        if requiresArabic && !isArabic { return false }
        if let previous = arabic, previous != isArabic { return false }
        arabic = isArabic
        return true
    }
}
