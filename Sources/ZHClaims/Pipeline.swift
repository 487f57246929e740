import Dispatch
import Synchronization

/// All the wiring in one place: read and decode → normalize → segment → match → resolve →
/// context → emit, over many documents on `jobs` threads, with output in input order.
///
/// Input items are taken in batches; the workers of a batch pull items from a shared counter,
/// and the batch's output is written in item order, so the bytes written are the same for every
/// `jobs` value. Memory is bounded by the batch, never by the corpus.
public struct Pipeline: Sendable {
    public struct Options: Sendable {
        public var jobs = 1
        public var maxDocumentBytes = 256 << 20
        /// Files larger than this are read in pieces of this size, cut at line breaks.
        public var pieceBytes = 4 << 20
        /// With several jobs, the outputs held for in-order writing stop growing past this.
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
        public var skipped: Int { problems.count }

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
        public var skipped: Int { problems.count }

        mutating func add(_ out: ItemOutput) {
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

    /// Runs every item; `emit` receives each item's output in input order, on the calling thread.
    /// `emit` returns false to stop early (e.g. the reader of stdout went away).
    public func run<S: Sequence<InputItem>>(_ items: S, emit: (ItemOutput) -> Bool) throws -> Summary {
        let jobs = max(1, options.jobs)
        let extractors = try (0..<jobs).map { _ in try DocumentExtractor(book: book) }
        var summary = Summary()
        var iterator = JSONLinesExpansion(items.makeIterator(), idField: options.idField, textField: options.textField)
        // Workers wait for the slowest item of a batch: large batches keep that wait short, and
        // a byte budget (8 pieces) keeps a batch of big files, and their output, within the memory bound.
        let batchSize = jobs == 1 ? 1 : 128 * jobs
        let batchBytes = 8 * options.pieceBytes
        var pending: [InputItem] = []   // taken from the iterator but not yet processed, in order
        while true {
            var batch: [InputItem] = []
            var bytes = 0
            var large: (path: String, id: String)? = nil
            while batch.count < batchSize, bytes < batchBytes, let item = pending.isEmpty ? iterator.next() : pending.removeFirst() {
                let size = Self.size(of: item)
                if let big = readInPieces(item, size: size) {
                    if batch.isEmpty { large = big } else { pending.insert(item, at: 0) }
                    break
                }
                batch.append(item)
                bytes += size
            }
            if batch.isEmpty && large == nil { break }
            let outputs = process(batch, extractors)
            pending.insert(contentsOf: batch[outputs.count...], at: 0)
            for out in outputs {
                summary.add(out)
                if !emit(out) { return summary }
            }
            if let large, !processPieces(large.path, id: large.id, extractors[0], &summary, emit) { return summary }
        }
        return summary
    }

    /// A file too large to hold as one document: read it in pieces (not stdin, UTF-16 or HTML).
    private func readInPieces(_ item: InputItem, size: Int) -> (path: String, id: String)? {
        guard case let .file(path, id) = item, path != "-", size > options.pieceBytes else { return nil }
        let lower = path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return nil }
        guard let head = FileSystem.head(of: path, count: 2), head != [0xFF, 0xFE], head != [0xFE, 0xFF] else { return nil }
        return (path, id)
    }

    /// The size of an item's text, for the batch's byte budget (0 for stdin, which is read later).
    private static func size(of item: InputItem) -> Int {
        switch item {
        case let .file(path, _) where path != "-": return FileSystem.size(of: path)
        case let .text(document): return document.text.utf8.count
        default: return 0
        }
    }

    /// Extracts a large file piece by piece on this thread, emitting each piece's lines at once,
    /// so neither the input nor the output of the file is ever held whole.
    private func processPieces(_ path: String, id: String, _ extractor: DocumentExtractor,
                               _ summary: inout Summary, _ emit: (ItemOutput) -> Bool) -> Bool {
        guard let reader = PieceReader(path: path, id: id, pieceBytes: options.pieceBytes, forcedCharset: options.forcedEncoding) else {
            var out = ItemOutput()
            out.skip(InputProblem(source: path, reason: FileSystem.errorText()))
            summary.add(out)
            return emit(out)
        }
        var sentences = 0
        var firstPiece = true
        var warned = Set<String>()
        while let piece = reader.next() {
            var out = ItemOutput()
            switch piece {
            case var .success(doc):
                doc.origin.sentences = sentences
                doc.warnings = doc.warnings.filter { warned.insert($0).inserted }
                sentences += extract(doc, extractor, &out)
                if !firstPiece { out.documents = 0 }
                firstPiece = false
            case let .failure(p):
                out.skip(p)
            }
            summary.add(out)
            if !emit(out) { return false }
        }
        return true
    }

    /// The outputs of a prefix of `batch`, in order. Workers stop taking items once the outputs
    /// they hold (which wait for the batch to finish) pass `heldOutputBytes`: a batch of items
    /// dense with claims then ends early, and the rest goes into the next batch.
    private func process(_ batch: [InputItem], _ extractors: [DocumentExtractor]) -> ArraySlice<ItemOutput> {
        if extractors.count == 1 || batch.count == 1 { return batch.map { process($0, extractors[0]) }[...] }
        let results = UnsafeMutableBufferPointer<ItemOutput>.allocate(capacity: batch.count)
        results.initialize(repeating: ItemOutput())
        defer { results.deinitialize(); results.deallocate() }
        let next = Atomic<Int>(0)
        let held = Atomic<Int>(0)
        let shared = UncheckedBox(results)
        let workers = UncheckedBox(extractors)
        let budget = options.heldOutputBytes
        DispatchQueue.concurrentPerform(iterations: extractors.count) { w in
            while held.load(ordering: .relaxed) < budget {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if i >= batch.count { break }
                let out = process(batch[i], workers.value[w])
                held.wrappingAdd(out.records.count, ordering: .relaxed)
                shared.value[i] = out
            }
        }
        // Every index handed out was processed, so the processed items are a prefix.
        let done = min(next.load(ordering: .relaxed), batch.count)
        return Array(results[..<done])[...]
    }

    /// One input item through every stage.
    func process(_ item: InputItem, _ extractor: DocumentExtractor) -> ItemOutput {
        var out = ItemOutput()
        switch item {
        case let .problem(p):
            out.skip(p)
        case let .text(document):
            extract(document, extractor, &out)
        case let .file(path, id):
            switch DocumentLoader.load(path: path, id: id, options: options) {
            case let .success(document): extract(document, extractor, &out)
            case let .failure(p): out.skip(p)
            }
        case let .jsonLinesFile(path, _):
            DocumentLoader.forEachRecord(path: path, options: options) { item in
                switch item {
                case let .text(document): extract(document, extractor, &out)
                case let .problem(p): out.skip(p)
                default: break
                }
            }
        }
        return out
    }

    /// Extracts one document into `out`; returns its number of sentences.
    @discardableResult
    private func extract(_ document: Document, _ extractor: DocumentExtractor, _ out: inout ItemOutput) -> Int {
        out.documents += 1
        out.bytes += document.text.utf8.count
        out.encodings[document.encoding ?? "UTF-8 (JSON)", default: 0] += 1
        for w in document.warnings { out.messages.append("\(document.id): \(w)") }
        // Records are written sentence by sentence; on an error the document's partial records
        // are taken back, so its output is all or nothing.
        let recordsBefore = out.records.count, claimsBefore = out.claims, kindsBefore = out.kinds
        do {
            let (segmented, limitHits) = try extractor.extract(document) { sentence, claims, buffer in
                let sentenceText = options.includeSentence ? buffer.text(sentence.range) : nil
                for claim in claims {
                    ClaimRecord.write(claim, document: document, buffer: buffer, sentenceText: sentenceText, to: &out.records)
                    out.kinds[claim.kind.rawValue, default: 0] += 1
                }
                out.claims += claims.count
            }
            for id in limitHits {
                out.messages.append("\(document.id): rule \(id) hit the PCRE2 match limit; skipped it for this document")
            }
            return segmented.sentences.count
        } catch {
            out.records.removeSubrange(recordsBefore...)
            out.claims = claimsBefore
            out.kinds = kindsBefore
            out.skip(InputProblem(source: document.id, reason: "\(error)"))
            return 0
        }
    }
}

/// Lets worker threads write disjoint slots of one result buffer.
private final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
