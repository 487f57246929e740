#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// Byte → text decoding. Order: explicit charset, BOM (UTF-8, UTF-16LE/BE), strict UTF-8, strict
/// GB18030, strict Big5 (ICU's detector decides when both fit), then — for bytes that are none
/// of these — mostly-valid UTF-8 with bad bytes replaced, ICU charset detection, and finally
/// GB18030 with bad bytes replaced. Replacements are reported once per file.
public enum Decoding {
    /// Like ripgrep: a NUL byte in the first 8 KiB means a binary file — unless a UTF-16 byte
    /// order mark says the NULs are the high bytes of text.
    public static func looksBinary(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        // memchr: the generic `contains` over a raw buffer slice cost ~10 instructions a byte.
        guard let base = bytes.baseAddress else { return false }
        return memchr(base, 0, min(bytes.count, 8192)) != nil
    }

    /// Decodes `bytes`; returns the text (BOM removed), the charset used and warnings.
    public static func decode(_ bytes: UnsafeRawBufferPointer, forcedCharset: String? = nil) throws -> (text: String, charset: String, warnings: [String]) {
        if let forcedCharset {
            let (text, subs) = try ICUConverter.decode(bytes, charset: forcedCharset, strict: false)
            return (dropBOM(text), forcedCharset, replacedWarning(subs))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = UnsafeRawBufferPointer(rebasing: bytes[3...])
            let (text, warnings) = lenientUTF8(body)
            return (text, "UTF-8", warnings)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try decodeICU(bytes, "UTF-16LE", skip: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try decodeICU(bytes, "UTF-16BE", skip: 2) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, "UTF-8", []) }
        // Big5 byte pairs are mostly valid GB18030 too: when both decode cleanly, ICU's
        // statistical detector decides.
        let gb = try? ICUConverter.decode(bytes, charset: "GB18030", strict: true)
        let big5 = try? ICUConverter.decode(bytes, charset: "Big5", strict: true)
        switch (gb, big5) {
        case let (g?, b?):
            let guess = (try? ICUConverter.detect(bytes))?.name ?? ""
            return guess.hasPrefix("Big5") ? (b.text, "Big5", []) : (g.text, "GB18030", [])
        case let (g?, nil): return (g.text, "GB18030", [])
        case let (nil, b?): return (b.text, "Big5", [])
        case (nil, nil): break
        }
        // Mostly valid UTF-8 with a few broken bytes is far more common than a broken GB18030 file.
        if mostlyUTF8(bytes) {
            let (text, warnings) = lenientUTF8(bytes)
            return (text, "UTF-8", warnings)
        }
        // Last resort: what ICU's statistical detector thinks it is (Shift_JIS, EUC-KR, a Latin
        // charset …), if it is fairly sure; otherwise GB18030, the likeliest for Chinese news.
        if let guess = try? ICUConverter.detect(bytes), guess.confidence >= 50,
           !guess.name.hasPrefix("UTF-16"), !guess.name.hasPrefix("UTF-32"),
           let (text, subs) = try? ICUConverter.decode(bytes, charset: guess.name, strict: false) {
            return (text, guess.name, replacedWarning(subs) + ["decoded as \(guess.name) (detected, confidence \(guess.confidence))"])
        }
        let (text, subs) = try ICUConverter.decode(bytes, charset: "GB18030", strict: false)
        return (text, "GB18030", replacedWarning(subs))
    }

    /// UTF-8 with invalid sequences replaced by U+FFFD, and the warning that says how many.
    static func lenientUTF8(_ bytes: UnsafeRawBufferPointer) -> (text: String, warnings: [String]) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, []) }
        let text = String(decoding: bytes, as: UTF8.self)
        return (text, replacedWarning(text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }))
    }

    private static func decodeICU(_ bytes: UnsafeRawBufferPointer, _ charset: String, skip: Int) throws -> (text: String, charset: String, warnings: [String]) {
        let body = UnsafeRawBufferPointer(rebasing: bytes[skip...])
        let (text, subs) = try ICUConverter.decode(body, charset: charset, strict: false)
        return (text, charset, replacedWarning(subs))
    }

    /// True when valid multi-byte UTF-8 sequences outnumber invalid bytes at least two to one:
    /// text in a legacy encoding forms almost no valid multi-byte sequence.
    static func mostlyUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var good = 0, bad = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0
            if len > 0, i + len <= bytes.count, (1..<len).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) {
                good += 1; i += len
            } else {
                bad += 1; i += 1
            }
        }
        return good > 0 && bad * 2 <= good
    }

    static func dropBOM(_ text: String) -> String {
        text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }

    static func replacedWarning(_ count: Int) -> [String] {
        count > 0 ? ["\(count) invalid byte sequence\(count == 1 ? "" : "s") replaced by U+FFFD"] : []
    }
}
