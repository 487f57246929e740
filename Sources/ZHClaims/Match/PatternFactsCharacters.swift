// PatternFactsCharacters.swift — how PatternFacts.Reader reads escapes and character classes:
// the characters one atom may consume, or nil when they cannot be listed.

extension PatternFacts.Reader {
    typealias Item = PatternFacts.Item
    typealias Chars = PatternFacts.Chars
    typealias Start = PatternFacts.Start

    mutating func escape() -> Item {
        guard i + 1 < s.count else { failed = true; return Item(required: nil, start: .any) }
        let e = s[i + 1]
        i += 2
        if e == "x", i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") {
            defer { i = close + 1 }
            let c = UInt32(String(String.UnicodeScalarView(s[(i + 1)..<close])), radix: 16).map { Chars([$0]) }
            consumes(c)
            return Item(required: c, start: .char(c))
        }
        if e.properties.isAlphabetic || ("0"..."9").contains(e) {
            // \Q…\E quotes text the reader would misread as syntax.
            if e == "Q" { failed = true; return Item(required: nil, start: .any) }
            if e == "p" || e == "P", i < s.count, s[i] == "{", let close = s[i...].firstIndex(of: "}") { i = close + 1 }
            // Zero-width escapes consume nothing; \d \w \p{…} … any character as far as we know;
            // \X, \R and backreferences may consume several.
            let zeroWidth = "KbBAzZG".unicodeScalars.contains(e)
            if !zeroWidth { consumes(nil) }
            let several = "XRCkg".unicodeScalars.contains(e) || ("0"..."9").contains(e)
            return Item(required: nil, start: zeroWidth ? .empty : several ? Start(first: nil, nullable: false, second: nil, single: true) : .any)
        }
        consumes([e.value])
        return Item(required: [e.value], start: .char([e.value]))
    }

    /// A positive class of at most 4096 characters; nil otherwise.
    mutating func charClass() -> Chars? {
        i += 1
        var negated = false
        if i < s.count, s[i] == "^" { negated = true; i += 1 }
        var set: Chars = []
        var bad = negated
        var unknown = negated   // may hold characters not listed here
        var marks: Chars = []   // the clause marks it holds (ranges too large to list included)
        var firstItem = true
        while i < s.count {
            if s[i] == "]" && !firstItem {
                i += 1
                consumes(bad ? nil : set, marks: unknown ? nil : marks)
                return bad ? nil : set
            }
            firstItem = false
            // A POSIX class ([:digit:]) lists characters the reader does not expand.
            if s[i] == "[", i + 1 < s.count, s[i + 1] == ":" || s[i + 1] == "=" || s[i + 1] == "." {
                guard let close = s[(i + 2)...].firstIndex(of: "]") else { failed = true; return nil }
                i = close + 1
                bad = true; unknown = true
                continue
            }
            guard let lo = classChar() else { bad = true; unknown = true; continue }
            if i + 1 < s.count, s[i] == "-", s[i + 1] != "]" {
                i += 1
                guard let hi = classChar(), hi >= lo else { bad = true; unknown = true; continue }
                marks.formUnion(PatternFacts.clauseMarks.intersection(CharSet.range(lo...hi)))
                guard hi - lo < 4096 else { bad = true; continue }
                set.insert(lo...hi)
            } else {
                set.insert(lo)
                if PatternFacts.clauseMarks.contains(lo) { marks.insert(lo) }
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
