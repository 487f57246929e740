// Digit-by-digit reading of numerals without units; see Numeral.swift.

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
