/// What a rank belongs to when the words before it name the class it is ranked in:
/// `有效专利总量|连续三年|居|全球|运营商|第一` → 有效专利总量, not 运营商 (CONVENTIONS.md: for a
/// rank the subject is the entity ranked).
extension SubjectReader {
    /// The phrase before the verb of ranking that token `k` (the token before the class noun)
    /// is or follows (`居|全球`), past a streak (`连续三年`, `连续多年`); nil when there is none.
    func rankedEntity(beforeClassAt k: Int, _ claim: Claim) -> Range<Int>? {
        guard k >= 1, Self.rankVerbs.contains(where: { isWord(k, $0) })
                || (tokens[k].kind == .word(.scope) && Self.rankVerbs.contains(where: { isWord(k - 1, $0) })) else { return nil }
        var ignored = Backward()
        var x = skipBridges(from: k, claim, &ignored)
        while x >= 0, tokens[x].claimIndex.map({ claims[$0].kind == .duration }) ?? isWord(x, "多年") {
            x = skipBridges(from: x - 1, claim, &ignored)
        }
        return x >= 0 ? phrase(endingAt: x) : nil
    }

    static let rankVerbs = ["居", "位居", "位列", "排名", "排在", "名列", "居于", "列"]
}
