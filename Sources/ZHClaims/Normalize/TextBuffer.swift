/// The normalize stage's output: the document as code points, a folded copy of the same length,
/// and UTF-8 byte offsets.
///
/// Folding maps one code point to one code point (fullwidth → ASCII, traditional → simplified,
/// variant numerals → standard ones), so a code point offset means the same place in both copies:
/// rules match the folded text while every offset and `text` come from the original.
public final class TextBuffer: Sendable {
    public let document: Document
    /// The original code points.
    public let scalars: [Unicode.Scalar]
    /// `scalars` folded one to one (same count).
    public let folded: [Unicode.Scalar]
    /// UTF-8 byte offset of each code point in the original text, plus the total at the end.
    public let byteOffsets: [Int]

    public init(_ document: Document) {
        self.document = document
        var text = document.text
        (scalars, folded, byteOffsets) = text.withUTF8 { Self.decode($0) }
    }

    /// Code points, folded code points and byte offsets of valid UTF-8 (a String's storage), in
    /// one pass into arrays of the exact size: going through `unicodeScalars` counted, copied
    /// and mapped the text in three passes (about a tenth of the run's instructions). The
    /// decoding reads through raw pointers and folding goes through one pointer to its table
    /// (`Folding.Folder`): checked subscripts and the table's lazy global cost about 100
    /// instructions a code point, most of this stage.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> ([Unicode.Scalar], [Unicode.Scalar], [Int]) {
        guard let p = bytes.baseAddress, !bytes.isEmpty else { return ([], [], [0]) }
        let end = bytes.count
        var n = 0
        for i in 0..<end where p[i] & 0xC0 != 0x80 { n += 1 }
        var offsets: [Int] = []
        var folded: [Unicode.Scalar] = []
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
            folded = [Unicode.Scalar](unsafeUninitializedCapacity: n) { fout, fcount in
                offsets = [Int](unsafeUninitializedCapacity: n + 1) { off, offCount in
                    Folding.withFolder { folder in
                        let o = out.baseAddress!, f = fout.baseAddress!, x = off.baseAddress!
                        var i = 0, k = 0
                        while i < end {
                            let b0 = UInt32(p[i])
                            var v: UInt32
                            var width: Int
                            if b0 < 0x80 { v = b0; width = 1 }
                            else if b0 < 0xE0 { v = (b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F); width = 2 }
                            else if b0 < 0xF0 {
                                v = (b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F); width = 3
                            } else {
                                v = (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12
                                    | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F); width = 4
                            }
                            // Valid: a String holds valid UTF-8.
                            let scalar = unsafeBitCast(v, to: Unicode.Scalar.self)
                            (o + k).initialize(to: scalar)
                            (f + k).initialize(to: folder.fold(scalar))
                            (x + k).initialize(to: i)
                            i &+= width
                            k &+= 1
                        }
                        (x + n).initialize(to: end)
                    }
                    offCount = n + 1
                }
                fcount = n
            }
            count = n
        }
        return (scalars, folded, offsets)
    }

    /// The original text of a code point range.
    public func text(_ range: Range<Int>) -> String { Self.string(scalars[range]) }

    /// The folded text of a code point range.
    public func foldedText(_ range: Range<Int>) -> String { Self.string(folded[range]) }

    /// A String of code points, written as UTF-8 straight into the string's storage: appending
    /// to a `String.UnicodeScalarView` goes one scalar at a time through a slow generic path,
    /// which showed in profiles (every claim builds several of these).
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var count = 0
        for s in scalars { count += UTF8.width(s) }
        return String(unsafeUninitializedCapacity: count) { out in
            var k = 0
            for s in scalars { UTF8Encoding.encode(s.value) { out[k] = $0; k += 1 } }
            return k
        }
    }
}
