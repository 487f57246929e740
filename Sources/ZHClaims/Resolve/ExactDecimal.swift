// ExactDecimal.swift — exact base-10 numbers for numeric claims.
//
// Why a custom type: claim values are compared, hashed, scaled by 万/亿/‰ and printed back out.
// Binary floating point turns "1.95万" into 19499.999…; Foundation's Decimal is not available
// (the library is pure stdlib). An Int128 significand holds 38 significant digits, which covers
// every figure that appears in news (亿亿 = 10^16 still leaves 22 digits of headroom).

/// An exact decimal: value = significand × 10^(-scale). Never Double on the way in.
///
/// The representation is canonical, so the synthesized `==` and `hash(into:)` are value
/// equality ("1.50" == "1.5", 19500 built any way is one value):
/// - the significand has no trailing zeros, so whole numbers ending in zeros have a
///   *negative* scale (19500 is stored as 195 × 10^2, `scale == -2`);
///   test `isInteger` rather than `scale == 0`;
/// - zero is always `(0, 0)`, so there is no "-0";
/// - the significand is never `Int128.min`, so `negated` can never overflow.
///
/// Arithmetic that could overflow returns `nil` instead of trapping: the values come from
/// untrusted text and a crash on one odd article would stop a 160 MB run.
public struct ExactDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Digits of the value with trailing zeros removed (see the type's invariants).
    public let significand: Int128
    /// Power of ten the significand is divided by; negative for whole numbers ending in zeros.
    public let scale: Int

    /// Largest |scale| any failable operation or parser will produce. Values beyond it are
    /// nonsense in news text, and the bound keeps `description` of a hostile input short.
    static let scaleLimit = 4096

    /// Largest number of decimal places `divided(by:maxScale:)` spends on an exact result.
    static let exactDivisionPlaces = 30

    /// Zero. Computed rather than stored: a stored static costs a lazy-initialisation check
    /// on every use, and the parsers start from zero on every call.
    public static var zero: ExactDecimal { ExactDecimal(normalizedSignificand: 0, scale: 0) }

    /// The integer `value`, exactly.
    public init(_ value: Int) {
        self.init(significand: Int128(value), scale: 0)
    }

    /// Builds significand × 10^(-scale), dropping trailing zeros of the significand.
    ///
    /// Preconditions: `significand != Int128.min` (its negation is not representable), and
    /// `scale` is not within 38 of `Int.min` (dropping zeros lowers it). Failable arithmetic
    /// and the parsers never come near either limit.
    public init(significand: Int128, scale: Int) {
        precondition(significand != .min, "ExactDecimal: Int128.min significand cannot be negated")
        guard significand != 0 else {
            self.init(normalizedSignificand: 0, scale: 0)
            return
        }
        var magnitude = significand.magnitude
        var newScale = scale
        Self.stripTrailingZeros(&magnitude, &newScale)
        let stripped = Int128(magnitude)
        self.init(normalizedSignificand: significand < 0 ? -stripped : stripped, scale: newScale)
    }

    /// Parses ASCII decimal text: optional sign (+, -, U+2212 minus), digits with optional ","
    /// thousands separators (groups of exactly three), optional "." fraction. nil if malformed.
    ///
    /// A leading point (".5") is accepted; a trailing point ("5.") is not, because in Chinese
    /// text a trailing "." is sentence punctuation rather than part of the number.
    public init?(_ text: Substring) {
        guard let value = Self.parseASCII(text.unicodeScalars) else { return nil }
        self = value
    }

    /// Convenience for `String` arguments; same grammar as `init?(_: Substring)`.
    public init?(_ text: String) {
        self.init(Substring(text))
    }

    /// Stores already-canonical parts; every other initializer funnels through here.
    init(normalizedSignificand: Int128, scale: Int) {
        self.significand = normalizedSignificand
        self.scale = scale
    }

    // MARK: - Properties

    /// True for zero (which is always stored as `(0, 0)`).
    public var isZero: Bool { significand == 0 }

    /// True below zero; zero itself is not negative.
    public var isNegative: Bool { significand < 0 }

    /// True when the value has no fractional part (canonical form makes this `scale <= 0`).
    public var isInteger: Bool { scale <= 0 }

    /// -self; cannot overflow because the significand is never `Int128.min`.
    public var negated: ExactDecimal {
        ExactDecimal(normalizedSignificand: -significand, scale: scale)
    }

    /// Canonical text: no exponent, no thousands separators, no trailing zeros after the point,
    /// no trailing ".", never "-0". Round-trips through `init?(_:)`.
    public var description: String {
        var digits = String(significand.magnitude)
        if scale <= 0 {
            digits += String(repeating: "0", count: -scale)
        } else if digits.utf8.count > scale {
            let point = digits.index(digits.endIndex, offsetBy: -scale)
            digits.insert(".", at: point)
        } else {
            digits = "0." + String(repeating: "0", count: scale - digits.utf8.count) + digits
        }
        return significand < 0 ? "-" + digits : digits
    }

    /// The nearest Double, for consumers that need a float *after* exact resolution.
    public var doubleValue: Double {
        Double(description) ?? .nan
    }

    // MARK: - Arithmetic

    /// Exact sum; nil when aligning the scales or adding overflows Int128.
    public static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal? {
        if a.isZero { return b }
        if b.isZero { return a }
        if a.scale == b.scale {   // common when summing sections of one numeral
            let (sum, overflow) = a.significand.addingReportingOverflow(b.significand)
            return overflow ? nil : make(negative: sum < 0, magnitude: sum.magnitude, scale: a.scale)
        }
        let common = max(a.scale, b.scale)
        guard let x = a.significand(alignedTo: common),
              let y = b.significand(alignedTo: common) else { return nil }
        let (sum, overflow) = x.addingReportingOverflow(y)
        guard !overflow else { return nil }
        return make(negative: sum < 0, magnitude: sum.magnitude, scale: common)
    }

    /// Exact difference; nil on overflow.
    public static func - (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal? {
        a + b.negated
    }

    /// Exact product; nil on overflow. The product is formed at full 256-bit width first, so a
    /// result whose raw significand overflows but ends in zeros (…4 × …5) still comes back.
    public func multiplied(by other: ExactDecimal) -> ExactDecimal? {
        let (newScale, scaleOverflow) = scale.addingReportingOverflow(other.scale)
        guard !scaleOverflow else { return nil }
        let negative = (significand < 0) != (other.significand < 0)
        let wide = significand.magnitude.multipliedFullWidth(by: other.significand.magnitude)
        guard let (magnitude, dropped) = Self.narrowed(high: wide.high, low: wide.low) else { return nil }
        let (adjusted, overflow) = newScale.subtractingReportingOverflow(dropped)
        return overflow ? nil : Self.make(negative: negative, magnitude: magnitude, scale: adjusted)
    }

    /// self × 10^n, exact; `n` may be negative (‰ is n = -3). Only the scale changes, so the
    /// result is nil only when |scale| would leave the supported range.
    public func multiplied(byPowerOfTen n: Int) -> ExactDecimal? {
        if isZero { return self }
        let (newScale, overflow) = scale.subtractingReportingOverflow(n)
        guard !overflow, Self.isSupported(scale: newScale) else { return nil }
        return ExactDecimal(normalizedSignificand: significand, scale: newScale)
    }

    /// self ÷ other. The quotient is exact whenever its decimal expansion terminates within
    /// `exactDivisionPlaces` (30) places beyond the operands' own scales (3.5 ÷ 100000 =
    /// 0.000035, 1 ÷ 8 = 0.125); otherwise it is rounded half away from zero to `maxScale`
    /// places (1 ÷ 6 = 0.166667). nil on division by zero or overflow, which includes a
    /// rounded quotient needing more than 38 significant digits at `maxScale` places.
    public func divided(by other: ExactDecimal, maxScale: Int = 6) -> ExactDecimal? {
        guard !other.isZero else { return nil }
        if isZero { return .zero }
        let negative = (significand < 0) != (other.significand < 0)
        let numerator = significand.magnitude
        let denominator = other.significand.magnitude
        // value = (numerator / denominator) × 10^(-exponent)
        let (exponent, overflow) = scale.subtractingReportingOverflow(other.scale)
        guard !overflow else { return nil }
        if let places = Self.terminatingPlaces(numerator, denominator),
           places <= Self.exactDivisionPlaces,
           let exact = Self.quotient(numerator, denominator, negative: negative,
                                     ratioPlaces: places, exponent: exponent) {
            return exact
        }
        let (ratioPlaces, shiftOverflow) = maxScale.subtractingReportingOverflow(exponent)
        guard !shiftOverflow else { return nil }
        return Self.quotient(numerator, denominator, negative: negative,
                             ratioPlaces: ratioPlaces, exponent: exponent)
    }

    // MARK: - Comparable

    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        let signA = a.significand.signum(), signB = b.significand.signum()
        if signA != signB { return signA < signB }
        let order = compareMagnitudes(a, b)
        return signA < 0 ? order > 0 : order < 0
    }

    /// True when |self| < 10^exponent. Used by the numeral reader to check that a section
    /// fits under the unit written before it (三万四千 is fine, 三万四万 is not).
    ///
    /// |significand| × 10^(-scale) < 10^exponent ⇔ |significand| < 10^(exponent + scale),
    /// which needs one power of ten and no alignment.
    func isBelowPowerOfTen(_ exponent: Int) -> Bool {
        if isZero { return true }
        let (shift, overflow) = exponent.addingReportingOverflow(scale)
        if overflow { return exponent > 0 }
        if shift <= 0 { return false }              // |significand| ≥ 1 ≥ 10^shift
        guard let bound = Self.powerOfTen(shift) else { return true }   // 10^39 > Int128.max
        return significand.magnitude < bound
    }
}

// MARK: - Internals

extension ExactDecimal {
    /// 10^n when it fits in UInt128 (n ≤ 38), else nil. Computed rather than looked up: a
    /// global table costs a lazy-initialisation check on every call, which showed up in
    /// profiles, while n is small (mostly ≤ 16) and multiplying by 10 is a few instructions.
    static func powerOfTen(_ n: Int) -> UInt128? {
        guard n >= 0 && n <= 38 else { return nil }
        var small: UInt64 = 1
        for _ in 0..<min(n, 19) { small &*= 10 }
        var power = UInt128(small)
        if n > 19 {
            for _ in 19..<n { power &*= 10 }
        }
        return power
    }

    static func isSupported(scale: Int) -> Bool {
        scale >= -scaleLimit && scale <= scaleLimit
    }

    /// The one checked constructor used by arithmetic and parsers: applies the sign, strips
    /// trailing zeros, and rejects magnitudes or scales outside the representable range.
    static func make(negative: Bool, magnitude: UInt128, scale: Int) -> ExactDecimal? {
        guard magnitude != 0 else { return .zero }
        var digits = magnitude
        var newScale = scale
        stripTrailingZeros(&digits, &newScale)
        guard digits <= UInt128(Int128.max), isSupported(scale: newScale) else { return nil }
        let value = Int128(digits)
        return ExactDecimal(normalizedSignificand: negative ? -value : value, scale: newScale)
    }

    /// A 256-bit product brought back to 128 bits by dropping trailing decimal zeros; returns
    /// the magnitude and how many zeros were dropped, or nil if it still does not fit.
    static func narrowed(high: UInt128, low: UInt128) -> (UInt128, Int)? {
        var (high, low, dropped) = (high, low, 0)
        while high != 0 {
            let (highQuotient, highRest) = high.quotientAndRemainder(dividingBy: 10)
            let (lowQuotient, rest) = UInt128(10).dividingFullWidth((high: highRest, low: low))
            guard rest == 0 else { return nil }
            (high, low, dropped) = (highQuotient, lowQuotient, dropped + 1)
        }
        return (low, dropped)
    }

    /// Removes trailing decimal zeros from a non-zero magnitude, lowering the scale to match.
    /// Uses 64-bit division once the value fits, since 128-bit division is a library call.
    static func stripTrailingZeros(_ magnitude: inout UInt128, _ scale: inout Int) {
        while magnitude > UInt128(UInt64.max) {
            let (q, r) = magnitude.quotientAndRemainder(dividingBy: 10)
            guard r == 0 else { return }
            magnitude = q
            scale -= 1
        }
        var small = UInt64(magnitude)
        while small % 10 == 0 {
            small /= 10
            scale -= 1
        }
        magnitude = UInt128(small)
    }

    /// The significand rescaled to `target` (≥ scale); nil when it no longer fits in Int128.
    func significand(alignedTo target: Int) -> Int128? {
        let (shift, overflow) = target.subtractingReportingOverflow(scale)
        guard !overflow, let power = Self.powerOfTen(shift), power <= UInt128(Int128.max) else { return nil }
        let (result, mulOverflow) = significand.multipliedReportingOverflow(by: Int128(power))
        return mulOverflow || result == .min ? nil : result
    }

    /// -1, 0, 1 as |a| is below, equal to, above |b|. Aligning may overflow; the side that
    /// overflows is then the larger one, because the other fits in Int128.
    static func compareMagnitudes(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        let x = a.significand.magnitude, y = b.significand.magnitude
        if x == 0 || y == 0 { return x == y ? 0 : (x == 0 ? -1 : 1) }
        if a.scale == b.scale { return x < y ? -1 : (x == y ? 0 : 1) }
        if a.scale < b.scale {
            guard let scaled = scaledUp(x, by: b.scale.subtractingReportingOverflow(a.scale)) else { return 1 }
            return scaled < y ? -1 : (scaled == y ? 0 : 1)
        }
        guard let scaled = scaledUp(y, by: a.scale.subtractingReportingOverflow(b.scale)) else { return -1 }
        return x < scaled ? -1 : (x == scaled ? 0 : 1)
    }

    /// magnitude × 10^n, nil on overflow (including n beyond 38).
    static func scaledUp(_ magnitude: UInt128, by n: Int) -> UInt128? {
        guard let power = powerOfTen(n) else { return nil }
        let (result, overflow) = magnitude.multipliedReportingOverflow(by: power)
        return overflow ? nil : result
    }

    /// Overload for a shift that was itself computed with overflow reporting.
    static func scaledUp(_ magnitude: UInt128, by shift: (partialValue: Int, overflow: Bool)) -> UInt128? {
        shift.overflow ? nil : scaledUp(magnitude, by: shift.partialValue)
    }

    /// Decimal places needed to write numerator/denominator exactly, or nil if it repeats.
    /// The reduced denominator must be 2^i·5^j; the expansion then has max(i, j) places.
    static func terminatingPlaces(_ numerator: UInt128, _ denominator: UInt128) -> Int? {
        var rest = denominator / greatestCommonDivisor(numerator, denominator)
        var twos = 0, fives = 0
        while rest % 2 == 0 { rest /= 2; twos += 1 }
        while rest % 5 == 0 { rest /= 5; fives += 1 }
        return rest == 1 ? max(twos, fives) : nil
    }

    static func greatestCommonDivisor(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// Builds (numerator/denominator rounded to `ratioPlaces`) × 10^(-exponent) as a value
    /// with scale ratioPlaces + exponent; nil on overflow.
    static func quotient(_ numerator: UInt128, _ denominator: UInt128, negative: Bool,
                         ratioPlaces: Int, exponent: Int) -> ExactDecimal? {
        guard let digits = roundedRatio(numerator, denominator, places: ratioPlaces) else { return nil }
        let (resultScale, overflow) = ratioPlaces.addingReportingOverflow(exponent)
        guard !overflow else { return nil }
        return make(negative: negative, magnitude: digits, scale: resultScale)
    }

    /// round(numerator × 10^places / denominator), half away from zero, by long division so
    /// that no intermediate exceeds 128 bits. `places` may be negative (round to tens, …).
    static func roundedRatio(_ numerator: UInt128, _ denominator: UInt128, places: Int) -> UInt128? {
        var (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
        if places < 0 {
            return roundedDown(q, byPowerOfTen: -places)
        }
        var remaining = places
        while remaining > 0 && r != 0 {
            let wide = r.multipliedFullWidth(by: 10)
            let (digit, nextR) = denominator.dividingFullWidth((high: wide.high, low: wide.low))
            let (shifted, o1) = q.multipliedReportingOverflow(by: 10)
            let (sum, o2) = shifted.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            (q, r) = (sum, nextR)
            remaining -= 1
        }
        if remaining > 0 {
            // The division came out even: the remaining digits are all zero.
            return scaledUp(q, by: remaining) ?? (q == 0 ? 0 : nil)
        }
        guard r >= denominator - r else { return q }
        let (up, overflow) = q.addingReportingOverflow(1)
        return overflow ? nil : up
    }

    /// q ÷ 10^n rounded half up. `q` here is the integer part of the true ratio; its
    /// discarded remainder is < 1 and so can only matter when q's own digits sit exactly at
    /// half, which the ≥ test already counts as rounding up.
    static func roundedDown(_ q: UInt128, byPowerOfTen n: Int) -> UInt128 {
        guard let power = powerOfTen(n) else { return 0 }   // q < 2^128 < 0.5 × 10^39
        let (whole, rest) = q.quotientAndRemainder(dividingBy: power)
        return rest >= power / 2 ? whole + 1 : whole
    }

    /// Parser behind `init?(_ text:)`; kept separate so the initializer stays one line.
    static func parseASCII(_ scalars: Substring.UnicodeScalarView) -> ExactDecimal? {
        var digits = DigitAccumulator()
        var grouping = ThousandsGrouping()
        var negative = false
        var atStart = true
        for scalar in scalars {
            switch scalar.value {
            case 0x30...0x39:
                if !digits.inFraction { grouping.addDigit() }
                digits.append(UInt8(scalar.value - 0x30))
            case 0x2C:
                guard !digits.inFraction, grouping.addSeparator() else { return nil }
            case 0x2E:
                guard !digits.inFraction, grouping.isComplete else { return nil }
                digits.beginFraction()
            case 0x2B, 0x2D, 0x2212:
                guard atStart else { return nil }
                negative = scalar.value != 0x2B
            default:
                return nil
            }
            atStart = false
        }
        guard grouping.isComplete, digits.isComplete else { return nil }
        return digits.value(negative: negative)
    }
}

// MARK: - Shared building blocks for the parsers

/// Accumulates decimal digits into an exact value without allocating.
///
/// Zeros after the last non-zero digit are only counted, not multiplied in, so "1" followed
/// by forty zeros is 1 × 10^40 rather than an Int128 overflow, and trailing fraction zeros
/// ("1.50") cancel out of the scale for free.
struct DigitAccumulator {
    private(set) var magnitude: UInt128 = 0
    private(set) var heldZeros = 0
    private(set) var integerDigits = 0
    private(set) var fractionDigits = 0
    private(set) var inFraction = false
    private(set) var overflowed = false

    /// Total digits seen on both sides of the point.
    var digitCount: Int { integerDigits + fractionDigits }

    /// At least one digit, and a point (if any) is followed by at least one digit.
    var isComplete: Bool { digitCount > 0 && (!inFraction || fractionDigits > 0) }

    mutating func append(_ digit: UInt8) {
        if inFraction { fractionDigits += 1 } else { integerDigits += 1 }
        if digit == 0 {
            if magnitude != 0 { heldZeros += 1 }
        } else if magnitude == 0 {
            magnitude = UInt128(digit)
        } else {
            absorb(digit)
        }
    }

    mutating func beginFraction() {
        inFraction = true
    }

    /// magnitude = magnitude × 10^(heldZeros + 1) + digit, recording overflow.
    private mutating func absorb(_ digit: UInt8) {
        guard let shifted = ExactDecimal.scaledUp(magnitude, by: heldZeros + 1) else {
            overflowed = true
            return
        }
        let (sum, overflow) = shifted.addingReportingOverflow(UInt128(digit))
        overflowed = overflowed || overflow
        magnitude = sum
        heldZeros = 0
    }

    /// The exact value read so far; nil on overflow. Does not check `isComplete`.
    func value(negative: Bool) -> ExactDecimal? {
        guard !overflowed else { return nil }
        return ExactDecimal.make(negative: negative, magnitude: magnitude, scale: fractionDigits - heldZeros)
    }
}

/// Validates thousands separators: the first group has 1–3 digits and every later group
/// exactly 3 ("30,561,204" yes; "1,10" and "1234,567" no). A comma in any other position is
/// list punctuation, not part of the number.
struct ThousandsGrouping {
    private var digitsInGroup = 0
    private var sawSeparator = false

    mutating func addDigit() {
        digitsInGroup += 1
    }

    /// Records a separator; false when the group it closes has the wrong length.
    mutating func addSeparator() -> Bool {
        let valid = sawSeparator ? digitsInGroup == 3 : (1...3).contains(digitsInGroup)
        sawSeparator = true
        digitsInGroup = 0
        return valid
    }

    /// True when the digits so far end on a well-formed group.
    var isComplete: Bool { !sawSeparator || digitsInGroup == 3 }
}
