/// A clause that names nothing continues the topic of a clause before it (Chinese drops a subject
/// it has just named): `白酒行业营收增速|再上台阶，从此前20%左右|进一步提升至|40%` → 营收增速.
/// The subject window starts at the clause of the first claim, so a claim that finds nothing before
/// the window's start is read again over a window widened by two clauses (`ContextAttacher`).
extension SubjectReader {
    /// Whether a claim whose clause names nothing continues the topic before it: a quantity
    /// reached or changed by a verb right before it (`，同比增长|3.4%`, `，达到|13390亿斤`), not
    /// one that is merely had or is (`有|66%`: a new subject often follows).
    func continuesTopic(_ t: Int, _ claim: Claim) -> Bool {
        // `…逝世，享年91岁`: the age at death is the person's the clause before names.
        if claim.kind == .age, t > 0, Self.agesAtDeath.contains(where: { isWord(t - 1, $0) }) { return true }
        guard [.change, .percent, .money, .measure, .multiple].contains(claim.kind) else { return false }
        // `突破2.5%以上`: the verb is inside the span.
        if Self.predicatingApprox.contains(where: { startsWithText(claim.span, $0) }) { return true }
        var p = t - 1
        while p >= 0 {
            switch tokens[p].kind {
            case .space, .word(.time), .word(.locality):
                p -= 1
            case .word(.particle) where isWord(p, "了"):
                p -= 1   // 增长|了
            case .word(.preposition) where Self.toWords.contains(where: { isWord(p, $0) }):
                p -= 1   // 上升|到, 提升|至
            case .word(.bridge):
                return !Self.existentials.contains(buffer.foldedText(tokens[p].range))
            default:
                // `，从此前20%左右…提升至40%`: a change from one value to another.
                return isWord(p, "从此") || Self.fromWords.contains(where: { isWord(p, $0) })
            }
        }
        return false
    }

    static let agesAtDeath = ["享年", "终年"]

    static let existentials: Set<String> = ["有", "是", "係", "冇", "还有", "共有", "拥有", "已有", "计有", "只有", "仅有", "都是", "也是", "就是", "只是", "仅是", "正是", "即是", "还是"]

    /// The topic a clause without a subject continues (`白酒行业营收增速|再上台阶，从此前20%左右
    /// 提升至40%`): the noun phrase that opens one of the two clauses before the break at `b`, past
    /// time words, and is followed by its predicate.
    /// `ranOut`: the window began before two clauses were read.
    func topic(before b: Int) -> (phrase: Range<Int>?, ranOut: Bool) {
        var end = b
        for _ in 0..<2 {
            var s = end - 1
            while s >= 0, tokens[s].kind != .clauseBreak { s -= 1 }
            let clauseEnd = end
            end = s
            s += 1
            while s < clauseEnd, tokens[s].kind == .space || tokens[s].kind == .word(.time)
                    || tokens[s].kind == .word(.conjunction) || (tokens[s].claimIndex.map { claims[$0].kind == .date } ?? false) {
                s += 1
            }
            // The predicate: the first verb, bridge or adverb of the clause, or the preposition
            // before it (`饶宗颐|在|香港|逝世`: the topic is not the place).
            var e = s
            while e < clauseEnd, e - s < 8, tokens[e].claimIndex == nil {
                if case let .word(c) = tokens[e].kind, c == .verb || c == .bridge || c == .adverb || c == .preposition { break }
                e += 1
            }
            if e > s, e < clauseEnd, tokens[e].wordClass != nil, let np = phrase(endingAt: e - 1), np.lowerBound >= s {
                return (np, false)
            }
            if end < 0 { return (nil, true) }
        }
        return (nil, false)
    }

    static let fromWords = ["从", "由"]
}
