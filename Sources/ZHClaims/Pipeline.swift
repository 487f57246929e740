import Dispatch
import Synchronization

/// All the wiring in one place: read and decode → normalize → segment → match → resolve →
/// context → emit, over many documents on `jobs` threads, with output in input order.
///
/// The workers take items one at a time from a shared stream, which numbers them; the ordered
/// emitter writes the outputs by number, so the bytes written are the same for every `jobs`
/// value. Memory is bounded by the emitter's budgets and the piece size, never by the corpus.
public struct Pipeline: Sendable {
    public struct Options: Sendable {
        public var jobs = 1
        public var maxDocumentBytes = 256 << 20
        /// Files larger than this are read in pieces of this size, cut at line breaks.
        public var pieceBytes = 4 << 20
        /// With several jobs, finished outputs waiting for an earlier item to be written stop
        /// growing past about this many bytes: workers pause before taking another item.
        public var heldOutputBytes = 64 << 20
        public var includeSentence = false
        public var forcedEncoding: String? = nil
        public var idField = "id"
        public var textField = "text"
        public init() {}
    }

    /// What one input item produced: whole JSON lines, stderr messages, and counts.
    public struct ItemOutput: Sendable {
        public var records: [UInt8] = []
        public var messages: [String] = []
        /// Inputs (files or records) that were skipped, with the reason.
        public var problems: [InputProblem] = []
        public var documents = 0
        public var claims = 0
        public var bytes = 0
        public var encodings: [String: Int] = [:]
        public var kinds: [String: Int] = [:]
        /// Code points read, and those given to ICU's word segmentation.
        public var codePoints = 0
        public var segmentedCodePoints = 0
        public var skipped: Int { problems.count }
        /// For a piece of a large file: its number, its sentences, and where the `sent` numbers
        /// of its records start (written relative to the piece until the emitter knows the
        /// sentences of the pieces before it).
        var piece: Int? = nil
        var sentences = 0
        var sentenceOffsets: [Int] = []

        mutating func skip(_ p: InputProblem) {
            problems.append(p)
            messages.append(p.description)
        }
    }

    /// Totals of a run, for the closing message and `--report`.
    public struct Summary: Sendable {
        public var documents = 0
        public var claims = 0
        public var bytes = 0
        public var encodings: [String: Int] = [:]
        public var kinds: [String: Int] = [:]
        public var problems: [InputProblem] = []
        public var codePoints = 0
        public var segmentedCodePoints = 0
        public var skipped: Int { problems.count }

        mutating func add(_ out: ItemOutput) {
            codePoints += out.codePoints
            segmentedCodePoints += out.segmentedCodePoints
            documents += out.documents
            claims += out.claims
            bytes += out.bytes
            encodings.merge(out.encodings, uniquingKeysWith: +)
            kinds.merge(out.kinds, uniquingKeysWith: +)
            problems += out.problems
        }
    }

    public let book: RuleBook
    public let options: Options

    public init(book: RuleBook, options: Options) {
        self.book = book
        self.options = options
    }

    /// Runs every item; `emit` receives the outputs in input order, one call at a time (from
    /// this thread or a worker). A document with a large output may come in several calls: its
    /// records first, then the rest with its counts. `emit` returns false to stop early (e.g. the
    /// reader of stdout went away).
    public func run<S: Sequence<InputItem>>(_ items: S, emit: (ItemOutput) -> Bool) throws -> Summary {
        let jobs = max(1, options.jobs)
        let extractors = try (0..<jobs).map { _ in try DocumentExtractor(book: book) }
        return withoutActuallyEscaping(emit) { emit in
            let emitter = OrderedEmitter(budget: options.heldOutputBytes, emit: emit)
            run(items, extractors, emitter)
            return emitter.summary
        }
    }

    /// Each worker takes the next item (numbered in input order) from the shared stream until it
    /// runs dry: no batches, so no worker waits for another's slow item. Reading the stream (file
    /// names, `.jsonl` lines, pieces of large files) is cheap and done under a lock.
    private func run<S: Sequence<InputItem>>(_ items: S, _ extractors: [DocumentExtractor], _ emitter: OrderedEmitter) {
        let records = JSONLinesExpansion(items.makeIterator(), idField: options.idField, textField: options.textField)
        let stream = SharedStream(PieceExpansion(records, pieceBytes: options.pieceBytes, forcedEncoding: options.forcedEncoding))
        let workers = UncheckedBox(extractors)
        DispatchQueue.concurrentPerform(iterations: extractors.count) { w in
            while true {
                emitter.waitForRoom()
                if emitter.stopped { break }
                guard let (item, number) = stream.next() else { break }
                emitter.finish(number, process(item, workers.value[w], emitter, number: number))
            }
        }
    }

    /// One input item through every stage; `number` is its place in the output order. Items
    /// come from `run`'s stream, where dumps are already split into records.
    private func process(_ item: InputItem, _ extractor: DocumentExtractor, _ emitter: OrderedEmitter, number: Int) -> ItemOutput {
        var out = ItemOutput()
        switch item {
        case let .problem(p):
            out.skip(p)
        case let .text(document):
            extract(document, extractor, &out, emitter, number)
        case let .file(path, id):
            switch DocumentLoader.load(path: path, id: id, options: options) {
            case let .success(document): extract(document, extractor, &out, emitter, number)
            case let .failure(p): out.skip(p)
            }
        case let .jsonLinesFile(path, _):
            out.skip(InputProblem(source: path, reason: "internal error: a JSON Lines file reached the extractor unsplit"))
        }
        return out
    }

    /// Extracts one document into `out`; returns its number of sentences. Between sentences the
    /// emitter may write and empty the records gathered so far.
    @discardableResult
    private func extract(_ document: Document, _ extractor: DocumentExtractor, _ out: inout ItemOutput,
                         _ emitter: OrderedEmitter, _ number: Int) -> Int {
        if (document.piece ?? 0) == 0 { out.documents += 1 }   // a file read in pieces is one document
        out.bytes += document.text.utf8.count
        out.encodings[document.encoding ?? "UTF-8 (JSON)", default: 0] += 1
        for w in document.warnings { out.messages.append("\(document.id): \(w)") }
        // On an error the records not yet written are taken back, and the counts with them, so
        // the counts always say what was written.
        var mark = (records: out.records.count, claims: out.claims, kinds: out.kinds)
        out.piece = document.piece
        // A piece whose predecessors are all written (always so with one job) gets whole
        // sentence numbers at once; the others are completed by the emitter.
        var document = document
        var relative = false
        if let piece = document.piece {
            if let before = emitter.sentencesBefore(piece: piece, number: number) {
                document.origin.sentences = before
            } else {
                relative = true
            }
        }
        let counted = (extractor.codePoints, extractor.segmentedCodePoints)
        defer {
            out.codePoints += extractor.codePoints - counted.0
            out.segmentedCodePoints += extractor.segmentedCodePoints - counted.1
        }
        do {
            let (segmented, limitHits) = try extractor.extract(document) { sentence, claims, buffer in
                let sentenceText = options.includeSentence ? buffer.text(sentence.range) : nil
                for claim in claims {
                    let at = ClaimRecord.write(claim, document: document, buffer: buffer, sentenceText: sentenceText, to: &out.records)
                    if relative { out.sentenceOffsets.append(at) }
                    out.kinds[claim.kind.rawValue, default: 0] += 1
                }
                out.claims += claims.count
                let gathered = out.records.count
                emitter.flush(number, &out)
                if out.records.count < gathered { mark = (out.records.count, out.claims, out.kinds) }
            }
            for id in limitHits {
                out.messages.append("\(document.id): rule \(id) hit the PCRE2 match limit; skipped it for this document")
            }
            out.sentences = segmented.sentences.count
            return segmented.sentences.count
        } catch {
            out.sentenceOffsets.removeAll { $0 >= mark.records }
            out.records.removeSubrange(mark.records...)
            out.claims = mark.claims
            out.kinds = mark.kinds
            out.skip(InputProblem(source: document.id, reason: "\(error)"))
            return 0
        }
    }
}

/// The input stream shared by the workers: each takes the next item and its number under a lock.
private final class SharedStream: @unchecked Sendable {
    private var items: AnyIterator<InputItem>
    private var number = 0
    private let lock = Mutex(())

    init(_ items: some IteratorProtocol<InputItem>) { self.items = AnyIterator(items) }

    func next() -> (InputItem, Int)? {
        lock.withLock { _ in
            guard let item = items.next() else { return nil }
            defer { number += 1 }
            return (item, number)
        }
    }
}

/// Lets worker threads share the extractors, each using only its own.
private final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
