// Positional reading of numerals with units; see Numeral.swift.

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
    /// A 兆 (10^12) not yet followed by a lower 亿: 兆 alone (五兆, 兆瓦) is no numeral here.
    private var zhaoAwaitsYi = false

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
        guard !zhaoAwaitsYi else { return nil }
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
    /// ".5万" are rejected. After an abbreviated tail the tail keeps its place and the fraction
    /// starts at the units ("两千三点一" = 2300.1, "一千六点五" = 1600.5); 点 only.
    private mutating func beginFraction(ascii: Bool) -> Bool {
        if let p = pending, isTail(p, beforeExponent: nil), lastUnitExponent >= 2 {
            guard !ascii, !p.liang, flush(p, beforeExponent: nil) else { return false }   // 一千两点五
            pending = PendingNumber(fractionOnly: ())
        } else if let p = pending {
            guard !p.digits.inFraction, p.grouping.isComplete,
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

    /// 万 folds the low level into one mid entry; 亿 (and 兆, 10^12) folds low and mid into a
    /// high entry; a later 亿 must stay below an earlier 兆 (五兆六十二亿).
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
        guard exponent >= 8 ? pushHigh(value, exponent: exponent) : pushMid(value) else { return false }
        if exponent == 12 { zhaoAwaitsYi = true } else if exponent == 8 { zhaoAwaitsYi = false }
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
        if exponent >= 8, let m = mid {
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
        // 两千点零: a zero fraction after 百 or a bigger unit adds nothing (十点零 stays
        // unread: 十點零鐘 is a time of day).
        if p.isFractionOnly, next == nil, lastUnitExponent >= 2, p.digits.isComplete,
           let v = p.digits.value(negative: false), v.isZero {
            return true
        }
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

    /// Begun at its decimal point: no whole digits.
    var isFractionOnly: Bool { digits.inFraction && digits.integerDigits == 0 }

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
