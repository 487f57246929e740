/// A set of characters of which every match of a pattern must contain at least one, by a
/// conservative reading of the pattern (extended mode). A sentence that contains none of them
/// cannot match, so the rule is not run on it: most rules need a unit, keyword or sign (岁, 倍,
/// %, a currency, a deny list's words) that most sentences lack.
///
/// The set comes from one mandatory item of the pattern (a literal, a class, a group whose every
/// branch has a set, a lookaround's content): the item with the fewest characters, skipping items
/// made of digits and numerals, which every sentence that reaches the rules holds anyway.
/// `nil` means no such set was found (anything not understood counts as "no requirement").
enum RequiredCharacters {
    typealias Chars = Set<UInt32>

    static func of(_ pattern: String) -> Chars? {
        var p = Reader(Array(pattern.unicodeScalars))
        let r = p.alternation()
        return p.failed ? nil : r
    }

    /// Characters every sentence reaching the rules may hold: a set containing one is no filter.
    static func isUseful(_ chars: Chars) -> Bool {
        !chars.isEmpty && !chars.contains { c in
            (0x30...0x39).contains(c) || SentenceMatcher.numeralCharacters.contains(Unicode.Scalar(c) ?? " ")
        }
    }

    /// The better of two requirements: the smaller useful one.
    static func better(_ a: Chars?, _ b: Chars?) -> Chars? {
        let ua = a.flatMap { isUseful($0) ? $0 : nil }, ub = b.flatMap { isUseful($0) ? $0 : nil }
        switch (ua, ub) {
        case let (x?, y?): return x.count <= y.count ? x : y
        case let (x?, nil): return x
        case let (nil, y?): return y
        default: return a ?? b
        }
    }

    fileprivate struct Reader {
        let s: [Unicode.Scalar]
        var i = 0
        var failed = false
        init(_ s: [Unicode.Scalar]) { self.s = s }

        func skipped(_ k: Int) -> Int {
            var k = k
            while k < s.count {
                if s[k] == " " || s[k] == "\n" || s[k] == "\t" || s[k] == "\r" { k += 1; continue }
                if s[k] == "#" { while k < s.count && s[k] != "\n" { k += 1 }; continue }
                break
            }
            return k
        }

        /// Every branch must hold one of the union of the branches' sets.
        mutating func alternation() -> Chars? {
            var result: Chars? = []
            while true {
                let branch = sequence()
                if let r = result, let b = branch, !b.isEmpty { result = r.union(b) } else { result = nil }
                i = skipped(i)
                if i < s.count && s[i] == "|" { i += 1; continue }
                return result.flatMap { $0.isEmpty ? nil : $0 }
            }
        }

        /// The best requirement among the mandatory items of a sequence.
        mutating func sequence() -> Chars? {
            var best: Chars? = nil
            while true {
                i = skipped(i)
                if failed || i >= s.count || s[i] == "|" || s[i] == ")" { return best }
                let item = atom()
                let mandatory = quantifier()
                if mandatory { best = better(best, item.required) }
                if let la = item.lookaround { best = better(best, la) }
            }
        }

        /// Whether the quantifier (if any) asks for at least one repetition.
        mutating func quantifier() -> Bool {
            i = skipped(i)
            guard i < s.count else { return true }
            var mandatory = true
            switch s[i] {
            case "?", "*": mandatory = false; i += 1
            case "+": i += 1
            case "{":
                var k = i + 1
                var text = ""
                while k < s.count, ("0"..."9").contains(s[k]) || s[k] == "," { text.unicodeScalars.append(s[k]); k += 1 }
                guard k < s.count, s[k] == "}", let lo = text.split(separator: ",", omittingEmptySubsequences: false).first, let n = Int(lo) else { return true }
                mandatory = n > 0
                i = k + 1
            default: return true
            }
            if i < s.count, s[i] == "?" || s[i] == "+" { i += 1 }
            return mandatory
        }

        /// An item: what it requires when it occurs, and (for a positive lookaround) what the
        /// sentence must contain wherever the item is.
        mutating func atom() -> (required: Chars?, lookaround: Chars?) {
            let c = s[i]
            switch c {
            case "(": return group()
            case "[": return (charClass(), nil)
            case "\\": return (escape(), nil)
            case ".", "^", "$": i += 1; return (nil, nil)
            default: i += 1; return ([c.value], nil)
            }
        }

        mutating func group() -> (required: Chars?, lookaround: Chars?) {
            i += 1
            var kind = 0   // 0 group, 1 positive lookaround, 2 negative lookaround
            if i < s.count, s[i] == "?" {
                let rest = String(String.UnicodeScalarView(s[i..<min(s.count, i + 4)]))
                if rest.hasPrefix("?:") || rest.hasPrefix("?|") || rest.hasPrefix("?>") { i += 2 }
                else if rest.hasPrefix("?=") { i += 2; kind = 1 }
                else if rest.hasPrefix("?!") { i += 2; kind = 2 }
                else if rest.hasPrefix("?<=") { i += 3; kind = 1 }
                else if rest.hasPrefix("?<!") { i += 3; kind = 2 }
                else if rest.hasPrefix("?<") || rest.hasPrefix("?P<") { while i < s.count, s[i] != ">" { i += 1 }; i += 1 }
                else if rest.hasPrefix("?x)") || rest.hasPrefix("?J)") { i += 3; return (nil, nil) }
                else { failed = true; return (nil, nil) }
            } else if i < s.count, s[i] == "*" { failed = true; return (nil, nil) }
            let inner = alternation()
            i = skipped(i)
            guard i < s.count, s[i] == ")" else { failed = true; return (nil, nil) }
            i += 1
            switch kind {
            case 1: return (nil, inner)
            case 2: return (nil, nil)
            default: return (inner, nil)
            }
        }

        mutating func escape() -> Chars? {
            guard i + 1 < s.count else { failed = true; return nil }
            let e = s[i + 1]
            i += 2
            if e == "x", i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") {
                defer { i = close + 1 }
                return UInt32(String(String.UnicodeScalarView(s[(i + 1)..<close])), radix: 16).map { [$0] }
            }
            if e.properties.isAlphabetic || ("0"..."9").contains(e) {
                if e == "p" || e == "P", i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") { i = close + 1 }
                return nil   // \d \w \K \b \p{…} …: no literal requirement
            }
            return [e.value]
        }

        /// A positive class of at most 4096 characters; nil otherwise.
        mutating func charClass() -> Chars? {
            i += 1
            var negated = false
            if i < s.count, s[i] == "^" { negated = true; i += 1 }
            var set: Chars = []
            var bad = negated
            var firstItem = true
            while i < s.count {
                if s[i] == "]" && !firstItem { i += 1; return bad ? nil : set }
                firstItem = false
                guard let lo = classChar() else { bad = true; continue }
                if i + 1 < s.count, s[i] == "-", s[i + 1] != "]" {
                    i += 1
                    guard let hi = classChar(), hi >= lo, hi - lo < 4096 else { bad = true; continue }
                    for v in lo...hi { set.insert(v) }
                } else {
                    set.insert(lo)
                }
            }
            failed = true
            return nil
        }

        mutating func classChar() -> UInt32? {
            guard s[i] == "\\" else { defer { i += 1 }; return s[i].value }
            guard i + 1 < s.count else { i += 1; return nil }
            let e = s[i + 1]
            i += 2
            if e == "x", i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") {
                defer { i = close + 1 }
                return UInt32(String(String.UnicodeScalarView(s[(i + 1)..<close])), radix: 16)
            }
            if e == "p" || e == "P", i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") { i = close + 1; return nil }
            return e.properties.isAlphabetic || ("0"..."9").contains(e) ? nil : e.value
        }
    }
}
