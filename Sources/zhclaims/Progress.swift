import Foundation

/// Progress on stderr: a line redrawn in place on a terminal (documents, MB, MB/s, ETA), or JSON
/// Lines events with `--progress jsonl`; nothing when stderr is not a terminal or with `--quiet`.
/// At most one update a second, so it costs nothing measurable.
final class ProgressReporter {
    enum Mode: String, CaseIterable { case auto, jsonl, off }

    private let mode: Mode
    private let totalBytes: Int?
    private let start = Date()
    private var last = Date.distantPast
    private var documents = 0
    private var bytes = 0
    private var drewLine = false

    init(mode: Mode, totalBytes: Int?) {
        self.mode = mode == .auto && isatty(2) == 0 ? .off : mode
        self.totalBytes = totalBytes
    }

    var isOn: Bool { mode != .off }

    func update(documents d: Int, bytes b: Int) {
        documents += d
        bytes += b
        guard mode != .off, Date().timeIntervalSince(last) >= 1 else { return }
        last = Date()
        emit(final: false)
    }

    func finish() {
        guard mode != .off else { return }
        emit(final: true)
        if drewLine { write("\n") }
    }

    private func emit(final: Bool) {
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        let mb = Double(bytes) / 1_000_000
        let rate = mb / seconds
        var eta: Double? = nil
        if let totalBytes, bytes > 0, !final { eta = max(0, Double(totalBytes - bytes) / 1_000_000 / max(rate, 0.001)) }
        switch mode {
        case .jsonl:
            var line = "{\"event\":\"\(final ? "done" : "progress")\",\"documents\":\(documents),\"bytes\":\(bytes),"
            line += "\"seconds\":\(String(format: "%.3f", seconds)),\"mb_per_s\":\(String(format: "%.2f", rate))"
            if let totalBytes { line += ",\"total_bytes\":\(totalBytes)" }
            if let eta { line += ",\"eta_seconds\":\(String(format: "%.1f", eta))" }
            write(line + "}\n")
        case .auto:
            var line = String(format: "\r%d documents, %.1f MB, %.1f MB/s", documents, mb, rate)
            if let eta { line += String(format: ", ETA %ds", Int(eta.rounded())) }
            write(line + "\u{1B}[K")
            drewLine = true
        case .off: break
        }
    }

    private func write(_ s: String) {
        var bytes = Array(s.utf8)
        bytes.withUnsafeMutableBytes { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
