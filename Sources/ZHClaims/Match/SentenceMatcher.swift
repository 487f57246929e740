/// Runs every rule over one sentence. Owns the per-thread PCRE2 state and scratch buffers, so a
/// worker makes one and reuses it for every sentence.
public final class SentenceMatcher {
    private let book: RuleBook
    private let matcher: PCRE2Matcher
    private var utf8: [UInt8] = []
    /// Code point index (document coordinates) of each UTF-8 byte of the sentence, plus the end.
    private var byteToScalar: [Int] = []
    private var groups: [Range<Int>?] = []
    /// The rules that may match the current sentence (bit per rule order).
    private var enabled: [UInt64] = []
    /// Per rule, the byte at which a start-dispatched rule may next be tried (scratch).
    private var resumeAt: [Int] = []
    /// The rules `dispatch` is running (scratch).
    private var liveScratch: [UInt64] = []
    /// The current sentence's folded code points, and the UTF-8 byte where each begins.
    private var sentence: [UInt32] = []
    private var byteAt: [Int] = []
    /// The spots of the current sentence (see `prepare` and `StartTable`).
    private let spots: Spots
    /// The byte where the last match of the current sentence so far ends (see `collect`).
    private var matchEnd = 0
    /// Rules that hit a PCRE2 limit in the current document (reported once each).
    public private(set) var limitHits: [String] = []
    /// With profiling on, time and calls per rule, for `rules profile`.
    public var profile: RuleProfile? = nil

    public init(book: RuleBook) {
        self.book = book
        self.matcher = PCRE2Matcher(maxCaptures: book.maxCaptures)
        spots = Spots(words: book.characters.words)
    }

    public func startDocument() { limitHits.removeAll() }

    /// All candidate spans of all rules in `range` of `buffer`, in rule order. Deny rules run
    /// only when a claim rule matched: a deny match only ever blocks claims, so on a sentence
    /// with no claim candidate it changes nothing (and most numeral-bearing sentences have none).
    public func candidates(_ buffer: TextBuffer, _ range: Range<Int>) -> [Candidate] {
        guard Self.mayHoldNumber(buffer.folded[range]) else { return [] }
        encode(buffer, range)
        prepare()
        var claims: [Candidate] = [], denials: [Candidate] = []
        matchEnd = 0
        utf8.withUnsafeBufferPointer { subject in
            collect(deny: false, subject, into: &claims)
            guard !claims.isEmpty else { return }
            collect(deny: true, subject, into: &denials)
        }
        return denials.isEmpty ? claims : Self.merged(claims, denials)
    }

    /// The candidates of the claim rules (or of the deny rules), in rule order.
    ///
    /// Deny rules are not tried at or past `matchEnd`, the end of the last claim or deny match
    /// found so far: a deny match starting there overlaps no claim candidate and no earlier deny
    /// match, and every later match starts later still, so nothing it could block or be blocked
    /// by ever reaches a claim (see `OverlapPolicy`); the bound grows with each deny match.
    private func collect(deny: Bool, _ subject: UnsafeBufferPointer<UInt8>, into out: inout [Candidate]) {
        for rule in deny ? book.scannedDenials : book.scannedClaims where isEnabled(rule) {
            scan(rule, subject, into: &out)
        }
        let scanned = out.count
        dispatch(deny ? book.dispatchedDenials : book.dispatchedClaims, subject, bounded: deny, into: &out)
        if out.count > scanned { Self.sortByRule(&out) }
    }

    private func isEnabled(_ rule: CompiledRule) -> Bool {
        enabled[rule.order / 64] & (UInt64(1) << UInt64(rule.order % 64)) != 0
    }

    /// Two candidate lists, each in rule order, merged into one in rule order.
    static func merged(_ a: [Candidate], _ b: [Candidate]) -> [Candidate] {
        var out: [Candidate] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].rule.order < b[j].rule.order) { out.append(a[i]); i += 1 } else { out.append(b[j]); j += 1 }
        }
        return out
    }

    /// Candidates by rule order, each rule's own in the order they were found (left to right).
    static func sortByRule(_ list: inout [Candidate]) {
        guard zip(list, list.dropFirst()).contains(where: { $0.rule.order > $1.rule.order }) else { return }
        list = list.enumerated().sorted { ($0.element.rule.order, $0.offset) < ($1.element.rule.order, $1.offset) }.map(\.element)
    }

    /// One backward sweep over the sentence's characters, one table row per character
    /// (`CharacterRuleTable`): the rules the sentence enables (`RuleFilter`), and the spots where
    /// a dispatched rule can begin with its needs ahead met at or after it, before any character
    /// it cannot consume (`StartTable`): OR-ing the need layers' rows, clearing a rule's bits at
    /// such characters. Only the spots are kept, so `dispatch` never walks the other characters.
    ///
    /// The rule sets are SIMD vectors of the table's width (a power of two words, see
    /// `CharacterRuleTable.words(forRules:)`), so the sweep's state stays in registers: a loop
    /// over the words kept it in memory and took twice the instructions.
    private func prepare() {
        switch book.characters.words {
        case 2: sweep(SIMD2<UInt64>.self)
        case 4: sweep(SIMD4<UInt64>.self)
        case 8: sweep(SIMD8<UInt64>.self)
        case 16: sweep(SIMD16<UInt64>.self)
        case 32: sweep(SIMD32<UInt64>.self)
        default: sweep(SIMD64<UInt64>.self)
        }
    }

    private func sweep<V: SIMD>(_: V.Type) where V.Scalar == UInt64 {
        let table = book.characters, n = sentence.count, spots = self.spots
        precondition(table.words == V.scalarCount)
        func vector(_ words: [UInt64]) -> V { words.withUnsafeBytes { $0.loadUnaligned(as: V.self) } }
        let starts = book.starts
        let free1 = vector(starts.unconstrained[0]), free2 = vector(starts.unconstrained[1])
        let bounded = vector(starts.bounded), anyNext = vector(starts.anyNext), none = V(repeating: 0)
        // Per rule: whose first (met1) and second (met2) needs are met from here on, and whose
        // required characters were seen.
        var met1 = free1, met2 = free2, seen = none
        spots.reset(forCharacters: n)
        // Written through plain pointers, the count kept in a local (see `Spots.view`).
        let out = spots.view
        var found = 0
        let required = table.offset(.required, 0), consumable = table.offset(.consumable, 0)
        let barrier = table.offset(.barrier, 0), ahead1 = table.offset(.ahead1, 0), ahead2 = table.offset(.ahead2, 0)
        let next = table.offset(.next, 0), start = table.offset(.start, 0)
        sentence.withUnsafeBufferPointer { chars in
            table.withRows { rows in
                let base = UnsafeRawPointer(rows.baseAddress!)
                @inline(__always) func rules(_ at: Int) -> V { base.loadUnaligned(fromByteOffset: at &* 8, as: V.self) }
                let aheadOut = UnsafeMutableRawPointer(out.ahead)
                var i = n - 1
                while i >= 0 {
                    let v = chars[i]
                    let row = v < 0x10000 ? table.row(v) : 0
                    if row == 0 {
                        // No rule has this character in any layer (or it is outside the BMP): it
                        // only ends the runs of the rules whose consumable set is known, and a
                        // run of such characters does no more than one (most of a sentence).
                        repeat { i -= 1 } while i >= 0 && (chars[i] >= 0x10000 || table.row(chars[i]) == 0)
                        met1 &= ~(bounded & ~free1)
                        met2 &= ~(bounded & ~free2)
                        continue
                    }
                    seen |= rules(row &+ required)
                    let blocked = (bounded & ~rules(row &+ consumable)) | rules(row &+ barrier)
                    met1 = (met1 & ~(blocked & ~free1)) | rules(row &+ ahead1)
                    met2 = (met2 & ~(blocked & ~free2)) | rules(row &+ ahead2)
                    // The rules that may have the next character second; at the sentence's last
                    // character (or before one outside the BMP) all of them.
                    let nextRow = i + 1 < n && chars[i + 1] < 0x10000 ? table.row(chars[i + 1]) : -1
                    let follows = nextRow < 0 ? ~none : rules(nextRow &+ next) | anyNext
                    let ahead = met1 & met2 & follows
                    if rules(row &+ start) & ahead != none {
                        aheadOut.storeBytes(of: ahead, toByteOffset: found &* V.scalarCount &* 8, as: V.self)
                        out.positions[found] = Int32(truncatingIfNeeded: i)
                        out.rows[found] = Int32(truncatingIfNeeded: row)
                        found += 1
                    }
                    i -= 1
                }
            }
        }
        spots.setCount(found)
        enabled.removeAll(keepingCapacity: true)
        let always = book.filter.always
        for w in 0..<V.scalarCount { enabled.append(always[w] | seen[w]) }
    }

    /// Runs the start-dispatched rules of `rules` (bit set) that are enabled for this sentence:
    /// one walk over its spots, and at each one an anchored attempt of every live rule that can
    /// begin there and whose ahead needs are met, unless that rule's previous match has not
    /// ended yet. Per rule this is exactly the leftmost, non-overlapping scan that `scan` does
    /// (see `StartTable`). State is kept in locals here: instance properties would pay an
    /// exclusivity check per attempt.
    private func dispatch(_ rules: [UInt64], _ subject: UnsafeBufferPointer<UInt8>, bounded: Bool, into out: inout [Candidate]) {
        let table = book.characters, compiled = book.rules, words = table.words
        var any: UInt64 = 0
        for w in 0..<words { any |= rules[w] & enabled[w] }
        guard any != 0 else { return }
        // The live rules in a scratch array kept between calls: a copy of `rules` allocated
        // one per call.
        var live = liveScratch, resume = resumeAt, groups = self.groups, profile = self.profile, matchEnd = self.matchEnd
        let spots = self.spots.view, byteAt = self.byteAt
        (liveScratch, resumeAt, self.groups, self.profile) = ([], [], [], nil)
        defer { (liveScratch, resumeAt, self.groups, self.profile, self.matchEnd) = (live, resume, groups, profile, matchEnd) }
        live.removeAll(keepingCapacity: true)
        for w in 0..<words { live.append(rules[w] & enabled[w]) }
        if resume.count != compiled.count { resume = [Int](repeating: 0, count: compiled.count) }
        for w in 0..<words {
            var m = live[w]
            while m != 0 { resume[w &* 64 &+ m.trailingZeroBitCount] = 0; m &= m &- 1 }
        }
        var k = spots.count - 1
        while k >= 0 {
            let i = spots.position(k), row = spots.row(k)
            let p = byteAt[i]
            if bounded && p >= matchEnd { break }
            for w in 0..<words {
                var m = table.rules(atRow: row, .start, word: w) & live[w] & spots.ahead(k, word: w)
                while m != 0 {
                    let r = w &* 64 &+ m.trailingZeroBitCount
                    m &= m &- 1
                    guard p >= resume[r] else { continue }
                    if profile == nil {
                        resume[r] = attempt(r, at: p, subject, &groups, &matchEnd, into: &out)
                    } else {
                        let t0 = ContinuousClock.now, before = out.count
                        resume[r] = attempt(r, at: p, subject, &groups, &matchEnd, into: &out)
                        profile!.record(r, since: t0, matched: out.count > before)
                    }
                }
            }
            k -= 1
        }
    }

    /// One anchored attempt of rule `r` at byte `p`; returns the byte where the rule may next
    /// start. The rule is not touched through a reference until a match is found, so that a
    /// failed attempt pays no retain and release (see `RuleBook.anchoredPatterns`).
    private func attempt(_ r: Int, at p: Int, _ subject: UnsafeBufferPointer<UInt8>,
                         _ groups: inout [Range<Int>?], _ matchEnd: inout Int, into out: inout [Candidate]) -> Int {
        let found: Bool
        do throws(PCRE2Error) {
            found = try matcher.match(book.anchoredPatterns[r]!, in: subject, from: p, into: &groups)
        } catch {
            noteLimit(error, book.rules[r])
            return Int.max
        }
        guard found, let whole = groups[0] else { return p + 1 }
        if !whole.isEmpty {
            out.append(candidate(book.rules[r], groups))
            matchEnd = max(matchEnd, whole.upperBound)
        }
        return max(whole.upperBound, p + 1)
    }

    private func candidate(_ rule: CompiledRule, _ groups: [Range<Int>?]) -> Candidate {
        let n = rule.pattern.captureCount + 1
        return Candidate(rule: rule, span: scalars(groups[0]!), groups: groups[..<n].map { $0.map(scalars) })
    }

    /// Never inlined: inlined into the dispatch loop, its access to `limitHits` was hoisted out of
    /// the error path and paid a dynamic exclusivity check at every spot.
    @inline(never)
    private func noteLimit(_ error: PCRE2Error, _ rule: CompiledRule) {
        if error.isLimit, !limitHits.contains(rule.rule.id) { limitHits.append(rule.rule.id) }
    }

    /// A plain unanchored scan, for rules the start table cannot dispatch.
    private func scan(_ rule: CompiledRule, _ subject: UnsafeBufferPointer<UInt8>, into out: inout [Candidate]) {
        var start = 0
        while start <= subject.count {
            let t0 = profile == nil ? nil : ContinuousClock.now, before = out.count
            let found: Bool
            do throws(PCRE2Error) {
                found = try matcher.match(rule.pattern, in: subject, from: start, into: &groups)
            } catch {
                noteLimit(error, rule)
                return
            }
            if found, let whole = groups[0], !whole.isEmpty {
                out.append(candidate(rule, groups))
                matchEnd = max(matchEnd, whole.upperBound)
            }
            if let t0 { profile!.record(rule.order, since: t0, matched: out.count > before) }
            guard found, let whole = groups[0] else { return }
            // Continue after the match; step one character past an empty match.
            var next = max(whole.upperBound, start)
            if next == start {
                next += 1
                while next < subject.count, subject[next] & 0xC0 == 0x80 { next += 1 }
            }
            start = next
        }
    }

    /// The code point range of a byte range. The end is one past the code point of the last byte:
    /// an invisible character skipped by `encode` right after a match stays outside its span.
    private func scalars(_ bytes: Range<Int>) -> Range<Int> {
        let lower = byteToScalar[bytes.lowerBound]
        return bytes.isEmpty ? lower..<lower : lower..<(byteToScalar[bytes.upperBound - 1] + 1)
    }

    /// The sentence as UTF-8 for PCRE2, with the code point index of every byte and the byte of
    /// every code point. Written through raw pointers into arrays sized first: appending one
    /// byte at a time paid a uniqueness check per byte.
    ///
    /// Invisible characters (`InvisibleCharacters`: control characters, zero-width spaces and joiners,
    /// soft hyphens) are left out, so rules see `2019年` in a scraped `2019\u{8}年` and `1000` in
    /// `1\u{200B}000`; offsets still come from the original text, so a span that holds one keeps it.
    private func encode(_ buffer: TextBuffer, _ range: Range<Int>) {
        var bytes = utf8, index = byteToScalar, values = sentence, starts = byteAt
        (utf8, byteToScalar, sentence, byteAt) = ([], [], [], [])
        // Sized exactly (the folded text's UTF-8 length): a worst-case 4 bytes a character would
        // hold 10 MB more per million characters in one unterminated sentence.
        var total = 0, visible = 0
        for c in buffer.folded[range] where !InvisibleCharacters.contains(c.value) {
            total += UTF8.width(c)
            visible += 1
        }
        let anyInvisible = visible < range.count
        Self.resize(&bytes, total)
        Self.resize(&index, total + 1)
        Self.resize(&values, visible)
        Self.resize(&starts, visible)
        var n = 0, i = 0
        buffer.folded.withUnsafeBufferPointer { folded in
            bytes.withUnsafeMutableBufferPointer { b in
                index.withUnsafeMutableBufferPointer { x in
                    values.withUnsafeMutableBufferPointer { v in
                        starts.withUnsafeMutableBufferPointer { at in
                            for k in range {
                                let c = folded[k].value
                                if anyInvisible && InvisibleCharacters.contains(c) { continue }
                                v[i] = c
                                at[i] = n
                                i += 1
                                UTF8Encoding.encode(c) { b[n] = $0; x[n] = k; n += 1 }
                            }
                            x[n] = range.upperBound
                        }
                    }
                }
            }
        }
        (utf8, byteToScalar, sentence, byteAt) = (bytes, index, values, starts)
    }

    /// Sets the count of a scratch array, keeping its capacity.
    private static func resize<T: FixedWidthInteger>(_ a: inout [T], _ count: Int) {
        if a.count < count { a.append(contentsOf: repeatElement(0, count: count - a.count)) } else { a.removeLast(a.count - count) }
    }

    /// Sentences without a digit, a numeral character or a number word's character cannot hold
    /// a claim: skip them without running any pattern (most sentences of most articles).
    static func mayHoldNumber(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        text.withUnsafeBufferPointer { chars in
            chars.contains { c in
                let v = c.value
                if v >= 0x30 && v <= 0x39 { return true }
                return v >= 0x3007 && v < 0x10000 && numeralTable[Int(v) >> 6] & (1 << UInt64(v & 63)) != 0
            }
        }
    }

    /// `numeralCharacters` and `numberWordCharacters` as a bit per BMP code point: one load per
    /// character, no hashing.
    private static let numeralTable: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 0x10000 / 64)
        for c in numeralCharacters.members + numberWordCharacters.members { table[Int(c.value) >> 6] |= 1 << UInt64(c.value & 63) }
        return table
    }()

    /// Characters of claims written without a numeral: 对折 (half price), 翻番 and 翻倍 (doubled).
    /// Rare, so the sentences they let through cost little.
    static let numberWordCharacters: ScalarSet = "折番倍"

    static let numeralCharacters: ScalarSet = "〇一二三四五六七八九十百千万亿两俩零廿卅壹贰叁肆伍陆柒捌玖拾佰仟半几数"
}
