/// The kinds of claim (CONVENTIONS.md, "kind").
public enum ClaimKind: String, Sendable, CaseIterable {
    case count, money, percent, change, measure, duration, age, rank, multiple, ratio, date
}

public enum Approx: String, Sendable, CaseIterable { case about, over, under, at_least, at_most }
public enum ChangeDirection: String, Sendable, CaseIterable { case up, down }
public enum Basis: String, Sendable, CaseIterable { case yoy, mom }

/// Where something was written in a rule file, for `file:line: rule-id: message` diagnostics.
public struct RuleLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public var description: String { "\(file):\(line)" }
}

/// A claim an example expects. Only the fields given are checked; `text` is always given.
public struct ExpectedClaim: Sendable {
    public var fields: [(key: String, value: String?)]
    public var text: String? { fields.first { $0.key == "text" }?.value ?? nil }
}

/// A rule example: a text and the claims the whole rule set must produce for it, in order
/// (an empty list is a negative example: nothing may come out).
public struct RuleExample: Sendable {
    public let text: String
    public let expected: [ExpectedClaim]
    public let location: RuleLocation
}

/// One rule as written in a rule file, with its fragments already expanded.
public struct Rule: Sendable {
    public let id: String
    /// nil for a deny rule: its matches only block other candidates.
    public let kind: ClaimKind?
    public let pattern: String
    /// The pattern as written (before fragment expansion), for messages.
    public let rawPattern: String
    public let priority: Int
    /// Fixed claim fields that override what the groups say.
    public let unit: String?
    public let approx: Approx?
    public let change: ChangeDirection?
    /// Multiplies the value, e.g. 10 for 成 (tenths) read as percent.
    public let scale: ExactDecimal?
    public let examples: [RuleExample]
    public let location: RuleLocation
    /// The line of the `pattern:` key, to map PCRE2 compile offsets to file:line:column.
    public let patternLocation: RuleLocation

    public var isDeny: Bool { kind == nil }
}

/// A problem in a rule file, printed as `file:line: rule-id: message` (or `file:line: message`).
public struct RuleDiagnostic: Error, Sendable, CustomStringConvertible {
    public let location: RuleLocation
    public let ruleID: String?
    public let message: String
    public init(_ location: RuleLocation, _ ruleID: String?, _ message: String) {
        self.location = location
        self.ruleID = ruleID
        self.message = message
    }
    public var description: String {
        if let ruleID { return "\(location): \(ruleID): \(message)" }
        return "\(location): \(message)"
    }
}

/// Several rule problems at once: `rules check` reports every one in a single run.
public struct RuleErrors: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [RuleDiagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
