/// The start-set algebra of `PatternFacts`: how the characters a match can begin with combine
/// over sequences, alternations, optional items and lookaheads.
extension PatternFacts {
    /// The start-set of a sequence or alternation so far: the characters its first consumed
    /// character can be (`nil`: any), and whether it can match without consuming anything.
    /// `emptyNext`: when it matches empty, what the next character must be (`nil`: anything):
    /// a positive lookahead such as `(?=万|亿)` consumes nothing but says what comes next, so
    /// `(?:{number}|(?=万|亿)) 多? 元` starts with a numeral, 万 or 亿, not with 多 or 元.
    struct Start {
        var first: Chars? = []
        var nullable = true
        var emptyNext: Chars? = nil

        static let empty = Start()
        static let any = Start(first: nil, nullable: false)
        static func char(_ c: Chars?) -> Start { Start(first: c, nullable: false) }
        /// A positive lookahead whose content starts with one of `chars` (nil: unknown).
        static func lookahead(_ chars: Chars?) -> Start { Start(first: [], nullable: true, emptyNext: chars) }

        /// `self` followed by `next`.
        func then(_ next: Start) -> Start {
            guard nullable else { return self }
            return Start(first: union(first, Self.narrowed(next.first, to: emptyNext)), nullable: next.nullable,
                         emptyNext: Self.narrowed(next.emptyNext, to: emptyNext))
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
            return Start(first: union(first, other.first), nullable: nullable || other.nullable, emptyNext: next)
        }

        /// Skipping it matches empty with nothing known about what follows.
        func optional() -> Start { Start(first: first, nullable: true) }

        private func union(_ a: Chars?, _ b: Chars?) -> Chars? {
            guard let a, let b else { return nil }
            return PatternFacts.union(a, b)
        }

        /// `chars` where the next character must be one of `constraint` (nil: any).
        private static func narrowed(_ chars: Chars?, to constraint: Chars?) -> Chars? {
            guard let constraint else { return chars }
            guard let chars else { return constraint }
            return chars.intersection(constraint)
        }
    }
}
