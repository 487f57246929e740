/// Rewrites the long word lists of a pattern as tries before PCRE2 compiles it, without changing
/// what it matches.
///
/// Why: PCRE2 (and its JIT) tries the branches of an alternation one after the other, so a rule
/// whose pattern holds a list of 200 classifiers or deny words pays for up to 200 failed branches
/// at every position it is tried at. Grouped by their first character, `一些|一起|万一|一直`
/// becomes `一(?:[些起直])|万一`: one test per distinct first character, then one class test.
///
/// Why it matches the same: branches that begin with different literal characters can never
/// both match at one position, so gathering the branches of each first character in one place,
/// each group keeping its branches in their order, leaves PCRE2 the same choices in the same
/// order, backtracking included. Only runs of branches that begin with a literal character are
/// regrouped: any other branch (a class, a lookaround, an optional character) stays where it is
/// and ends the run. Left alone: alternations holding capturing groups (their numbers would
/// change), and lookbehinds (PCRE2 needs each of their branches to have one fixed length).
/// Anything the reader does not know (backreferences, `\Q…\E`, option settings other than a
/// leading `(?x)`, conditionals) leaves the whole pattern unchanged (`nil`).
///
/// Patterns are read in extended mode, as rules are compiled (`(?x)`): whitespace and `#`
/// comments outside classes are dropped from the output.
enum AlternationFactoring {
    indirect enum Node: Equatable {
        case literal(Unicode.Scalar, quantifier: String)
        /// A class, an escape that is no literal, `.`, `^` or `$`.
        case verbatim(String, quantifier: String)
        case group(opener: String, branches: [[Node]], quantifier: String)

        /// The literal a branch must begin with, when it is one with no quantifier.
        var leadingLiteral: Unicode.Scalar? {
            if case let .literal(c, quantifier: "") = self { return c }
            return nil
        }
    }

    /// The pattern with its alternations factored, or nil when it holds something not understood.
    /// The pattern must begin with `(?x)` (as rules are compiled); any other option setting is
    /// not understood.
    static func factored(_ pattern: String) -> String? {
        guard pattern.hasPrefix("(?x)") else { return nil }
        var reader = PatternReader(Array(pattern.unicodeScalars.dropFirst(4)))
        let branches = reader.alternation()
        guard !reader.failed, reader.atEnd else { return nil }
        return "(?x)" + emit(factor(branches))
    }

    /// Factors `branches` and, inside them, every group that may be factored.
    static func factor(_ branches: [[Node]]) -> [[Node]] {
        let inner = branches.map { $0.map(factorInside) }
        guard inner.count > 1, !inner.contains(where: { $0.contains(where: holdsCapture) }) else { return inner }
        var out: [[Node]] = []
        var run: [[Node]] = []
        for branch in inner {
            if branch.first?.leadingLiteral != nil {
                run.append(branch)
            } else {
                out += trie(run)
                run = []
                out.append(branch)
            }
        }
        return out + trie(run)
    }

    /// A run of branches that each begin with a literal, grouped by that literal (in the order
    /// of first appearance). Groups that are one character and nothing more become one class.
    private static func trie(_ run: [[Node]]) -> [[Node]] {
        guard run.count > 1 else { return run }
        var order: [Unicode.Scalar] = []
        var rests: [Unicode.Scalar: [[Node]]] = [:]
        for branch in run {
            let c = branch[0].leadingLiteral!
            if rests[c] == nil { order.append(c) }
            rests[c, default: []].append(Array(branch.dropFirst()))
        }
        var out: [[Node]] = []
        var single: [Unicode.Scalar] = []
        var classAt: Int? = nil
        for c in order {
            let group = rests[c]!
            if group.count == 1 && group[0].isEmpty {
                if classAt == nil { classAt = out.count; out.append([]) }
                single.append(c)
            } else if group.count == 1 {
                out.append([.literal(c, quantifier: "")] + group[0])
            } else {
                out.append([.literal(c, quantifier: ""), .group(opener: "(?:", branches: factor(group), quantifier: "")])
            }
        }
        if let at = classAt {
            out[at] = single.count == 1
                ? [.literal(single[0], quantifier: "")]
                : [.verbatim("[" + single.map(escapedInClass).joined() + "]", quantifier: "")]
        }
        return out
    }

    private static func factorInside(_ node: Node) -> Node {
        guard case let .group(opener, branches, quantifier) = node, !isLookbehind(opener) else { return node }
        return .group(opener: opener, branches: factor(branches), quantifier: quantifier)
    }

    private static func isLookbehind(_ opener: String) -> Bool { opener == "(?<=" || opener == "(?<!" }

    private static func holdsCapture(_ node: Node) -> Bool {
        guard case let .group(opener, branches, _) = node else { return false }
        return !["(?:", "(?=", "(?!", "(?<=", "(?<!", "(?>"].contains(opener)
            || branches.contains { $0.contains(where: holdsCapture) }
    }

    static func emit(_ branches: [[Node]]) -> String {
        branches.map { $0.map(emit).joined() }.joined(separator: "|")
    }

    private static func emit(_ node: Node) -> String {
        switch node {
        case let .literal(c, q): return escaped(c) + q
        case let .verbatim(text, q): return text + q
        case let .group(opener, branches, q): return opener + emit(branches) + ")" + q
        }
    }

    /// A literal as extended-mode pattern text: ASCII other than letters and digits escaped.
    private static func escaped(_ c: Unicode.Scalar) -> String {
        guard c.isASCII else { return String(c) }
        let v = c.value
        if (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { return String(c) }
        if v > 0x20 && v < 0x7F { return "\\" + String(c) }
        return "\\x{" + String(v, radix: 16) + "}"
    }

    private static func escapedInClass(_ c: Unicode.Scalar) -> String {
        let v = c.value
        let plain = !c.isASCII || (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        return plain ? String(c) : "\\x{" + String(v, radix: 16) + "}"
    }
}
