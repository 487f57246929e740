/// Replaces each file too large to hold as one document by its pieces (`PieceReader`): one
/// `.text` item per piece, numbered in `Document.piece`, read lazily. The pieces are then items
/// like any other: the workers share them, and the output is the same as for a whole read.
/// Stdin (`-`) is always read this way: its size is unknown. Not for HTML (its text needs the
/// whole page) or UTF-16 files (a cut could split a pair).
public struct PieceExpansion<Base: IteratorProtocol<InputItem>>: IteratorProtocol {
    private var base: Base
    private let pieceBytes: Int
    private let forcedEncoding: String?
    private var current: (reader: PieceReader, next: Int, warned: Set<String>)? = nil

    public init(_ base: Base, pieceBytes: Int, forcedEncoding: String?) {
        self.base = base
        self.pieceBytes = pieceBytes
        self.forcedEncoding = forcedEncoding
    }

    public mutating func next() -> InputItem? {
        while true {
            if case (let reader, let number, var warned)? = current {
                current = nil
                switch reader.next() {
                case nil:
                    continue
                case let .failure(p):
                    return .problem(p)
                case var .success(doc)?:
                    doc.piece = number
                    doc.warnings = doc.warnings.filter { warned.insert($0).inserted }
                    current = (reader, number + 1, warned)
                    return .text(doc)
                }
            }
            guard let item = base.next() else { return nil }
            if case .file("-", let id) = item {   // stdin: its size is unknown, so always in pieces
                current = (PieceReader(fd: 0, path: "-", id: id, pieceBytes: pieceBytes, forcedCharset: forcedEncoding), 0, [])
                continue
            }
            guard case let .file(path, id) = item, isLarge(path) else { return item }
            guard let reader = PieceReader(path: path, id: id, pieceBytes: pieceBytes, forcedCharset: forcedEncoding) else {
                return .problem(InputProblem(source: path, reason: FileSystem.errorText()))
            }
            current = (reader, 0, [])
        }
    }

    private func isLarge(_ path: String) -> Bool {
        guard path != "-", FileSystem.size(of: path) > pieceBytes, !HTMLInput.isHTMLPath(path) else { return false }
        guard let head = FileSystem.head(of: path, count: 2) else { return false }
        return head != [0xFF, 0xFE] && head != [0xFE, 0xFF]
    }
}
