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
        let scalars = Array(document.text.unicodeScalars)
        self.scalars = scalars
        self.folded = scalars.map(Folding.fold)
        var offsets = [Int]()
        offsets.reserveCapacity(scalars.count + 1)
        var total = 0
        for s in scalars {
            offsets.append(total)
            total += UTF8.width(s)
        }
        offsets.append(total)
        self.byteOffsets = offsets
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
