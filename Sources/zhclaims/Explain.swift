import ArgumentParser
import ZHClaims

/// `zhclaims explain`: what a rule author looks at when a rule does not fire. For each sentence:
/// its text, ICU's words, every candidate span with the rule that matched it and why it was
/// dropped (word boundary, deny rule, overlap policy, no value), and the final claims.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show sentences, words, candidate spans, drop reasons and final claims for a text.")

    @Argument(help: "The text to explain (or use --file).")
    var text: String?

    @Option(help: "Explain the contents of this file instead.")
    var file: String?

    @Option(name: .customLong("rules"), help: "Extra rule folders (repeatable).")
    var ruleDirs: [String] = []

    @Flag(help: "Use only the --rules folders, not the built-in rules.")
    var noBuiltinRules = false

    func validate() throws {
        if (text == nil) == (file == nil) { throw ValidationError("give a text or --file, not both") }
    }

    func run() throws {
        let book = try loadRules(builtin: !noBuiltinRules, folders: ruleFolders(ruleDirs))
        let document: Document
        if let file {
            var options = Pipeline.Options()
            options.jobs = 1
            switch DocumentLoader.load(path: file, id: file, options: options) {
            case let .success(d): document = d
            case let .failure(p): warn(p.description); throw ExitCode(1)
            }
        } else {
            document = Document(id: "text", text: text ?? "")
        }
        let extractor = try DocumentExtractor(book: book)
        var traces: [DocumentExtractor.Trace] = []
        let result = try extractor.extract(document) { traces.append($0) }
        let buffer = result.segmented.buffer
        let words = try WordSegmenter()
        for sentence in result.segmented.sentences {
            print("sentence \(sentence.number) [\(sentence.range.lowerBound), \(sentence.range.upperBound)): \(buffer.text(sentence.range))")
            let w = try words.words(buffer, sentence.range).map { buffer.text($0.range) }
            print("  words: \(w.joined(separator: " | "))")
            let here = traces.filter { $0.sentence.number == sentence.number }
                .sorted { ($0.candidate.span.lowerBound, $0.candidate.span.count) < ($1.candidate.span.lowerBound, $1.candidate.span.count) }
            if here.isEmpty { print("  no candidate"); continue }
            print("  candidates:")
            for t in here {
                let span = t.candidate.span
                let verdict = t.dropped.map { "dropped: \($0)" } ?? (t.candidate.rule.rule.isDeny ? "deny: blocks overlapping candidates" : "kept")
                print("    [\(span.lowerBound), \(span.upperBound)) \(buffer.text(span))  \(t.candidate.rule.rule.id)  \(verdict)")
            }
            let claims = result.claims.filter { $0.sentence == sentence.number }
            print("  claims:")
            if claims.isEmpty { print("    none") }
            for c in claims {
                var out: [UInt8] = []
                ClaimRecord.write(c, document: document, buffer: buffer, sentenceText: nil, to: &out)
                print("    " + String(decoding: out.dropLast(), as: UTF8.self))
            }
        }
        for id in result.limitHits { print("rule \(id) hit the PCRE2 match limit in this text and was skipped") }
    }
}
