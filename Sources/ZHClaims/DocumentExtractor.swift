/// Runs the stages on one document, on one thread: normalize → segment → match → resolve →
/// select → listed items (`ListSharing`) → context. Owns the per-thread ICU and PCRE2 state, so each worker has one.
public final class DocumentExtractor {
    public let book: RuleBook
    private var splitter: SentenceSplitter
    private let words: WordSegmenter
    private let matcher: SentenceMatcher
    private let resolver = Resolver()
    private let context = ContextAttacher()

    /// Code points read and code points given to ICU's word segmentation, over all documents
    /// this extractor has read (the run report's measure of how much text needed words).
    public private(set) var codePoints = 0
    public var segmentedCodePoints: Int { words.segmentedCodePoints }

    /// Turns per-rule timing on (`rules profile`); read it back with `ruleProfile`.
    public func enableRuleProfiling() { matcher.profile = RuleProfile(rules: book.rules.count) }
    public var ruleProfile: RuleProfile? { matcher.profile }

    public init(book: RuleBook) throws {
        self.book = book
        splitter = try SentenceSplitter()
        words = try WordSegmenter()
        matcher = SentenceMatcher(book: book)
        // The subject lexicon is built once per process; building it here keeps that cost in
        // the start-up rather than in the first document that needs a subject.
        _ = SubjectLexicon.shared
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
        var claims: [Claim] = []
        let (segmented, limitHits) = try extract(document, trace: trace) { _, found, _ in claims += found }
        return Result(segmented: segmented, claims: claims, limitHits: limitHits)
    }

    /// Hands each sentence's claims to `body` as soon as they are made, so a caller that writes
    /// them out never holds the claims of a whole document (a 4 MB piece can hold 150k).
    /// Returns the segmented text and the rules that hit a PCRE2 limit.
    public func extract(_ document: Document, trace: ((Trace) -> Void)? = nil,
                        each body: (Sentence, [Claim], TextBuffer) -> Void) throws -> (SegmentedText, limitHits: [String]) {
        let buffer = TextBuffer(document)
        codePoints += buffer.scalars.count
        let segmented = try splitter.split(buffer)
        matcher.startDocument()
        for sentence in segmented.sentences {
            let claims = try extract(sentence, buffer, trace: trace)
            if !claims.isEmpty { body(sentence, claims, buffer) }
        }
        return (segmented, matcher.limitHits)
    }

    /// The claims of one sentence. A claim candidate is checked (word boundaries) and resolved
    /// only when the overlap selection reaches it unblocked: about a quarter of the candidates
    /// lose to a longer or earlier one and are never resolved. With a trace, every candidate is
    /// checked first, so each drop is reported with its own reason.
    func extract(_ sentence: Sentence, _ buffer: TextBuffer, trace: ((Trace) -> Void)?) throws -> [Claim] {
        let candidates = matcher.candidates(buffer, sentence.range)
        guard !candidates.isEmpty else { return [] }
        // Made whenever a claim candidate needs the word check, as if all were checked: the
        // context stage then reads the same clause words whichever candidates were resolved.
        let sentenceWords = candidates.contains { !$0.rule.rule.isDeny && WordBoundaryCheck.needsCheck($0.span, buffer) }
            ? SentenceWords(words, buffer, sentence: sentence.range) : nil
        var failure: Error? = nil
        /// The entry of a candidate, or nil (with the reason) when it is dropped.
        func evaluate(_ found: Candidate) -> (OverlapPolicy.Entry?, DropReason?) {
            if found.rule.rule.isDeny { return (.init(candidate: found, claim: nil), nil) }
            var c = found
            if let sentenceWords, WordBoundaryCheck.needsCheck(c.span, buffer), WordBoundaryCheck.mayBeCut(c.span, buffer) {
                do {
                    let words = try sentenceWords.words(covering: c.span)
                    if let cut = WordBoundaryCheck.cutWord(c.span, words: words, buffer) {
                        // A misread approx word (加快5.9个百分点) or a classifier that begins a noun
                        // (13.5万家庭) costs that part, not the claim.
                        guard let trimmed = WordBoundaryCheck.trimmed(c, words: words, buffer) else {
                            return (nil, .wordBoundary(cut))
                        }
                        c = trimmed
                    }
                } catch {
                    failure = failure ?? error
                    return (nil, nil)
                }
            }
            switch resolver.resolve(c, buffer) {
            case let .success(claim): return (.init(candidate: c, claim: claim), nil)
            case let .failure(why): return (nil, .unresolved(why.description))
            }
        }
        let selected: (winners: [OverlapPolicy.Entry], denials: [OverlapPolicy.Entry], losers: [(index: Int, beatenBy: String, denied: Bool)])
        if let trace {
            var kept: [OverlapPolicy.Entry?] = []
            for c in candidates {
                let (entry, dropped) = evaluate(c)
                if let dropped { trace(Trace(sentence: sentence, candidate: c, dropped: dropped)) }
                kept.append(entry)
            }
            selected = OverlapPolicy.select(candidates) { kept[$0] }
            for (i, by, denied) in selected.losers where kept[i] != nil {
                trace(Trace(sentence: sentence, candidate: candidates[i], dropped: denied ? .denied(by: by) : .overlap(with: by)))
            }
            for w in selected.winners + selected.denials { trace(Trace(sentence: sentence, candidate: w.candidate, dropped: nil)) }
        } else {
            selected = OverlapPolicy.select(candidates) { evaluate(candidates[$0]).0 }
        }
        if let failure { throw failure }
        var claims = ListSharing.extend(selected.winners.compactMap(\.claim), denials: selected.denials,
                                        sentence: sentence.range, buffer)
        try context.attach(&claims, sentence: sentence, buffer, sentenceWords: sentenceWords, segmenter: words)
        return claims
    }
}
