/// The pairing of a `分别` list: `X、Y分别…a、b` gives X to a and Y to b (see `Backward.listed`).
extension SubjectReader {
    /// For `X、Y分别…a、b`: the listed subjects before 分别 paired in order with the values linked
    /// to the value at token `firstValue`.
    mutating func assignList(firstValue: Int, phrase np: Range<Int>) {
        let values = linkedValues(from: firstValue)
        guard values.count >= 2 else { return }
        // The items: the phrase extended back over 、 和 与 及, quoted units and 的.
        var items: [Range<Int>] = []
        var itemEnd = np.upperBound
        var k = np.upperBound - 1
        var lastQuoteOpen: Int? = nil
        scan: while k >= 0 {
            switch tokens[k].kind {
            case .word(.content), .word(.verb):
                k -= 1
            case .closeQuote:
                guard let open = openingQuote(k) else { break scan }
                if lastQuoteOpen == k + 1 {
                    // “A”“B”: adjacent quoted units are items of their own.
                    items.append((k + 1)..<itemEnd)
                    itemEnd = k + 1
                }
                lastQuoteOpen = open
                k = open - 1
            case .listBreak:
                items.append((k + 1)..<itemEnd)
                itemEnd = k
                k -= 1
            case .word(.conjunction) where Self.andWords.contains(where: { isWord(k, $0) }):
                items.append((k + 1)..<itemEnd)
                itemEnd = k
                k -= 1
            case .word(.particle) where isWord(k, "的"):
                k -= 1
            default:
                break scan
            }
        }
        items.append((k + 1)..<itemEnd)
        items = items.filter { !$0.isEmpty }.reversed()
        guard items.count == values.count else { return }
        for (item, c) in zip(items, values) { assigned[c] = range(item) }
    }
}
