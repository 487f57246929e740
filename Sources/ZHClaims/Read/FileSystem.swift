#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX file access for the read stage (no Foundation: it is on the hot path).
enum FileSystem {
    enum Kind { case file, directory, other }

    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Follows symlinks; `nil` with a reason when the path cannot be examined.
    static func kind(of path: String) -> Result<Kind, InputProblem> {
        var st = stat()
        guard stat(path, &st) == 0 else { return .failure(InputProblem(source: path, reason: errorText())) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .success(.file)
        case S_IFDIR: return .success(.directory)
        default: return .success(.other)
        }
    }

    /// The first `count` bytes of a file (fewer if it is shorter), nil when it cannot be read.
    static func head(of path: String, count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var b = [UInt8](repeating: 0, count: count)
        let n = b.withUnsafeMutableBytes { read(fd, $0.baseAddress, count) }
        return n < 0 ? nil : Array(b[..<n])
    }

    /// A file's size in bytes, 0 when it cannot be examined.
    static func size(of path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : 0
    }

    /// The (device, inode) identity of a directory, to detect symlink loops.
    static func identity(of path: String) -> [UInt64]? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return [UInt64(st.st_dev), UInt64(st.st_ino)]
    }

    /// Entry names of a directory, sorted by their UTF-8 bytes, without `.` and `..`.
    static func entries(of path: String) -> Result<[String], InputProblem> {
        guard let dir = opendir(path) else { return .failure(InputProblem(source: path, reason: errorText())) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) })
    }

    /// Reads a whole file (at most `limit` bytes; more is an error).
    static func readFile(_ path: String, limit: Int) -> Result<[UInt8], InputProblem> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(InputProblem(source: path, reason: errorText())) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(InputProblem(source: path, reason: errorText())) }
        if Int(st.st_size) > limit {
            return .failure(InputProblem(source: path, reason: "file is \(st.st_size) bytes, over the limit of \(limit) (--max-size)"))
        }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size) + 1)
        var used = 0
        while true {
            if used == bytes.count {
                if used > limit { return .failure(InputProblem(source: path, reason: "file grew over the limit of \(limit) bytes")) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, used)))
            }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + used, $0.count - used) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(InputProblem(source: path, reason: errorText()))
            }
            if n == 0 { break }
            used += n
        }
        bytes.removeSubrange(used...)
        return .success(bytes)
    }
}

/// Reads lines from a file descriptor in chunks, so a JSON Lines stream of any length is read in
/// bounded memory (one line at a time).
public final class LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    public private(set) var lineNumber = 0

    public init(fd: Int32) { self.fd = fd }

    /// The next line without its terminator (`\n` or `\r\n`), or nil at the end.
    public func next() -> ArraySlice<UInt8>? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                var line = buffer[start..<nl]
                if line.last == 0x0D { line = line.dropLast() }
                start = nl + 1
                lineNumber += 1
                return line
            }
            if eof {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                lineNumber += 1
                return line
            }
            buffer.removeSubrange(..<start)
            start = 0
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: 1 << 16))
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, 1 << 16) }
            if n < 0 && errno == EINTR { buffer.removeSubrange(old...); continue }
            buffer.removeSubrange((old + max(n, 0))...)
            if n <= 0 { eof = true }
        }
    }
}
