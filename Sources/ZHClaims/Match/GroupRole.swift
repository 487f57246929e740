/// What a named group in a rule pattern means to the resolver. Regexes find spans; the resolver
/// computes values from the text these groups captured. Groups named `ctx…` are context only
/// (matched, never read); any other name is an error in the rule file.
public enum GroupRole: String, CaseIterable, Sendable {
    /// The number (Arabic, Chinese, financial or mixed; may include 万/亿).
    case num
    /// A multiplier written after the number (万, 亿, 万亿, 千万 …), outside `num`.
    case mult
    /// Upper bound of a range, and its own multiplier (which also applies to a bare lower bound).
    case high, high_mult
    /// Upper bound written as the last digit of `num` only (一万六七 → 一万七, 三十五六岁 → 三十六).
    case high_tail
    /// A vague numeral (十几, 几十, 数百, 上万 …): value is the named magnitude, approx over.
    case vague
    /// A marker of a negative value (负, 零下, -).
    case neg
    /// Approximation words before, inside (7400多万) and after the number.
    case approx, approx_mid, approx_post
    /// The unit or classifier, normalised by the unit table.
    case unit
    /// A currency word written before the number (人民币, 美元, $, ¥ …), usually outside the span.
    case currency
    /// A change verb (增长, 下降 …) and the basis word (同比, 环比).
    case change, basis
    /// X分之Y: `denom` is X, `numer` is Y.
    case numer, denom
    /// 半 after a number or alone: adds one half.
    case half
    /// 翻番: the doubling words (翻两番 → ×4; 翻番, 翻倍 alone → ×2).
    case doublings
    /// Digits written after a unit that continue the value (12秒58 → 12.58).
    case frac
    /// Subunits after the upper bound's unit (五块六到五块七毛八: 七毛八 continues the high bound).
    case high_frac
    /// Date and time parts.
    case year, month, day, hour, minute, second, ampm
    /// The unit written after a range's lower bound (45分钟到1小时): when it differs from `unit`,
    /// both bounds are read in the smaller unit, or the range is dropped if they do not convert.
    case low_unit
    /// The upper bound of a range of ratios written A:B (1:66-1:33): its A and B.
    case high_numer, high_denom
    /// The place of a pair after a written head (一千二三百: 百): both bounds end in it, so
    /// 一万二三百 is 10200 to 10300 (一万二 alone would read 12000).
    case tail_mult
}

extension GroupRole {
    /// Position in `allCases` (declaration order), for array-indexed tables: group slots are read
    /// for every group of every candidate, and a dictionary keyed by role hashed each time.
    /// `GroupRoleTests` checks it against `allCases`.
    var index: Int {
        switch self {
        case .num: 0
        case .mult: 1
        case .high: 2
        case .high_mult: 3
        case .high_tail: 4
        case .vague: 5
        case .neg: 6
        case .approx: 7
        case .approx_mid: 8
        case .approx_post: 9
        case .unit: 10
        case .currency: 11
        case .change: 12
        case .basis: 13
        case .numer: 14
        case .denom: 15
        case .half: 16
        case .doublings: 17
        case .frac: 18
        case .high_frac: 19
        case .year: 20
        case .month: 21
        case .day: 22
        case .hour: 23
        case .minute: 24
        case .second: 25
        case .ampm: 26
        case .low_unit: 27
        case .high_numer: 28
        case .high_denom: 29
        case .tail_mult: 30
        }
    }
}

/// Group numbers of one compiled pattern, by role (empty when the pattern lacks the group).
public struct GroupSlots: Sendable {
    private var numbers: [[Int]] = Array(repeating: [], count: GroupRole.allCases.count)

    init(_ groupNumbers: [String: [Int]]) {
        for (name, list) in groupNumbers {
            if let role = GroupRole(rawValue: name) { numbers[role.index] = list.sorted() }
        }
    }

    /// Read for every group of every candidate: an array index, no hashing.
    public subscript(role: GroupRole) -> [Int] { numbers[role.index] }

    /// Names that are neither a role nor context.
    static func unknownNames(_ groupNumbers: [String: [Int]]) -> [String] {
        groupNumbers.keys.filter { GroupRole(rawValue: $0) == nil && !$0.hasPrefix("ctx") }.sorted()
    }
}
