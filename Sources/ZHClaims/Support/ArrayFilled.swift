extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)` gives.
    ///
    /// Why: `Array(repeating:count:)` allocates through a standard-library entry point that is
    /// not specialized for the element type, and looks up the storage class's generic metadata
    /// at run time on every call (about 650 instructions, a dozen times a sentence in the
    /// context stage). Reserving capacity allocates through code specialized in this module,
    /// whose metadata lookup is cached.
    @inline(__always)
    static func filled(_ value: Element, count: Int) -> [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        out.append(contentsOf: repeatElement(value, count: count))
        return out
    }
}
