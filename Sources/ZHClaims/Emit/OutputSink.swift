#if canImport(Glibc)
import Glibc
#endif

/// Where JSON lines go: stdout or `-o FILE`. Only whole lines are ever written.
///
/// With `-o FILE`, output goes to a hidden temporary file beside FILE that is renamed over FILE
/// when the run ends, so a run killed at any moment (even by SIGKILL) never leaves a half-written
/// line in FILE. On stdout, a closed pipe (`| head`) ends the run quietly.
public final class OutputSink {
    private let fd: Int32
    private let finalPath: String?
    private let tempPath: String?
    private var buffer: [UInt8] = []
    public private(set) var closedByReader = false

    public init(path: String?) throws(InputProblem) {
        signal(SIGPIPE, SIG_IGN)
        guard let path, path != "-" else {
            fd = 1; finalPath = nil; tempPath = nil
            return
        }
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temp = "\(dir).\(name).zhclaims-\(getpid()).tmp"
        let f = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard f >= 0 else { throw InputProblem(source: path, reason: "cannot write: \(FileSystem.errorText())") }
        fd = f; finalPath = path; tempPath = temp
    }

    /// Queues whole lines; writes when enough has gathered. Returns false once the reader is gone.
    /// Small outputs are gathered into one write; a large one (a big document's claims) is
    /// written from its own storage, so the queue never grows to the size of a document.
    @discardableResult
    public func write(_ lines: [UInt8]) -> Bool {
        if buffer.count + lines.count < 1 << 16 {
            buffer += lines
        } else {
            flush()
            lines.withUnsafeBytes { writeAll($0) }
        }
        return !closedByReader
    }

    public func flush() {
        buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes all of `bytes`, retrying short writes; stops for good on an error (EPIPE or a full disk).
    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count, !closedByReader {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                closedByReader = true
                break
            }
            offset += n
        }
    }

    /// Flushes and, for a file, moves the finished output into place.
    public func finish() throws(InputProblem) {
        flush()
        guard let tempPath, let finalPath else { return }
        if fsync(fd) != 0 || close(fd) != 0 {
            throw InputProblem(source: finalPath, reason: "cannot write: \(FileSystem.errorText())")
        }
        if rename(tempPath, finalPath) != 0 {
            throw InputProblem(source: finalPath, reason: "cannot move output into place: \(FileSystem.errorText())")
        }
    }

    /// Removes the temporary file of an abandoned run.
    public func abandon() {
        if let tempPath { close(fd); unlink(tempPath) }
    }
}
