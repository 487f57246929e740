/// Who or what a duration belongs to: what lasts is who does it, not where it is done
/// (`张佑君先生|在|中信集团工作|超过20年` → 张佑君先生, `他|在|香港生活了|30年` → 他), and an
/// anniversary is the event's (`中坦建交|50周年|之际`, `成立|70周年|大会` → 中华人民共和国成立).
/// A score is its team's the same way (`阿根廷足球队|在|决赛中|以|2∶0`).
extension SubjectReader {
    /// The agent before the place preposition at token `k` (在 + place + verb + duration or
    /// score), or nil.
    func agent(beforePlaceAt k: Int, _ claim: Claim) -> Range<Int>? {
        guard !isAnniversary(claim), k >= 1, Self.placePrepositions.contains(where: { isWord(k, $0) }) else { return nil }
        var ignored = Backward()
        let x = skipBridges(from: k - 1, claim, &ignored, frames: false)
        guard x >= 0 else { return nil }
        return phrase(endingAt: x) ?? personalPronoun(x)
    }

    /// Token `j` as a phrase when it is a personal pronoun (`他|在|香港生活了|30年`).
    func personalPronoun(_ j: Int) -> Range<Int>? {
        Self.personalPronouns.contains(where: { isWord(j, $0) }) ? j..<(j + 1) : nil
    }

    static let personalPronouns = ["他", "她", "我", "你", "他们", "她们", "我们", "你们", "佢", "佢哋", "我哋"]

    /// Prepositions of place: what follows them is where something lasts, not what lasts.
    static let placePrepositions = ["在", "喺"]

    /// `50周年` (folded from 週年 too).
    func isAnniversary(_ claim: Claim) -> Bool {
        let r = claim.span
        return r.count > 2 && buffer.folded[r.upperBound - 2] == "周" && buffer.folded[r.upperBound - 1] == "年"
    }
}
