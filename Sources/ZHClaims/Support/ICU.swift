// The only Swift file that imports the ICU shim. Everything ICU does for zhclaims goes through
// here: sentence and word boundaries, charset conversion and detection.
import CICUShim

/// A failed ICU call: the shim function and ICU's status name (e.g. `U_ILLEGAL_CHAR_FOUND`).
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let function: String
    public let status: Int32
    public var name: String { String(cString: zc_icu_error_name(status)) }
    public var description: String { "\(function) failed: \(name)" }
}

/// Turns an ICU status into a typed error naming the C function; warnings (negative) pass.
@inline(__always)
func icuCheck(_ status: Int32, _ function: String) throws(ICUError) {
    if status > 0 { throw ICUError(function: function, status: status) }
}

/// A reusable ICU break iterator. Not thread-safe: each worker owns its own.
public final class ICUBreaker {
    public enum Kind { case sentence, word }
    private let handle: OpaquePointer
    private var boundaries: [Int32] = Array(repeating: 0, count: 256)
    private var statuses: [Int32] = Array(repeating: 0, count: 256)

    public init(_ kind: Kind) throws(ICUError) {
        var status: Int32 = 0
        let h = zc_icu_breaker_open(kind == .word ? ZC_ICU_BREAK_WORD : ZC_ICU_BREAK_SENTENCE, &status)
        try icuCheck(status, "zc_icu_breaker_open")
        guard let h else { throw ICUError(function: "zc_icu_breaker_open", status: status) }
        handle = h
    }

    deinit { zc_icu_breaker_close(handle) }

    /// Boundaries of `utf16` (excluding 0, including the end) with each segment's rule status.
    public func breaks(_ utf16: UnsafeBufferPointer<UInt16>) throws(ICUError) -> (ends: ArraySlice<Int32>, statuses: ArraySlice<Int32>) {
        while true {
            var status: Int32 = 0
            let capacity = Int32(boundaries.count)
            let n = boundaries.withUnsafeMutableBufferPointer { out in
                statuses.withUnsafeMutableBufferPointer { st in
                    zc_icu_breaks(handle, utf16.baseAddress, Int32(utf16.count), out.baseAddress, st.baseAddress, capacity, &status)
                }
            }
            try icuCheck(status, "zc_icu_breaks")
            if n <= capacity { return (boundaries[..<Int(n)], statuses[..<Int(n)]) }
            boundaries = Array(repeating: 0, count: Int(n))
            statuses = Array(repeating: 0, count: Int(n))
        }
    }
}

/// Charset conversion with ICU's converters (Foundation's legacy encodings are unreliable on Linux).
public enum ICUConverter {
    /// Decodes `bytes` in `charset` to a String. `strict` fails on any bad byte sequence;
    /// otherwise bad sequences become U+FFFD and are counted in `substitutions`.
    public static func decode(_ bytes: UnsafeRawBufferPointer, charset: String, strict: Bool) throws(ICUError) -> (text: String, substitutions: Int) {
        var capacity = max(16, bytes.count + 1)
        while true {
            var status: Int32 = 0
            var subs: Int32 = 0
            var out = [UInt16](repeating: 0, count: capacity)
            let n = out.withUnsafeMutableBufferPointer { o in
                zc_icu_decode(charset, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                              strict ? 1 : 0, o.baseAddress, Int32(capacity), &subs, &status)
            }
            if status == zc_icu_status_buffer_overflow() { capacity = Int(n) + 1; continue }
            try icuCheck(status, "zc_icu_decode(\(charset))")
            return (String(decoding: out[..<Int(n)], as: UTF16.self), Int(subs))
        }
    }

    /// ICU's best guess of the charset of `bytes`, with its confidence (0–100).
    public static func detect(_ bytes: UnsafeRawBufferPointer) throws(ICUError) -> (name: String, confidence: Int) {
        var status: Int32 = 0
        var name = [CChar](repeating: 0, count: 64)
        let confidence = zc_icu_detect(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), &name, 64, &status)
        try icuCheck(status, "zc_icu_detect")
        let end = name.firstIndex(of: 0) ?? name.count
        return (String(decoding: name[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self), Int(confidence))
    }
}
