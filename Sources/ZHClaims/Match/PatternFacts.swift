/// What a conservative reading of a pattern (extended mode) tells about its matches, so that rules
/// run only where they can match:
///
/// - `required`: characters of which every match must contain at least one. A sentence holding
///   none of them cannot match, so the rule is not run on it: most rules need a unit, keyword or
///   sign (岁, 倍, %, a currency, a deny list's words) that most sentences lack. The set comes from
///   one mandatory item (a literal, a class, a group whose every branch has a set, a lookaround's
///   content): the item with the fewest characters, skipping items made of digits and numerals,
///   which every sentence that reaches the rules holds anyway.
/// - `first`: the characters a match can start with (the first character it consumes). PCRE2 in
///   UTF-8 mode can only pre-filter start positions by their first byte, which every Chinese
///   character shares, so a rule would try its whole leading alternation (approx words, numerals)
///   at every character; a leading `(?=[first])` turns that into one class test.
/// - `ahead`: up to two sets of characters, each from a different mandatory item, of which every
///   match must consume one, or see one in a lookahead, at or after its start position: what the
///   matcher needs to find later in the sentence before it tries the rule at a position
///   (`StartTable`). Unlike `required`, lookbehind content does not count, and small Chinese
///   digits do (a rule needing 两 as a unit is pruned after the last 两). Two sets, because which
///   one prunes more depends on the text: `三到四米` needs one of 到至~ and one of the units.
/// - `consumable`: every character a match can consume (and, when a need ahead comes from a
///   lookahead, look ahead at). A match starting before any other character ends before it, so
///   the rule's needs ahead must be met before it: `2020年全市新增32例` does not try the count
///   rules at 2020 (年 is neither a classifier nor anything else they consume). nil when the
///   pattern can consume characters the reader cannot list (`.`, negated classes, `\p{…}`, `\d`,
///   ranges of 4096 or more). Lookbehinds and negative lookarounds do not count: they extend
///   neither the match nor what it looks ahead at.
/// - `barriers`: when `consumable` is unknown, the clause marks (`clauseMarks`) a match can
///   neither consume nor look ahead at: they end the run all the same.
///
/// `nil` means no such set was found: anything not understood counts as "no requirement" and
/// "may start anywhere".
enum PatternFacts {
    typealias Chars = CharSet

    struct Facts: Equatable {
        var required: Chars?
        var first: Chars?
        var ahead: [Chars] = []
        var consumable: Chars? = nil
        var barriers: Chars = []
        /// The characters a match can consume right after its first one, or the character after a
        /// one-character match (nil: any).
        var next: Chars? = nil
    }

    /// Punctuation that ends a clause or a quotation (folded forms): the barriers of a rule whose
    /// consumable characters cannot all be listed.
    static let clauseMarks = CharSet(",;:!?()\"。、；：！？“”‘’《》「」【】".unicodeScalars.map(\.value))

    /// `memo`, shared by the patterns of one rule book, lets a long group met before be taken
    /// from it instead of read again (see `GroupMemo`).
    static func of(_ pattern: String, memo: GroupMemo? = nil) -> Facts? {
        let scalars = Array(pattern.unicodeScalars)
        var p = Reader(scalars, useful: isUseful, lookbehindsRequire: true, memo: memo)
        let r = p.alternation()
        guard !p.failed else { return nil }
        var q = Reader(scalars, useful: isUsefulAhead, lookbehindsRequire: false, tracksStart: false, memo: memo)
        let whole = q.alternation()
        var sets: [Chars] = []
        var seen = false
        for part in whole.parts.sorted(by: { $0.chars.count < $1.chars.count })
        where isUsefulAhead(part.chars) && !sets.contains(part.chars) && sets.count < 2 {
            sets.append(part.chars)
            seen = seen || part.seen
        }
        let consumable = seen ? q.consumedOrSeen : q.consumed
        let barriers = consumable != nil || q.marksUnknown ? [] : clauseMarks.subtracting(q.marks)
        return Facts(required: r.required, first: r.nullable ? nil : r.first, ahead: Array(sets.prefix(2)),
                     consumable: consumable, barriers: barriers, next: r.start.next)
    }

    /// A set worth checking after a start position: anything but one holding an ASCII digit.
    static func isUsefulAhead(_ chars: Chars) -> Bool {
        !chars.isEmpty && !chars.contains { (0x30...0x39).contains($0) }
    }

    /// Characters most sentences reaching the rules hold (ASCII digits and the small Chinese
    /// digits): a set containing one is no filter. Rarer numeral characters (万, 亿, 百, 千, 几 …)
    /// do filter: a rule needing 万 or 亿 skips most sentences.
    static func isUseful(_ chars: Chars) -> Bool {
        !chars.isEmpty && !chars.contains { c in (0x30...0x39).contains(c) || commonNumerals.contains(c) }
    }

    static let commonNumerals = CharSet("〇零一二三四五六七八九十两".unicodeScalars.map(\.value))

    /// The better of two requirements: the smaller useful one.
    static func better(_ a: Chars?, _ b: Chars?, useful: (Chars) -> Bool = isUseful) -> Chars? {
        let ua = a.flatMap { useful($0) ? $0 : nil }, ub = b.flatMap { useful($0) ? $0 : nil }
        switch (ua, ub) {
        case let (x?, y?): return x.count <= y.count ? x : y
        case let (x?, nil): return x
        case let (nil, y?): return y
        default: return a ?? b
        }
    }

    /// One item or a whole (sub)pattern: its requirement, the requirement of a positive
    /// lookaround it is, and its start-set.
    struct Item {
        var required: Chars?
        var lookaround: Chars? = nil
        var start: Start
        /// Every useful requirement of the mandatory items of a one-branch (sub)pattern, each
        /// one on its own (a match holds one character of each); else the alternation's union.
        var parts: [Part] = []
        /// Whether `required` may come from a positive lookaround's content.
        var fromLookahead = false
        var first: Chars? { start.first }
        var nullable: Bool { start.nullable }
    }

    /// A requirement of a mandatory item, and whether it may come from what a lookahead sees
    /// rather than from what the match consumes.
    struct Part {
        var chars: Chars
        var seen: Bool
    }

    struct Reader {
        let s: [Unicode.Scalar]
        var i = 0
        var failed = false
        /// Which sets count as requirements, and whether a positive lookbehind's content does.
        let useful: (Chars) -> Bool
        let lookbehindsRequire: Bool
        /// Whether start-sets are worked out (the second reading, for needs ahead, uses none).
        let tracksStart: Bool
        /// The characters a match may consume, and those it may consume or look ahead at (nil:
        /// any character).
        var consumed: Chars? = []
        var consumedOrSeen: Chars? = []
        /// The clause marks a match may consume or look ahead at (`marksUnknown`: any of them).
        var marks: Chars = []
        var marksUnknown = false
        /// Depth inside lookbehinds and negative lookarounds, whose content does not count there,
        /// and inside positive lookaheads.
        var hidden = 0
        var lookingAhead = 0
        let memo: GroupMemo?
        init(_ s: [Unicode.Scalar], useful: @escaping (Chars) -> Bool, lookbehindsRequire: Bool, tracksStart: Bool = true,
             memo: GroupMemo? = nil) {
            (self.s, self.useful, self.lookbehindsRequire, self.tracksStart, self.memo) = (s, useful, lookbehindsRequire, tracksStart, memo)
        }

        func skipped(_ k: Int) -> Int {
            var k = k
            while k < s.count {
                if s[k] == " " || s[k] == "\n" || s[k] == "\t" || s[k] == "\r" { k += 1; continue }
                if s[k] == "#" { while k < s.count && s[k] != "\n" { k += 1 }; continue }
                break
            }
            return k
        }

        /// Every branch must hold one of the union of the branches' sets; a match starts like one
        /// of the branches.
        mutating func alternation() -> Item {
            var result: Chars? = []
            var start: Start? = nil
            var branches = 0
            var parts: [Part] = []
            var derived = false
            while true {
                let branch = sequence()
                derived = derived || branch.fromLookahead
                if let r = result, let b = branch.required, !b.isEmpty { result = r.union(b) } else { result = nil }
                if tracksStart { start = start.map { $0.or(branch.start) } ?? branch.start }
                branches += 1
                i = skipped(i)
                if i < s.count && s[i] == "|" { i += 1; parts = []; continue }
                let required = result.flatMap { $0.isEmpty ? nil : $0 }
                if branches == 1 { parts = branch.parts } else { parts = required.map { [Part(chars: $0, seen: derived)] } ?? [] }
                return Item(required: required, start: start ?? .empty, parts: parts, fromLookahead: derived)
            }
        }

        /// The best requirement among the mandatory items of a sequence; its start-set.
        mutating func sequence() -> Item {
            var best: Chars? = nil
            var start = Start.empty
            var parts: [Part] = []
            var derived = false
            while true {
                i = skipped(i)
                if failed || i >= s.count || s[i] == "|" || s[i] == ")" {
                    return Item(required: best, start: start, parts: parts, fromLookahead: derived)
                }
                let item = atom()
                let (mandatory, repeats, twice) = quantifier()
                if mandatory {
                    if item.required != nil || !item.parts.isEmpty { derived = derived || item.fromLookahead }
                    best = better(best, item.required, useful: useful)
                    if !item.parts.isEmpty {
                        parts += item.parts
                    } else if let r = item.required, useful(r) {
                        parts.append(Part(chars: r, seen: item.fromLookahead))
                    }
                }
                if let la = item.lookaround {
                    derived = true
                    best = better(best, la, useful: useful)
                    if useful(la) { parts.append(Part(chars: la, seen: true)) }
                }
                if tracksStart {
                    var once = repeats ? item.start.repeated() : item.start
                    // Two repetitions at least of an item that consumes: never one character alone.
                    if twice && !item.start.nullable { once.single = false }
                    start = start.then(mandatory ? once : once.optional())
                }
            }
        }

        /// Whether the quantifier (if any) asks for at least one repetition, whether it allows more
        /// than one, and whether it asks for two at least.
        mutating func quantifier() -> (mandatory: Bool, repeats: Bool, twice: Bool) {
            i = skipped(i)
            guard i < s.count else { return (true, false, false) }
            var mandatory = true, repeats = true, twice = false
            switch s[i] {
            case "?": mandatory = false; repeats = false; i += 1
            case "*": mandatory = false; i += 1
            case "+": i += 1
            case "{":
                var k = i + 1
                var text = ""
                while k < s.count, ("0"..."9").contains(s[k]) || s[k] == "," { text.unicodeScalars.append(s[k]); k += 1 }
                let bounds = text.split(separator: ",", omittingEmptySubsequences: false)
                // Not a quantifier (PCRE2 reads `{` literally then): one character, as `atom` read it.
                guard k < s.count, s[k] == "}", let lo = bounds.first, let n = Int(lo) else { return (true, false, false) }
                mandatory = n > 0
                twice = n > 1
                // {n} repeats when n > 1; {n,} always; {n,m} when m > 1.
                repeats = bounds.count == 1 ? n > 1 : (bounds[1].isEmpty || (Int(bounds[1]) ?? 2) > 1)
                i = k + 1
            default: return (true, false, false)
            }
            if i < s.count, s[i] == "?" || s[i] == "+" { i += 1 }
            return (mandatory, repeats, twice)
        }

        /// An item: what it requires when it occurs, what the sentence must contain wherever the
        /// item is (for a positive lookaround), and how it starts.
        mutating func atom() -> Item {
            let c = s[i]
            switch c {
            case "(": return group()
            case "[": let set = charClass(); return Item(required: set, start: .char(set))
            case "\\": return escape()
            case ".": i += 1; consumes(nil); return Item(required: nil, start: .any)
            case "^", "$": i += 1; return Item(required: nil, start: .empty)
            default: i += 1; consumes([c.value]); return Item(required: [c.value], start: .char([c.value]))
            }
        }

        /// Notes characters a match may consume (nil: any).
        mutating func consumes(_ chars: Chars?, marks classMarks: Chars? = nil) {
            guard hidden == 0 else { return }
            if let m = classMarks ?? chars.map({ $0.intersection(PatternFacts.clauseMarks) }) { marks.formUnion(m) } else { marksUnknown = true }
            // In place: these sets grow over the whole pattern, and a new union per character
            // copied them each time (most of the time spent loading rules).
            func add(_ to: inout Chars?) {
                guard to != nil else { return }
                if let chars { to!.formUnion(chars) } else { to = nil }
            }
            add(&consumedOrSeen)
            if lookingAhead == 0 { add(&consumed) }
        }

        /// A group, from the memo when the same text was read in the same setting before.
        mutating func group() -> Item {
            guard let memo, let end = GroupMemo.end(ofGroupAt: i, in: s), end - i >= GroupMemo.minLength else {
                return readGroup()
            }
            let key = GroupMemo.Key(text: Array(s[i..<end]), lookbehindsRequire: lookbehindsRequire,
                                    tracksStart: tracksStart, hidden: hidden > 0, lookingAhead: lookingAhead > 0)
            if let entry = memo.entries[key] {
                apply(entry)
                i = end
                return entry.item
            }
            // Read with empty sets, so that what the group adds to them can be kept.
            let outer = (consumed, consumedOrSeen, marks, marksUnknown, failed)
            (consumed, consumedOrSeen, marks, marksUnknown, failed) = ([], [], [], false, false)
            let item = readGroup()
            let entry = GroupMemo.Entry(item: item, consumed: consumed, consumedOrSeen: consumedOrSeen,
                                        marks: marks, marksUnknown: marksUnknown, failed: failed)
            (consumed, consumedOrSeen, marks, marksUnknown, failed) = outer
            apply(entry)
            if i == end { memo.entries[key] = entry }
            return item
        }

        /// Adds what a group consumes and sees to what the pattern does (nil: any character).
        private mutating func apply(_ entry: GroupMemo.Entry) {
            func add(_ to: inout Chars?, _ chars: Chars?) {
                guard to != nil else { return }
                if let chars { to!.formUnion(chars) } else { to = nil }
            }
            add(&consumed, entry.consumed)
            add(&consumedOrSeen, entry.consumedOrSeen)
            marks.formUnion(entry.marks)
            marksUnknown = marksUnknown || entry.marksUnknown
            failed = failed || entry.failed
        }

        private mutating func readGroup() -> Item {
            i += 1
            var kind = 0   // 0 group, 1 positive lookaround, 2 negative lookaround
            var hides = false   // a lookbehind or negative lookaround
            var ahead = false   // a positive lookahead
            defer { if hides { hidden -= 1 }; if ahead { lookingAhead -= 1 } }
            if i < s.count, s[i] == "?" {
                let rest = String(String.UnicodeScalarView(s[i..<min(s.count, i + 4)]))
                if rest.hasPrefix("?:") || rest.hasPrefix("?|") || rest.hasPrefix("?>") { i += 2 }
                else if rest.hasPrefix("?=") { i += 2; kind = 1; ahead = true }
                else if rest.hasPrefix("?!") { i += 2; kind = 2; hides = true }
                else if rest.hasPrefix("?<=") { i += 3; kind = lookbehindsRequire ? 1 : 2; hides = true }
                else if rest.hasPrefix("?<!") { i += 3; kind = 2; hides = true }
                else if rest.hasPrefix("?<") || rest.hasPrefix("?P<") { while i < s.count, s[i] != ">" { i += 1 }; i += 1 }
                else if rest.hasPrefix("?x)") || rest.hasPrefix("?J)") { i += 3; return Item(required: nil, start: .empty) }
                else { failed = true; return Item(required: nil, start: .any) }
            } else if i < s.count, s[i] == "*" { failed = true; return Item(required: nil, start: .any) }
            if hides { hidden += 1 }
            if ahead { lookingAhead += 1 }
            let inner = alternation()
            i = skipped(i)
            guard i < s.count, s[i] == ")" else { failed = true; return Item(required: nil, start: .any) }
            i += 1
            switch kind {
            case 1:
                // A lookahead (not a lookbehind) tells what the next character is.
                let next: Start = ahead && !inner.start.nullable ? .lookahead(inner.start.first) : .empty
                return Item(required: nil, lookaround: inner.required, start: next, fromLookahead: inner.required != nil)
            case 2: return Item(required: nil, start: .empty)
            default: return inner
            }
        }
    }
}
