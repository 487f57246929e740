/// Runs the stages on one document, on one thread: normalize → segment → match → resolve →
/// select → context. Owns the per-thread ICU and PCRE2 state, so each worker has one.
public final class DocumentExtractor {
    public let book: RuleBook
    private var splitter: SentenceSplitter
    private let words: WordSegmenter
    private let matcher: SentenceMatcher
    private let resolver = Resolver()
    private let context = ContextAttacher()

    /// Turns per-rule timing on (`rules profile`); read it back with `ruleProfile`.
    public func enableRuleProfiling() { matcher.profile = RuleProfile(rules: book.rules.count) }
    public var ruleProfile: RuleProfile? { matcher.profile }

    public init(book: RuleBook) throws {
        self.book = book
        splitter = try SentenceSplitter()
        words = try WordSegmenter()
        matcher = SentenceMatcher(book: book)
    }

    /// What happened to one candidate (for `explain`).
    public struct Trace: Sendable {
        public let sentence: Sentence
        public let candidate: Candidate
        public let dropped: DropReason?
    }

    public struct Result: Sendable {
        public let segmented: SegmentedText
        public let claims: [Claim]
        /// Rules that hit a PCRE2 limit on this document.
        public let limitHits: [String]
    }

    public func extract(_ document: Document, trace: ((Trace) -> Void)? = nil) throws -> Result {
        let buffer = TextBuffer(document)
        let segmented = try splitter.split(buffer)
        matcher.startDocument()
        var claims: [Claim] = []
        for sentence in segmented.sentences {
            claims += try extract(sentence, buffer, trace: trace)
        }
        return Result(segmented: segmented, claims: claims, limitHits: matcher.limitHits)
    }

    /// The claims of one sentence.
    func extract(_ sentence: Sentence, _ buffer: TextBuffer, trace: ((Trace) -> Void)?) throws -> [Claim] {
        let candidates = matcher.candidates(buffer, sentence.range)
        guard !candidates.isEmpty else { return [] }
        var sentenceWords: SentenceWords? = nil
        var entries: [OverlapPolicy.Entry] = []
        for c in candidates {
            if !c.rule.rule.isDeny, WordBoundaryCheck.needsCheck(c.span, buffer) {
                if sentenceWords == nil { sentenceWords = SentenceWords(words, buffer, sentence: sentence.range) }
                if let cut = WordBoundaryCheck.cutWord(c.span, words: try sentenceWords!.words(covering: c.span), buffer) {
                    trace?(Trace(sentence: sentence, candidate: c, dropped: .wordBoundary(cut)))
                    continue
                }
            }
            if c.rule.rule.isDeny {
                entries.append(.init(candidate: c, claim: nil))
                continue
            }
            switch resolver.resolve(c, buffer) {
            case let .success(claim): entries.append(.init(candidate: c, claim: claim))
            case let .failure(why): trace?(Trace(sentence: sentence, candidate: c, dropped: .unresolved(why.description)))
            }
        }
        let (winners, denials, losers) = OverlapPolicy.select(entries)
        if let trace {
            for (e, by, denied) in losers {
                trace(Trace(sentence: sentence, candidate: e.candidate, dropped: denied ? .denied(by: by) : .overlap(with: by)))
            }
            for w in winners + denials { trace(Trace(sentence: sentence, candidate: w.candidate, dropped: nil)) }
        }
        var claims = winners.compactMap(\.claim)
        try context.attach(&claims, sentence: sentence, buffer, sentenceWords: sentenceWords, segmenter: words)
        return claims
    }
}
