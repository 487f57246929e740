/// The start-set algebra of `PatternFacts`: how the characters a match can begin with, and the
/// characters it can consume second, combine over sequences, alternations, optional and repeated
/// items and lookaheads.
extension PatternFacts {
    /// The start-set of a sequence or alternation so far: the characters its first consumed
    /// character can be (`nil`: any), and whether it can match without consuming anything.
    /// `emptyNext`: when it matches empty, what the next character must be (`nil`: anything):
    /// a positive lookahead such as `(?=万|亿)` consumes nothing but says what comes next, so
    /// `(?:{number}|(?=万|亿)) 多? 元` starts with a numeral, 万 or 亿, not with 多 or 元.
    ///
    /// `second`: the characters a match of this item can consume right after its first one (nil:
    /// any); `single`: whether it can consume exactly one character, and `singleNext` what must
    /// follow that character then (a lookahead after it: `一(?=个|名)`; nil: anything). Together
    /// they say which characters may follow a rule's first one (`PatternFacts.Facts.next`).
    struct Start {
        var first: Chars? = []
        var nullable = true
        var emptyNext: Chars? = nil
        var second: Chars? = []
        var single = false
        var singleNext: Chars? = nil

        static let empty = Start()
        static let any = Start(first: nil, nullable: false, single: true)
        static func char(_ c: Chars?) -> Start { Start(first: c, nullable: false, single: true) }
        /// A positive lookahead whose content starts with one of `chars` (nil: unknown).
        static func lookahead(_ chars: Chars?) -> Start { Start(first: [], nullable: true, emptyNext: chars) }

        /// `self` followed by `next`.
        func then(_ next: Start) -> Start {
            var r = self
            if nullable {
                r.first = union(first, Self.narrowed(next.first, to: emptyNext))
                r.nullable = next.nullable
                r.emptyNext = Self.narrowed(next.emptyNext, to: emptyNext)
            }
            // Self matching empty and next consuming: impossible when self's lookahead rules out
            // every first character of next (`(?=万) 个`).
            let viaEmpty = nullable && (Self.narrowed(next.first, to: emptyNext).map { !$0.isEmpty } ?? true)
            // The second character: self's own; next's first after a single character of self;
            // next's second when self matched empty.
            if single { r.second = union(r.second, Self.narrowed(next.first, to: singleNext)) }
            if viaEmpty { r.second = union(r.second, next.second) }
            // One character in all: self's and next empty, or self empty and next's.
            var ends: [Chars?] = []
            if single && next.nullable { ends.append(Self.narrowed(next.emptyNext, to: singleNext)) }
            if viaEmpty && next.single { ends.append(next.singleNext) }
            r.single = !ends.isEmpty
            r.singleNext = ends.dropFirst().reduce(ends.first ?? nil) { union($0, $1) }
            return r
        }

        /// `self` or `other`.
        func or(_ other: Start) -> Start {
            let next: Chars?
            switch (nullable, other.nullable) {
            case (true, true): next = union(emptyNext, other.emptyNext)
            case (true, false): next = emptyNext
            case (false, true): next = other.emptyNext
            case (false, false): next = nil
            }
            let singleNext: Chars?
            switch (single, other.single) {
            case (true, true): singleNext = union(self.singleNext, other.singleNext)
            case (true, false): singleNext = self.singleNext
            case (false, true): singleNext = other.singleNext
            case (false, false): singleNext = nil
            }
            return Start(first: union(first, other.first), nullable: nullable || other.nullable, emptyNext: next,
                         second: union(second, other.second), single: single || other.single, singleNext: singleNext)
        }

        /// Skipping it matches empty with nothing known about what follows.
        func optional() -> Start {
            Start(first: first, nullable: true, second: second, single: single, singleNext: singleNext)
        }

        /// Repeated (`+`, `*`, `{2,}` …): after one character of one repetition may come the first
        /// of the next.
        func repeated() -> Start {
            var r = self
            if single { r.second = union(second, Self.narrowed(first, to: singleNext)) }
            return r
        }

        /// The characters that may follow a match's first character (nil: any), for a start that
        /// cannot match empty: its second characters, and anything allowed after a one-character match.
        var next: Chars? {
            guard !nullable else { return nil }
            return single ? union(second, singleNext) : second
        }

        private func union(_ a: Chars?, _ b: Chars?) -> Chars? {
            guard let a, let b else { return nil }
            return a.union(b)
        }

        /// `chars` where the next character must be one of `constraint` (nil: any).
        private static func narrowed(_ chars: Chars?, to constraint: Chars?) -> Chars? {
            guard let constraint else { return chars }
            guard let chars else { return constraint }
            return chars.intersection(constraint)
        }
    }
}
