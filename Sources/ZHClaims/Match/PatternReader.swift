/// Reads an extended-mode pattern into `AlternationFactoring`'s tree: literals, groups with their
/// branches, and everything else as text kept verbatim. Strict: whatever could change meaning
/// when moved or re-emitted (backreferences, `\Q…\E`, option settings, conditionals, verbs) sets
/// `failed`, and the pattern is then compiled as written.
struct PatternReader {
    typealias Node = AlternationFactoring.Node
    private let s: [Unicode.Scalar]
    private var i = 0
    private(set) var failed = false
    var atEnd: Bool { i >= s.count }

    init(_ s: [Unicode.Scalar]) { self.s = s }

    /// Branches up to the `)` closing the current group (not consumed) or the end.
    mutating func alternation() -> [[Node]] {
        var branches: [[Node]] = [sequence()]
        while !failed, i < s.count, s[i] == "|" {
            i += 1
            branches.append(sequence())
        }
        return branches
    }

    private mutating func sequence() -> [Node] {
        var nodes: [Node] = []
        while !failed {
            skipIgnored()
            guard i < s.count, s[i] != "|", s[i] != ")" else { break }
            guard let node = atom() else { failed = true; break }
            nodes.append(node)
        }
        return nodes
    }

    private mutating func atom() -> Node? {
        let c = s[i]
        switch c {
        case "(": return group()
        case "[":
            guard let text = characterClass() else { return nil }
            return .verbatim(text, quantifier: quantifier())
        case "\\": return escape()
        case ".", "^", "$":
            i += 1
            return .verbatim(String(c), quantifier: quantifier())
        case "*", "+", "?": return nil
        // `{,3}` is a literal before PCRE2 10.43 and a quantifier from it on: not read.
        case "{" where quantifierLength(at: i) != nil || (i + 1 < s.count && s[i + 1] == ","): return nil
        default:
            i += 1
            return .literal(c, quantifier: quantifier())
        }
    }

    private mutating func group() -> Node? {
        let openers = ["(?:", "(?=", "(?!", "(?<=", "(?<!", "(?>"]
        var opener = "("
        if let known = openers.first(where: { starts(with: $0) }) {
            opener = known
        } else if starts(with: "(?<") || starts(with: "(?P<") {
            guard let close = s[i...].firstIndex(of: ">") else { return nil }
            let name = s[(i + (starts(with: "(?P<") ? 4 : 3))..<close]
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }) else { return nil }
            opener = String(String.UnicodeScalarView(s[i...close]))
        } else if i + 1 < s.count && (s[i + 1] == "?" || s[i + 1] == "*") {
            return nil
        }
        i += opener.unicodeScalars.count
        let branches = alternation()
        guard !failed, i < s.count, s[i] == ")" else { return nil }
        i += 1
        return .group(opener: opener, branches: branches, quantifier: quantifier())
    }

    /// A class kept as written, nested POSIX classes and escapes included.
    private mutating func characterClass() -> String? {
        let start = i
        i += 1
        if i < s.count, s[i] == "^" { i += 1 }
        if i < s.count, s[i] == "]" { i += 1 }
        while i < s.count, s[i] != "]" {
            if s[i] == "\\" {
                guard i + 1 < s.count, !"QEcg0123456789".unicodeScalars.contains(s[i + 1]) else { return nil }
                i += 2
                if i < s.count, s[i] == "{", "xpPNo".unicodeScalars.contains(s[i - 1]) {
                    guard let close = s[i...].firstIndex(of: "}") else { return nil }
                    i = close + 1
                }
            } else if s[i] == "[", i + 1 < s.count, s[i + 1] == ":" {
                guard let close = find(":]", from: i + 2) else { return nil }
                i = close + 2
            } else {
                i += 1
            }
        }
        guard i < s.count else { return nil }
        i += 1
        return String(String.UnicodeScalarView(s[start..<i]))
    }

    private mutating func escape() -> Node? {
        guard i + 1 < s.count else { return nil }
        let e = s[i + 1]
        i += 2
        if !e.isASCII || !(e.properties.isAlphabetic || ("0"..."9").contains(e)) {
            return .literal(e, quantifier: quantifier())
        }
        switch e {
        case "x":
            guard i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}"),
                  let v = UInt32(String(String.UnicodeScalarView(s[(i + 1)..<close])), radix: 16),
                  let c = Unicode.Scalar(v) else { return nil }
            i = close + 1
            return .literal(c, quantifier: quantifier())
        case "p", "P":
            let start = i - 2
            if i < s.count, s[i] == "{" {
                guard let close = s[i...].firstIndex(of: "}") else { return nil }
                i = close + 1
            } else {
                i += 1
            }
            guard i <= s.count else { return nil }
            return .verbatim(String(String.UnicodeScalarView(s[start..<i])), quantifier: quantifier())
        case "d", "D", "s", "S", "w", "W", "h", "H", "v", "V", "R", "X", "b", "B", "A", "z", "Z", "G", "K",
             "n", "t", "r", "f", "e", "a":
            return .verbatim("\\" + String(e), quantifier: quantifier())
        default:
            return nil
        }
    }

    /// A quantifier after an atom (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy or
    /// possessive), or "".
    private mutating func quantifier() -> String {
        skipIgnored()
        guard i < s.count else { return "" }
        var q = ""
        if "*+?".unicodeScalars.contains(s[i]) {
            q = String(s[i])
            i += 1
        } else if s[i] == "{", let n = quantifierLength(at: i) {
            q = String(String.UnicodeScalarView(s[i..<(i + n)]))
            i += n
        } else {
            return ""
        }
        if i < s.count, s[i] == "?" || s[i] == "+" {
            q.unicodeScalars.append(s[i])
            i += 1
        }
        return q
    }

    /// The length of a `{n}`, `{n,}` or `{n,m}` quantifier at `k`, or nil (then `{` is a literal).
    private func quantifierLength(at k: Int) -> Int? {
        var j = k + 1, digits = 0
        while j < s.count, ("0"..."9").contains(s[j]) { j += 1; digits += 1 }
        guard digits > 0, j < s.count else { return nil }
        if s[j] == "," {
            j += 1
            while j < s.count, ("0"..."9").contains(s[j]) { j += 1 }
        }
        guard j < s.count, s[j] == "}" else { return nil }
        return j + 1 - k
    }

    /// Skips extended-mode whitespace and `#` comments.
    private mutating func skipIgnored() {
        while i < s.count {
            if s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" || s[i] == "\u{0B}" || s[i] == "\u{0C}" {
                i += 1
            } else if s[i] == "#" {
                while i < s.count, s[i] != "\n" { i += 1 }
            } else {
                break
            }
        }
    }

    private func starts(with prefix: String) -> Bool {
        var k = i
        for c in prefix.unicodeScalars {
            guard k < s.count, s[k] == c else { return false }
            k += 1
        }
        return true
    }

    private func find(_ text: String, from k: Int) -> Int? {
        let t = Array(text.unicodeScalars)
        return (k..<max(k, s.count - t.count + 1)).first { s[$0..<($0 + t.count)].elementsEqual(t) }
    }
}
