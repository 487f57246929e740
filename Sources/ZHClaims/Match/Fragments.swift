/// Named regex fragments shared by rules (as in Recognizers-Text): a pattern refers to one as
/// `{name}` and gets it wrapped in a non-capturing group. Quantifiers (`{2}`, `{1,3}`) and
/// escapes such as `\p{Han}` or `\x{4E00}` are left alone.
struct Fragments {
    private(set) var patterns: [String: (pattern: String, location: RuleLocation)] = [:]

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
                out += "(?:" + (try expand(fragment.pattern, stack: stack + [name])) + ")"
                chars = chars[(close + 1)...]
                continue
            }
            out.append(c)
        }
        return out
    }

    /// A fragment name: a letter or `_` first, then letters, digits, `_`. (`{2,3}` is a quantifier.)
    static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.properties.isAlphabetic && first.isASCII) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
