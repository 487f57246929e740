/// The per-run summary written by `extract --report FILE`: one JSON object with documents, bytes,
/// encodings seen, inputs skipped and why, claims by kind, code points read and those that ICU's
/// word segmentation read, and seconds.
public enum RunReport {
    public static func json(_ s: Pipeline.Summary, seconds: Double, jobs: Int) -> String {
        var out: [UInt8] = []
        func str(_ v: String) { ClaimRecord.string(v, &out) }
        func raw(_ v: String) { out += Array(v.utf8) }
        func counts(_ d: [String: Int]) {
            raw("{")
            for (i, (k, v)) in d.sorted(by: { $0.key < $1.key }).enumerated() {
                if i > 0 { raw(",") }
                str(k); raw(":\(v)")
            }
            raw("}")
        }
        raw("{\"schema\":1,\"documents\":\(s.documents),\"bytes\":\(s.bytes),\"claims\":\(s.claims),")
        raw("\"claims_by_kind\":"); counts(s.kinds)
        raw(",\"encodings\":"); counts(s.encodings)
        raw(",\"skipped\":\(s.skipped),\"skipped_inputs\":[")
        for (i, p) in s.problems.enumerated() {
            if i > 0 { raw(",") }
            raw("{\"source\":"); str(p.source); raw(",\"reason\":"); str(p.reason); raw("}")
        }
        let rounded = (seconds * 1000).rounded() / 1000
        raw("],\"code_points\":\(s.codePoints),\"word_segmented_code_points\":\(s.segmentedCodePoints)")
        raw(",\"jobs\":\(jobs),\"seconds\":\(rounded)}\n")
        return String(decoding: out, as: UTF8.self)
    }
}
