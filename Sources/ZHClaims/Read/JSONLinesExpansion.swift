#if canImport(Glibc)
import Glibc
#endif

/// Replaces each `.jsonLinesFile` of an input stream by its records, one `.text` or `.problem`
/// item per line, read lazily. A dump of a million articles is then a million items like any
/// other: the workers share them, and each record's claims are written out as soon as the
/// records before it are, so neither the dump nor its output is ever held whole.
public struct JSONLinesExpansion<Base: IteratorProtocol<InputItem>>: IteratorProtocol {
    private var base: Base
    private let idField: String
    private let textField: String
    private var current: (path: String, fd: Int32, reader: LineReader)? = nil

    public init(_ base: Base, idField: String = "id", textField: String = "text") {
        self.base = base
        self.idField = idField
        self.textField = textField
    }

    public mutating func next() -> InputItem? {
        while true {
            if let (path, fd, reader) = current {
                while let line = reader.next() {
                    if let item = JSONLinesRecord.item(line, source: path, lineNumber: reader.lineNumber,
                                                       idField: idField, textField: textField) { return item }
                }
                close(fd)
                current = nil
            }
            guard let item = base.next() else { return nil }
            guard case let .jsonLinesFile(path, _) = item else { return item }
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { return .problem(InputProblem(source: path, reason: FileSystem.errorText())) }
            current = (path, fd, LineReader(fd: fd))
        }
    }
}
