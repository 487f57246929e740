/// A decoded input document: the unit every later stage works on.
///
/// `text` is the decoded input with a leading BOM removed and nothing else changed; every offset
/// in the output counts into it.
public struct Document: Sendable {
    /// The `doc` field of the claims: the path relative to the folder scanned, the path as given,
    /// `-` for stdin, or the `id` of a JSON Lines record.
    public let id: String
    public let text: String
    /// The charset it was decoded from (`UTF-8`, `GB18030`, …); `nil` for text that came as a string.
    public let encoding: String?
    /// Non-fatal trouble to report once for this document (e.g. replaced bytes).
    public var warnings: [String] = []
    /// Where this text starts in its document when a large file is read in pieces (zero otherwise):
    /// offsets and sentence numbers of its claims are counted from here.
    public var origin = TextOrigin()
    /// The piece number (from 0) when a large file is read in pieces, else nil. The pieces are
    /// extracted in parallel, so `origin.sentences` is 0 and the sentence numbers of a piece's
    /// claims are completed when they are written, in order.
    public var piece: Int? = nil

    public init(id: String, text: String, encoding: String? = nil, warnings: [String] = []) {
        self.id = id
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
    }
}

/// Why an input (a file or a JSON Lines record) was skipped. Reported on stderr as
/// `zhclaims: PATH: reason`; the run goes on and exits 1.
public struct InputProblem: Error, Sendable, CustomStringConvertible {
    public let source: String
    public let reason: String
    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }
    public var description: String { "\(source): \(reason)" }
}

/// One unit of input work, cheap to produce: the expensive reading and decoding happen on a worker.
public enum InputItem: Sendable {
    /// A file to read and decode; `id` is what the claims will call it.
    case file(path: String, id: String)
    /// A JSON Lines file of `{"id","text"}` records: each record is one document.
    case jsonLinesFile(path: String, id: String)
    /// Text that is already decoded (stdin `-`, or one `--stdin` record).
    case text(Document)
    /// Something that failed before it could be read (e.g. a bad `--stdin` line).
    case problem(InputProblem)
}

/// The position of a piece of a document within the whole: code points, UTF-8 bytes and
/// sentences that come before it.
public struct TextOrigin: Sendable, Equatable {
    public var codePoints = 0
    public var bytes = 0
    public var sentences = 0
    public init(codePoints: Int = 0, bytes: Int = 0, sentences: Int = 0) {
        self.codePoints = codePoints
        self.bytes = bytes
        self.sentences = sentences
    }
}
