#if canImport(Glibc)
import Glibc
#endif

/// The read stage's back half, run on worker threads: reads a file and decodes it.
public enum DocumentLoader {
    public static func load(path: String, id: String, options: Pipeline.Options) -> Result<Document, InputProblem> {
        let bytes: [UInt8]
        if path == "-" {
            bytes = readAll(fd: 0)
        } else {
            switch FileSystem.readFile(path, limit: options.maxDocumentBytes) {
            case let .success(b): bytes = b
            case let .failure(p): return .failure(p)
            }
        }
        return decode(bytes, path: path, id: id, options: options)
    }

    static func decode(_ bytes: [UInt8], path: String, id: String, options: Pipeline.Options) -> Result<Document, InputProblem> {
        if bytes.count > options.maxDocumentBytes {
            return .failure(InputProblem(source: path, reason: "document is \(bytes.count) bytes, over the limit of \(options.maxDocumentBytes) (--max-size)"))
        }
        return bytes.withUnsafeBytes { raw in
            if options.forcedEncoding == nil, Decoding.looksBinary(raw) {
                return .failure(InputProblem(source: path, reason: "binary file (NUL byte), skipped"))
            }
            do {
                let (text, charset, warnings) = HTMLInput.isHTMLPath(path)
                    ? try HTMLInput.decode(raw, forcedCharset: options.forcedEncoding)
                    : try Decoding.decode(raw, forcedCharset: options.forcedEncoding)
                return .success(Document(id: id, text: text, encoding: charset, warnings: warnings))
            } catch {
                return .failure(InputProblem(source: path, reason: "cannot decode: \(error)"))
            }
        }
    }

    static func readAll(fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out.append(contentsOf: chunk[..<n])
        }
        return out
    }
}
