#if canImport(Glibc)
import Glibc
#endif

/// Reads a large file as a sequence of pieces of about `pieceBytes`, each cut at a line break,
/// so memory stays bounded whatever the file size. Sentences never cross a line break, so every
/// piece is read exactly as the whole file would be; each piece carries its `origin` (code points
/// and UTF-8 bytes of the decoded text before it), and the pipeline continues sentence numbers.
///
/// The charset is decided on the first piece and kept. A line longer than a piece (a one-line
/// 100 MB file) is cut after a sentence terminator or an ASCII byte instead; a claim or sentence
/// that straddles such a forced cut is split there.
public final class PieceReader {
    private let path: String
    private let id: String
    private let fd: Int32
    private let pieceBytes: Int
    private let forcedCharset: String?
    private var charset: String? = nil
    private var carry: [UInt8] = []
    private var eof = false
    private var origin = TextOrigin()
    private var first = true
    private var failed = false

    private let ownsFD: Bool

    public convenience init?(path: String, id: String, pieceBytes: Int, forcedCharset: String?) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        self.init(fd: fd, path: path, id: id, pieceBytes: pieceBytes, forcedCharset: forcedCharset, owned: true)
    }

    /// Reads an open descriptor (stdin), which it does not close.
    public init(fd: Int32, path: String, id: String, pieceBytes: Int, forcedCharset: String?, owned: Bool = false) {
        self.path = path
        self.id = id
        self.fd = fd
        self.ownsFD = owned
        self.pieceBytes = max(4096, pieceBytes)
        self.forcedCharset = forcedCharset
    }

    deinit { if ownsFD { close(fd) } }

    /// The next piece, a problem (after which the file is abandoned), or nil at the end.
    public func next() -> Result<Document, InputProblem>? {
        guard !failed else { return nil }
        fill()
        guard !carry.isEmpty else { return nil }
        // UTF-16 (a BOM) cannot be cut at a byte: such a stream is read whole, as one piece.
        if first, forcedCharset == nil, carry.starts(with: [0xFF, 0xFE]) || carry.starts(with: [0xFE, 0xFF]) {
            while !eof { fill(upTo: .max) }
        }
        let cut = eof ? carry.count : cutPoint(carry)
        let bytes = Array(carry[..<cut])
        carry.removeSubrange(..<cut)
        if first, forcedCharset == nil, bytes.withUnsafeBytes({ Decoding.looksBinary($0) }) {
            failed = true
            return .failure(InputProblem(source: path, reason: "binary file (NUL byte), skipped"))
        }
        do {
            let (text, cs, warnings) = try bytes.withUnsafeBytes { raw -> (String, String, [String]) in
                if let charset = charset ?? forcedCharset, !first {
                    return try Self.decodeFollowing(raw, charset: charset)
                }
                return try Decoding.decode(raw, forcedCharset: forcedCharset)
            }
            first = false
            charset = cs
            var doc = Document(id: id, text: text, encoding: cs, warnings: warnings)
            doc.origin = origin
            var count = 0
            for s in text.unicodeScalars { count += 1; origin.bytes += UTF8.width(s) }
            origin.codePoints += count
            return .success(doc)
        } catch {
            failed = true
            return .failure(InputProblem(source: path, reason: "cannot decode: \(error)"))
        }
    }

    /// Reads until the buffer holds a piece (or the file ends).
    private func fill(upTo limit: Int? = nil) {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while !eof && carry.count < (limit ?? pieceBytes) {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { eof = true; break }
            carry.append(contentsOf: chunk[..<n])
        }
    }

    /// After the last line break of the first `pieceBytes`; failing that after the last 。 (UTF-8)
    /// or ASCII byte below 0x30 (never part of a multi-byte GB18030/Big5/UTF-8 character).
    private func cutPoint(_ b: [UInt8]) -> Int {
        let limit = min(b.count, pieceBytes)
        if let nl = b[..<limit].lastIndex(of: 0x0A) { return nl + 1 }
        var i = limit - 1
        while i > limit / 2 {
            if i >= 2, b[i - 2] == 0xE3, b[i - 1] == 0x80, b[i] == 0x82, charset == nil || charset == "UTF-8" { return i + 1 }
            if b[i] < 0x30 { return i + 1 }
            i -= 1
        }
        // No safe byte at all: cut before a UTF-8 lead byte (the text is mostly UTF-8 then).
        var j = limit
        while j > 1, b[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    /// Later pieces use the first piece's charset (UTF-8 BOM and UTF-16 files are not cut: see
    /// `Pipeline`).
    private static func decodeFollowing(_ raw: UnsafeRawBufferPointer, charset: String) throws -> (String, String, [String]) {
        if charset == "UTF-8" {
            let (s, warnings) = Decoding.lenientUTF8(raw)
            return (s, charset, warnings)
        }
        let (s, subs) = try ICUConverter.decode(raw, charset: charset, strict: false)
        return (s, charset, Decoding.replacedWarning(subs))
    }
}
