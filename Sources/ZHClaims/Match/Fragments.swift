/// Named regex fragments shared by rules (as in Recognizers-Text): a pattern refers to one as
/// `{name}` and gets it wrapped in a non-capturing group. Quantifiers (`{2}`, `{1,3}`) and
/// escapes such as `\p{Han}` or `\x{4E00}` are left alone.
struct Fragments {
    private(set) var patterns: [String: (pattern: String, location: RuleLocation)] = [:]
    /// Per fragment, a lookahead on its first characters put in front of its expansion (see
    /// `addGuards`).
    private var guards: [String: String] = [:]
    /// Each fragment's expansion, once computed (see `addGuards`): rules share the numeral and
    /// unit fragments, and expanding them again for every rule was a third of the start-up time.
    private var expanded: [String: String] = [:]

    mutating func define(_ name: String, _ pattern: String, at location: RuleLocation) {
        patterns[name] = (pattern, location)
    }

    func isDefined(_ name: String) -> Bool { patterns[name] != nil }

    enum ExpansionError: Error { case unknown(String), cycle([String]) }

    /// Expands every `{name}` recursively.
    func expand(_ pattern: String) throws(ExpansionError) -> String {
        try expand(pattern, stack: [])
    }

    private func expand(_ pattern: String, stack: [String]) throws(ExpansionError) -> String {
        var out = ""
        var chars = Array(pattern)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "\\", let next = chars.first {
                out.append(c); out.append(next)
                chars = chars.dropFirst()
                if "pPxNogk".contains(next), chars.first == "{", let close = chars.firstIndex(of: "}") {
                    out.append(contentsOf: chars[...close])   // \p{Han}, \x{…}: not a fragment
                    chars = chars[(close + 1)...]
                }
                continue
            }
            if c == "{", let close = chars.firstIndex(of: "}"), let name = Optional(String(chars[..<close])),
               Self.isName(name) {
                guard let fragment = patterns[name] else { throw .unknown(name) }
                if stack.contains(name) { throw .cycle(stack + [name]) }
                let body: String
                if let cached = expanded[name] { body = cached } else { body = try expand(fragment.pattern, stack: stack + [name]) }
                out += "(?:" + (guards[name] ?? "") + body + ")"
                chars = chars[(close + 1)...]
                continue
            }
            out.append(c)
        }
        return out
    }

    /// Puts `(?=[first characters])` in front of every fragment that is a long alternation with
    /// few first characters (`approx_pre`: 30 words, 17 first characters). PCRE2 tries the
    /// branches of an alternation one by one, so a rule whose match starts with an optional
    /// approx word paid for 30 failed branches at each digit it was tried at; the class test
    /// fails at once. The set comes from `PatternFacts` (the characters a match can begin with),
    /// so the guard never rejects a match: fragments that can match empty get none.
    ///
    /// Also fills the cache of expansions, first without guards (the guards are read from
    /// those), then with them; a fragment that does not expand (an unknown name, a cycle) stays
    /// out of the cache, so the rule using it gets the error.
    mutating func addGuards() {
        guards = [:]
        cacheExpansions()
        let memo = PatternFacts.GroupMemo()
        for (name, fragment) in patterns {
            guard let expanded = try? expand(fragment.pattern), Self.topLevelBranches(expanded) >= Self.guardMinBranches,
                  let first = PatternFacts.of("(?x)" + expanded, memo: memo)?.first, !first.isEmpty,
                  first.count <= Self.guardMaxCharacters, first.allSatisfy({ $0 < 0x10000 }) else { continue }
            guards[name] = "(?=[" + first.sorted().map { "\\x{" + String($0, radix: 16) + "}" }.joined() + "])"
        }
        cacheExpansions()
    }

    /// Expands every fragment once into `expanded` (with the current guards), each reusing the
    /// expansions cached before it.
    private mutating func cacheExpansions() {
        expanded = [:]
        for name in patterns.keys.sorted() {
            if let body = try? expand(patterns[name]!.pattern, stack: [name]) { expanded[name] = body }
        }
    }

    /// Guards pay off for long alternations, and a class of many Chinese characters is itself a
    /// slow test in PCRE2's JIT. Measured with callgrind on 2.7 MB of news: these bounds gave the
    /// fewest instructions (PCRE2 −14 %); guarding the classifier and measure-unit lists too
    /// (100+ first characters) cost more than it saved.
    static let guardMinBranches = 12
    static let guardMaxCharacters = 64

    /// How many branches the top level of `pattern` has (1 when it is no alternation), looking
    /// inside one non-capturing group that holds the whole pattern: `(?:a|b|c)` has 3.
    static func topLevelBranches(_ pattern: String) -> Int {
        let chars = Array(pattern.unicodeScalars).filter { $0 != " " && $0 != "\n" }
        var depth = 0, branches = 1, inClass = false, escaped = false
        var outerCloses: Int? = nil   // where the group opened at 0 closes
        for (k, c) in chars.enumerated() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass:
                depth -= 1
                if depth == 0, outerCloses == nil { outerCloses = k }
            case "|" where !inClass && depth == 0: branches += 1
            default: break
            }
        }
        let wrapped = chars.starts(with: "(?:".unicodeScalars) && outerCloses == chars.count - 1
        guard wrapped, branches == 1 else { return branches }
        return topLevelBranches(String(String.UnicodeScalarView(chars[3..<(chars.count - 1)])))
    }

    /// A fragment name: a letter or `_` first, then letters, digits, `_`. (`{2,3}` is a quantifier.)
    static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.properties.isAlphabetic && first.isASCII) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
