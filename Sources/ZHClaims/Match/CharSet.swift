/// A set of code points as sorted, disjoint, non-adjacent ranges: what `PatternFacts` reads out
/// of a pattern. Its sets are character classes and long alternations of words (units,
/// classifiers, numerals), unioned over and over while a pattern is read; as a hashed
/// `Set<UInt32>` every union copied and rehashed the larger set, most of the time spent loading
/// rules. Here a union merges two short range lists, and a class range is one entry.
struct CharSet: Equatable, Sequence, ExpressibleByArrayLiteral, Sendable {
    private var ranges: [ClosedRange<UInt32>] = []

    init() {}

    init(arrayLiteral elements: UInt32...) {
        // One code point (a literal character of a pattern) is the common case: no sorting.
        if elements.count == 1 { self.init(ranges: [elements[0]...elements[0]]) } else { self.init(elements) }
    }

    init<S: Sequence>(_ elements: S) where S.Element == UInt32 {
        for v in elements.sorted() {
            if let last = ranges.last, v <= last.upperBound &+ 1, v >= last.lowerBound {
                if v > last.upperBound { ranges[ranges.count - 1] = last.lowerBound...v }
            } else {
                ranges.append(v...v)
            }
        }
    }

    private init(ranges: [ClosedRange<UInt32>]) { self.ranges = ranges }

    /// Every code point of `range`.
    static func range(_ range: ClosedRange<UInt32>) -> CharSet { CharSet(ranges: [range]) }

    var isEmpty: Bool { ranges.isEmpty }

    var count: Int { ranges.reduce(0) { $0 + Int($1.upperBound - $1.lowerBound) + 1 } }

    func contains(_ v: UInt32) -> Bool {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < ranges.count && ranges[lo].lowerBound <= v
    }

    func union(_ other: CharSet) -> CharSet {
        if other.ranges.isEmpty { return self }
        if ranges.isEmpty { return other }
        var out: [ClosedRange<UInt32>] = []
        out.reserveCapacity(ranges.count + other.ranges.count)
        var i = 0, j = 0
        while i < ranges.count || j < other.ranges.count {
            let next: ClosedRange<UInt32>
            if j == other.ranges.count || (i < ranges.count && ranges[i].lowerBound <= other.ranges[j].lowerBound) {
                next = ranges[i]; i += 1
            } else {
                next = other.ranges[j]; j += 1
            }
            // Merge with the last range when they overlap or touch.
            if let last = out.last, next.lowerBound <= last.upperBound &+ 1 {
                if next.upperBound > last.upperBound { out[out.count - 1] = last.lowerBound...next.upperBound }
            } else {
                out.append(next)
            }
        }
        return CharSet(ranges: out)
    }

    /// In place; a few ranges are inserted one by one (a pattern's literal characters are
    /// added to the set of everything it consumes, one at a time).
    mutating func formUnion(_ other: CharSet) {
        if other.ranges.count <= 4 {
            for r in other.ranges { insert(r) }
        } else {
            self = union(other)
        }
    }

    mutating func insert(_ v: UInt32) { insert(v...v) }

    /// Merges `range` with the ranges it overlaps or touches, in place.
    mutating func insert(_ range: ClosedRange<UInt32>) {
        // The first range that ends at or after the code point before `range`.
        var lo = 0, hi = ranges.count
        let from = range.lowerBound == 0 ? 0 : range.lowerBound - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound < from { lo = mid + 1 } else { hi = mid }
        }
        let first = lo
        var last = first
        while last < ranges.count, ranges[last].lowerBound <= range.upperBound &+ 1 { last += 1 }
        if first == last {
            ranges.insert(range, at: first)
        } else {
            let merged = Swift.min(ranges[first].lowerBound, range.lowerBound)...Swift.max(ranges[last - 1].upperBound, range.upperBound)
            ranges.replaceSubrange(first..<last, with: CollectionOfOne(merged))
        }
    }

    func intersection(_ other: CharSet) -> CharSet {
        var out: [ClosedRange<UInt32>] = []
        var i = 0, j = 0
        while i < ranges.count && j < other.ranges.count {
            let a = ranges[i], b = other.ranges[j]
            let lo = Swift.max(a.lowerBound, b.lowerBound), hi = Swift.min(a.upperBound, b.upperBound)
            if lo <= hi { out.append(lo...hi) }
            if a.upperBound < b.upperBound { i += 1 } else { j += 1 }
        }
        return CharSet(ranges: out)
    }

    func subtracting(_ other: CharSet) -> CharSet {
        var out: [ClosedRange<UInt32>] = []
        var j = 0
        for r in ranges {
            var lo = r.lowerBound
            var done = false
            while j < other.ranges.count && other.ranges[j].upperBound < lo { j += 1 }
            var k = j
            while k < other.ranges.count && other.ranges[k].lowerBound <= r.upperBound {
                let cut = other.ranges[k]
                if cut.lowerBound > lo { out.append(lo...(cut.lowerBound - 1)) }
                if cut.upperBound >= r.upperBound { done = true; break }
                lo = cut.upperBound + 1
                k += 1
            }
            if !done { out.append(lo...r.upperBound) }
        }
        return CharSet(ranges: out)
    }

    /// The members in ascending order.
    func makeIterator() -> FlattenSequence<[ClosedRange<UInt32>]>.Iterator { ranges.joined().makeIterator() }
}
