#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Hands outputs to `emit` in input order, one call at a time, whichever worker finishes them.
///
/// Items are numbered in the order they are taken. The item numbered `head` is the oldest not
/// yet written: its worker may write its records as it goes (`flush`), so a document dense with
/// claims never holds its whole output; another item gathers at most `holdBytes` of records, then
/// waits for its turn. Other finished items wait here until the head is done;
/// when what waits passes `budget` bytes, workers pause before taking a new item (`waitForRoom`).
/// The head is always being worked on, so the pause always ends.
final class OrderedEmitter: @unchecked Sendable {
    private struct State {
        var head = 0
        var ready: [Int: Pipeline.ItemOutput] = [:]
        var held = 0
        var stopped = false
        var summary = Pipeline.Summary()
        /// Sentences in the pieces of the current large file written so far.
        var sentencesBefore = 0

        /// Completes the sentence numbers of a piece's records before they are written.
        mutating func completeSentences(_ out: inout Pipeline.ItemOutput) {
            guard let piece = out.piece else { return }
            if piece == 0 { sentencesBefore = 0 }
            ClaimRecord.shiftSentences(&out.records, at: out.sentenceOffsets, by: sentencesBefore)
            out.sentenceOffsets.removeAll(keepingCapacity: true)
        }
    }

    private let state = Mutex(State())
    private let emit: (Pipeline.ItemOutput) -> Bool
    private let budget: Int
    /// Records of the head item are written once they pass this size.
    static let flushBytes = 1 << 20
    /// Records an item that is not the head gathers before it waits for its turn.
    static let holdBytes = 16 << 20

    /// `emit` is only ever called with the lock held, so it needs no locking of its own.
    init(budget: Int, emit: @escaping (Pipeline.ItemOutput) -> Bool) {
        self.budget = budget
        self.emit = emit
    }

    var stopped: Bool { state.withLock { $0.stopped } }
    var summary: Pipeline.Summary { state.withLock { $0.summary } }

    /// Item `number` is done: write it and every finished item after it, if it is the head.
    func finish(_ number: Int, _ out: Pipeline.ItemOutput) {
        state.withLock { s in
            s.ready[number] = out
            s.held += out.records.count
            while !s.stopped, var next = s.ready.removeValue(forKey: s.head) {
                s.held -= next.records.count
                s.completeSentences(&next)
                if next.piece != nil { s.sentencesBefore += next.sentences }
                s.summary.add(next)
                if !emit(next) { s.stopped = true }
                s.head += 1
            }
        }
    }

    /// While item `number` is the head, writes the records it has so far and empties them. An
    /// item that is not the head gathers up to `holdBytes`, then waits to become the head.
    func flush(_ number: Int, _ out: inout Pipeline.ItemOutput) {
        guard out.records.count >= Self.flushBytes else { return }
        while true {
            let written = state.withLock { s -> Bool in
                guard s.head == number || s.stopped else { return false }
                guard !s.stopped else { return true }
                s.completeSentences(&out)
                var partial = Pipeline.ItemOutput()
                swap(&partial.records, &out.records)
                if !emit(partial) { s.stopped = true }
                partial.records.removeAll(keepingCapacity: true)
                swap(&partial.records, &out.records)
                return true
            }
            if written || out.records.count < Self.holdBytes { return }
            usleep(500)
        }
    }

    /// The sentences before piece `piece` of a large file, if item `number` is the head (so all
    /// pieces before it are written); else nil.
    func sentencesBefore(piece: Int, number: Int) -> Int? {
        state.withLock { s in s.head == number ? (piece == 0 ? 0 : s.sentencesBefore) : nil }
    }

    /// Waits while finished outputs over the budget wait for the head.
    func waitForRoom() {
        while state.withLock({ $0.held > budget && !$0.stopped }) { usleep(500) }
    }
}
