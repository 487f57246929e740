/// Who or what a duration belongs to: what lasts is who does it, not where it is done
/// (`张佑君先生|在|中信集团工作|超过20年` → 张佑君先生, `他|在|香港生活了|30年` → 他), and an
/// anniversary is the event's (`中坦建交|50周年|之际`, `成立|70周年|大会` → 中华人民共和国成立).
/// A score is its team's the same way (`阿根廷足球队|在|决赛中|以|2∶0`).
extension SubjectReader {
    /// The agent before the place preposition at token `k` (在 + place + verb + duration or
    /// score), or nil.
    func agent(beforePlaceAt place: Int, of np: Range<Int>? = nil, _ claim: Claim) -> Range<Int>? {
        var k = place
        // A place named with what it belongs to: `切尔西二队|在|赫尔城|的|金斯顿kc球场|4比0`,
        // `在|汉口医院|的|重症病区里|坚持工作了|14天`; not a quantity of it (`合肥市|在|这方面|的|交易额`).
        if k >= 2, isWord(k, "的"), let np, let last = buffer.folded[tokens[np.upperBound - 1].range].last,
           Self.placeEnds.contains(last), let owner = phrase(endingAt: k - 1) {
            k = owner.lowerBound - 1
        }
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

    /// Last characters of nouns of places (球场, 病区里, 医院, 水中).
    static let placeEnds: ScalarSet = "场馆院区里中上内外所站厅室园城村港"

    /// Prepositions of place: what follows them is where something lasts, not what lasts.
    static let placePrepositions = ["在", "喺"]

    /// `50周年` (folded from 週年 too).
    func isAnniversary(_ claim: Claim) -> Bool {
        let r = claim.span
        return r.count > 2 && buffer.folded[r.upperBound - 2] == "周" && buffer.folded[r.upperBound - 1] == "年"
    }
}
