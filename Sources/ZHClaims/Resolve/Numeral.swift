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
        if let power = PowerReader.read(scalars) { return power.value }
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
            case .bigUnit(12): return nil   // 兆 alone: mega or 10^12 by region
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
    /// 万 4, 亿 8 (and 萬億), as powers of ten; 兆 12, which the rules only capture inside a
    /// chain with a lower 亿 after it (五兆六十二亿 = 5 × 10^12 + 62 × 10^8), never alone.
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
        case 0x5146: return .bigUnit(12)                                   // 兆 (in a chain 兆…亿)
        case 0x2E, 0xFF0E: return .asciiPoint                              // . ．
        case 0x70B9, 0x9EDE: return .chinesePoint                          // 点 點
        case 0x2C, 0xFF0C: return .comma                                   // , ，
        case 0x2D, 0x2212, 0xFF0D, 0x8D1F, 0x8CA0: return .minus           // - − － 负 負
        case 0x2B, 0xFF0B: return .plus                                    // + ＋
        default: return .other
        }
    }
}
