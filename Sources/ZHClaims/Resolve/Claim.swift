/// A resolved claim: the resolve stage's output, completed by the context stage.
public struct Claim: Sendable {
    /// The span in document code points.
    public var span: Range<Int>
    public var sentence: Int = 0
    public var kind: ClaimKind
    public var value: ExactDecimal?
    public var high: ExactDecimal?
    public var unit: String?
    public var currency: String?
    public var approx: Approx?
    public var change: ChangeDirection?
    public var basis: Basis?
    public var date: String?
    public var subject: String?
    public var rule: String
}
