// Reads one rule file (YAML, through Yams) into plain values with source lines. The only file that
// imports Yams; everything after this works on `RawRuleFile`.
import Yams

/// A rule file as written: fragments, rules and disabled ids, with line numbers.
struct RawRuleFile {
    var fragments: [(name: String, pattern: String, location: RuleLocation)] = []
    var rules: [RawRule] = []
    var disabled: [(id: String, location: RuleLocation)] = []
}

struct RawRule {
    var fields: [String: (value: String?, location: RuleLocation)] = [:]
    var examples: [RuleExample] = []
    var location: RuleLocation
    /// Where pattern text starts: line, column and whether it is a block scalar (| or >).
    var patternStart: (line: Int, column: Int, block: Bool, quoted: Bool)?
    var id: String? { fields["id"]?.value ?? nil }
}

enum RuleFileParser {
    static let fileKeys: Set<String> = ["fragments", "rules", "disable", "description"]
    static let ruleKeys: Set<String> = ["id", "kind", "deny", "pattern", "priority", "unit", "approx", "change", "scale", "examples", "description"]
    static let exampleKeys: Set<String> = ["text", "expect", "note"]
    static let claimKeys: Set<String> = ["text", "kind", "value", "unit", "currency", "approx", "change", "basis", "high", "date", "subject", "rule"]

    /// Parses `text` (the contents of `file`); problems are appended to `diagnostics`.
    static func parse(_ text: String, file: String, into diagnostics: inout [RuleDiagnostic]) -> RawRuleFile {
        var out = RawRuleFile()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.append(RuleDiagnostic(yamlLocation(error, file), nil, "YAML: \(yamlMessage(error))"))
            return out
        } catch {
            diagnostics.append(RuleDiagnostic(RuleLocation(file: file, line: 1), nil, "YAML: \(error)"))
            return out
        }
        guard let root else { return out }  // an empty file is a valid, empty rule file
        guard let top = root.mapping else {
            diagnostics.append(RuleDiagnostic(loc(root, file), nil, "a rule file is a mapping with keys fragments, rules, disable"))
            return out
        }
        for (key, value) in top {
            let name = key.string ?? ""
            switch name {
            case "fragments":
                guard let map = value.mapping else { diagnostics.append(RuleDiagnostic(loc(value, file), nil, "fragments must be a mapping of name: pattern")); continue }
                for (k, v) in map {
                    guard let fname = k.string, let pattern = v.string else {
                        diagnostics.append(RuleDiagnostic(loc(k, file), nil, "fragment must be name: pattern (a string)")); continue
                    }
                    out.fragments.append((fname, pattern, loc(k, file)))
                }
            case "rules":
                guard let seq = value.sequence else { diagnostics.append(RuleDiagnostic(loc(value, file), nil, "rules must be a list")); continue }
                for item in seq { if let rule = parseRule(item, file: file, &diagnostics) { out.rules.append(rule) } }
            case "disable":
                for item in value.sequence.map(Array.init) ?? [value] {
                    if let id = item.string { out.disabled.append((id, loc(item, file))) }
                    else { diagnostics.append(RuleDiagnostic(loc(item, file), nil, "disable takes rule ids")) }
                }
            case "description": break
            default:
                diagnostics.append(RuleDiagnostic(loc(key, file), nil, "unknown key '\(name)' (expected one of \(fileKeys.sorted().joined(separator: ", ")))"))
            }
        }
        return out
    }

    private static func parseRule(_ node: Node, file: String, _ diagnostics: inout [RuleDiagnostic]) -> RawRule? {
        guard let map = node.mapping else {
            diagnostics.append(RuleDiagnostic(loc(node, file), nil, "a rule is a mapping (id, kind, pattern, examples, …)")); return nil
        }
        var rule = RawRule(location: loc(node, file))
        let id = value(map, "id")?.string
        for (key, value) in map {
            let name = key.string ?? ""
            if name == "examples" {
                guard let seq = value.sequence else { diagnostics.append(RuleDiagnostic(loc(value, file), id, "examples must be a list")); continue }
                for ex in seq { if let e = parseExample(ex, file: file, id: id, &diagnostics) { rule.examples.append(e) } }
            } else if ruleKeys.contains(name) {
                guard let scalar = value.scalar else { diagnostics.append(RuleDiagnostic(loc(value, file), id, "'\(name)' must be a single value")); continue }
                rule.fields[name] = (value.null != nil ? nil : scalar.string, loc(value, file))
                if name == "pattern", let mark = scalar.mark {
                    let block = scalar.style == .literal || scalar.style == .folded
                    let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                    rule.patternStart = (mark.line, mark.column, block, quoted)
                }
            } else {
                diagnostics.append(RuleDiagnostic(loc(key, file), id, "unknown key '\(name)' (expected one of \(ruleKeys.sorted().joined(separator: ", ")))"))
            }
        }
        return rule
    }

    private static func parseExample(_ node: Node, file: String, id: String?, _ diagnostics: inout [RuleDiagnostic]) -> RuleExample? {
        guard let map = node.mapping, let text = value(map, "text")?.string else {
            diagnostics.append(RuleDiagnostic(loc(node, file), id, "an example is a mapping with text and expect")); return nil
        }
        for (key, _) in map where !exampleKeys.contains(key.string ?? "") {
            diagnostics.append(RuleDiagnostic(loc(key, file), id, "unknown example key '\(key.string ?? "")' (expected text, expect, note)"))
        }
        var expected: [ExpectedClaim] = []
        guard let expectNode = value(map, "expect") else {
            diagnostics.append(RuleDiagnostic(loc(node, file), id, "example has no 'expect' (use expect: [] for a negative example)")); return nil
        }
        for claim in expectNode.sequence.map(Array.init) ?? [] {
            guard let cmap = claim.mapping else {
                diagnostics.append(RuleDiagnostic(loc(claim, file), id, "an expected claim is a mapping such as {text: 3宗, value: 3, unit: 宗}")); continue
            }
            var fields: [(key: String, value: String?)] = []
            for (k, v) in cmap {
                let key = k.string ?? ""
                guard claimKeys.contains(key) else {
                    diagnostics.append(RuleDiagnostic(loc(k, file), id, "unknown claim field '\(key)' (expected one of \(claimKeys.sorted().joined(separator: ", ")))")); continue
                }
                let isNull = v.null != nil
                fields.append((key, isNull ? nil : v.string))
            }
            if !fields.contains(where: { $0.key == "text" }) {
                diagnostics.append(RuleDiagnostic(loc(claim, file), id, "an expected claim needs its text"))
            }
            expected.append(ExpectedClaim(fields: fields))
        }
        if expectNode.sequence == nil {
            diagnostics.append(RuleDiagnostic(loc(expectNode, file), id, "expect must be a list of claims ([] for none)"))
        }
        return RuleExample(text: text, expected: expected, location: loc(node, file))
    }

    /// The value of `key` in `map` (the last one, as YAML readers take it). Yams' own
    /// `map[key]` resolves the tag of every key it compares through a regular expression, which
    /// took a tenth of the start-up.
    private static func value(_ map: Node.Mapping, _ key: String) -> Node? {
        var found: Node? = nil
        for (k, v) in map where k.string == key { found = v }
        return found
    }

    private static func loc(_ node: Node, _ file: String) -> RuleLocation {
        RuleLocation(file: file, line: node.mark?.line ?? 1)
    }

    private static func yamlLocation(_ error: YamlError, _ file: String) -> RuleLocation {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return RuleLocation(file: file, line: mark.line)
        default: return RuleLocation(file: file, line: 1)
        }
    }

    private static func yamlMessage(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        case let .reader(problem, _, _, _): return problem
        default: return "\(error)"
        }
    }
}
