// The only Swift file that imports the PCRE2 shim: compiling rule patterns (with JIT) and matching
// them under limits.
import CPCRE2Shim

/// A PCRE2 failure: the shim function, PCRE2's error code and message, and for compile errors the
/// byte offset in the pattern.
public struct PCRE2Error: Error, CustomStringConvertible, Sendable {
    public let function: String
    public let code: Int32
    public let patternOffset: Int?
    public var message: String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = zc_pcre2_error_message(code, &buffer, buffer.count)
        return n > 0 ? String(decoding: buffer[..<Int(n)], as: UTF8.self) : "PCRE2 error \(code)"
    }
    /// Whether a match gave up because it hit the match, depth, heap or JIT stack limit.
    public var isLimit: Bool {
        [ZC_PCRE2_MATCHLIMIT, ZC_PCRE2_DEPTHLIMIT, ZC_PCRE2_HEAPLIMIT, ZC_PCRE2_JIT_STACKLIMIT].contains(code)
    }
    public var description: String {
        if let patternOffset { return "\(function): \(message) at pattern offset \(patternOffset)" }
        return "\(function): \(message)"
    }
}

/// A compiled, JIT-compiled pattern. Immutable after init, so shared by all worker threads.
public final class PCRE2Pattern: @unchecked Sendable {
    fileprivate let handle: OpaquePointer
    /// Named groups → group numbers (several when a name is used in several alternatives).
    public let groupNumbers: [String: [Int]]
    public let captureCount: Int
    public var isJIT: Bool { zc_pcre2_is_jit(handle) != 0 }

    /// - Parameters:
    ///   - anchored: the pattern matches only at the `start` given to `match` (compiled so, which
    ///     JIT handles well; PCRE2's match-time anchoring does not get JIT speed).
    ///   - jit: JIT-compile it (off for a pattern kept mostly for its group table: saves load time).
    public init(_ pattern: String, caseless: Bool = false, anchored: Bool = false, jit: Bool = true) throws(PCRE2Error) {
        var code: Int32 = 0
        var offset = 0
        let flags = (caseless ? ZC_PCRE2_CASELESS : 0) | (anchored ? ZC_PCRE2_ANCHORED : 0) | (jit ? 0 : ZC_PCRE2_NO_JIT)
        let h = pattern.utf8CString.withUnsafeBufferPointer { p in
            zc_pcre2_compile(p.baseAddress, p.count - 1, flags, &code, &offset)
        }
        guard let h else { throw PCRE2Error(function: "zc_pcre2_compile", code: code, patternOffset: offset) }
        handle = h
        captureCount = Int(zc_pcre2_capture_count(h))
        var names: [String: [Int]] = [:]
        for i in 0..<zc_pcre2_name_count(h) {
            var group: UInt32 = 0
            let name = String(cString: zc_pcre2_name_at(h, i, &group))
            names[name, default: []].append(Int(group))
        }
        groupNumbers = names
    }

    deinit { zc_pcre2_pattern_free(handle) }
}

/// Per-thread matching state (match data, match context with limits, JIT stack).
public final class PCRE2Matcher {
    private let handle: OpaquePointer

    /// - Parameters: `matchLimit` bounds backtracking steps, `depthLimit` nesting (interpreter only).
    public init(maxCaptures: Int, matchLimit: UInt32 = 200_000, depthLimit: UInt32 = 5_000) {
        guard let h = zc_pcre2_matcher_create(UInt32(maxCaptures), matchLimit, depthLimit) else {
            fatalError("zc_pcre2_matcher_create: out of memory")
        }
        handle = h
    }

    deinit { zc_pcre2_matcher_free(handle) }

    /// Finds the next match of `pattern` in `subject` at or after byte `start`. Sets the byte
    /// ranges of groups 0…captureCount (nil for unset groups) in `groups`, which grows to fit and
    /// never shrinks (elements past captureCount keep older values: no allocation per call when
    /// patterns with different group counts alternate). Returns false when there is no match;
    /// throws on an error such as a hit limit.
    public func match(_ pattern: PCRE2Pattern, in subject: UnsafeBufferPointer<UInt8>, from start: Int,
                      into groups: inout [Range<Int>?]) throws(PCRE2Error) -> Bool {
        try match(Unmanaged.passUnretained(pattern), in: subject, from: start, into: &groups)
    }

    /// `match` with a pattern its caller keeps alive: the matcher's hot loop passes patterns
    /// this way, so that no retain and release is paid per attempt.
    public func match(_ pattern: Unmanaged<PCRE2Pattern>, in subject: UnsafeBufferPointer<UInt8>, from start: Int,
                      into groups: inout [Range<Int>?]) throws(PCRE2Error) -> Bool {
        let (code, captureCount) = pattern._withUnsafeGuaranteedRef { ($0.handle, $0.captureCount) }
        let rc = zc_pcre2_match(code, handle, subject.baseAddress, subject.count, start)
        if rc == ZC_PCRE2_NOMATCH { return false }
        if rc < 0 { throw PCRE2Error(function: "zc_pcre2_match", code: rc, patternOffset: nil) }
        let ov = zc_pcre2_ovector(handle)!
        let n = captureCount + 1
        if groups.count < n { groups += Array(repeating: nil, count: n - groups.count) }
        groups.withUnsafeMutableBufferPointer { out in
            for g in 0..<n {
                // size_t imports as Int: PCRE2_UNSET is -1. Groups past `rc` were not set by this match.
                let a = ov[2 * g], b = ov[2 * g + 1]
                out[g] = (g >= Int(rc) || a < 0) ? nil : a..<max(a, b)
            }
        }
        return true
    }
}
