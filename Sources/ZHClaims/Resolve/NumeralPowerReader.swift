// Scientific notation and powers in Arabic digits; see Numeral.swift.

// MARK: - Exponent forms

/// Reads "2e5", "-127.32e13", "12.32e+14", "2.7890e-1" (mantissa × 10^exponent) and "2^5",
/// "2.5^-1", "-1.1^+23" (a power: the sign in front applies to the result, as in -1.1^+23 =
/// -(1.1^23)). Signs written twice in the exponent cancel ("--23" is +23). Values stay exact: a
/// negative power is one division, exact when it terminates and otherwise rounded to 6
/// decimals like every other ratio.
enum PowerReader {
    /// Result of a numeral that uses an exponent marker (e, E or ^); `value` is nil when the
    /// form is malformed. nil when the text has no such marker (then another reader applies).
    struct Reading { let value: ExactDecimal? }

    /// Largest exponent read: 10^±30 and small powers cover real use, and keep values exact.
    static let maxExponent = 30
    static let maxPower = 64

    static func read(_ raw: some Collection<Unicode.Scalar>) -> Reading? {
        guard raw.contains(where: { isMarker(ascii($0)) }) else { return nil }
        var scalars = Substring.UnicodeScalarView()
        scalars.append(contentsOf: raw.lazy.map(ascii))
        guard let marker = scalars.firstIndex(where: isMarker) else { return nil }
        let isPower = scalars[marker] == "^"
        var head = scalars[..<marker]
        let tail = scalars[scalars.index(after: marker)...]
        var negative = false
        if let first = head.first, first == "-" || first == "+" {
            negative = first == "-"
            head.removeFirst()
        }
        guard let base = mantissa(head), let exponent = exponentValue(tail),
              isPower || abs(exponent) <= maxExponent else { return Reading(value: nil) }
        let magnitude = isPower ? power(base, exponent) : base.multiplied(byPowerOfTen: exponent)
        return Reading(value: negative ? magnitude?.negated : magnitude)
    }

    private static func isMarker(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "e" || scalar == "E" || scalar == "^"
    }

    /// Fullwidth digits, signs, point and markers as ASCII (the caller may not have folded them).
    private static func ascii(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x2212: return "-"
        default: return scalar
        }
    }

    /// The number before the marker: ASCII digits with an optional fraction ("21.2", ".5").
    private static func mantissa(_ head: Substring.UnicodeScalarView) -> ExactDecimal? {
        guard !head.isEmpty, head.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }) else { return nil }
        return ExactDecimal(Substring(head))
    }

    /// The exponent: signs, then one to three digits.
    private static func exponentValue(_ tail: some Collection<Unicode.Scalar>) -> Int? {
        var negative = false
        var digits = 0, value = 0
        for scalar in tail {
            switch scalar {
            case "+" where digits == 0: continue
            case "-" where digits == 0: negative.toggle()
            case "0"..."9":
                digits += 1
                value = value * 10 + Int(scalar.value - 0x30)
            default: return nil
            }
        }
        guard (1...3).contains(digits), value <= max(maxExponent, maxPower) else { return nil }
        return negative ? -value : value
    }

    /// base^n by repeated multiplication; a negative n divides 1 by base^|n|.
    private static func power(_ base: ExactDecimal, _ n: Int) -> ExactDecimal? {
        guard abs(n) <= maxPower else { return nil }
        var result = ExactDecimal(1)
        for _ in 0..<abs(n) {
            guard let r = result.multiplied(by: base) else { return nil }
            result = r
        }
        return n >= 0 ? result : ExactDecimal(1).divided(by: result, maxScale: 6)
    }
}
