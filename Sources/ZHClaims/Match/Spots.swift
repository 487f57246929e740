/// The spots of one sentence (see `SentenceMatcher.prepare`): the positions where some
/// dispatched rule can begin with its needs ahead met, each with its character's row in the rule
/// table and, per word of rule bits, the rules whose needs ahead are met there. Scratch storage
/// owned by one matcher and reused for every sentence: raw memory, so that the sweep over every
/// character writes without bounds or uniqueness checks.
final class Spots {
    let words: Int
    private(set) var count = 0
    private var capacity = 0
    // 32-bit: a sentence of millions of characters (a file with no terminator) holds one entry
    // per character here in the worst case.
    private var positions: UnsafeMutablePointer<Int32>
    private var rows: UnsafeMutablePointer<Int32>
    private var ahead: UnsafeMutablePointer<UInt64>

    init(words: Int) {
        self.words = words
        positions = .allocate(capacity: 0)
        rows = .allocate(capacity: 0)
        ahead = .allocate(capacity: 0)
    }

    deinit {
        positions.deallocate(); rows.deallocate(); ahead.deallocate()
    }

    /// Empties the list, with room for a sentence of `n` characters.
    func reset(forCharacters n: Int) {
        count = 0
        guard n > capacity else { return }
        positions.deallocate(); rows.deallocate(); ahead.deallocate()
        capacity = max(n, 2 * capacity)
        positions = .allocate(capacity: capacity)
        rows = .allocate(capacity: capacity)
        ahead = .allocate(capacity: capacity * words)
    }

    /// Keeps the first `n` spots written through a `view` (see `SentenceMatcher.prepare`).
    func setCount(_ n: Int) { count = n }

    /// The spots as plain pointers, for a loop that reads them all: each read of a class's
    /// stored property pays a dynamic exclusivity check, one per read per spot.
    var view: View { View(positions: positions, rows: rows, ahead: ahead, words: words, count: count) }

    struct View {
        let positions: UnsafeMutablePointer<Int32>, rows: UnsafeMutablePointer<Int32>
        let ahead: UnsafeMutablePointer<UInt64>
        let words: Int
        let count: Int
        @inline(__always) func position(_ k: Int) -> Int { Int(positions[k]) }
        @inline(__always) func row(_ k: Int) -> Int { Int(rows[k]) }
        @inline(__always) func ahead(_ k: Int, word w: Int) -> UInt64 { ahead[k &* words &+ w] }
    }
}
