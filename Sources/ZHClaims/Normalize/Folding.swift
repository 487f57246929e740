/// One-to-one code point folding for matching: fullwidth ASCII → ASCII, ideographic space →
/// space, numeral variants (○ → 〇), and traditional → simplified (ICU's Traditional-Simplified
/// mappings that are one code point to one, generated into `TraditionalTable.swift`).
///
/// One to one, so a code point offset means the same place in the original and the folded text:
/// rules match folded text while offsets and `text` come from the original.
public enum Folding {
    @inline(__always)
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        withFolder { $0.fold(s) }
    }

    /// Runs `body` with a folder that reads the table through one pointer: a loop over a whole
    /// text should not pay the table's lazy-global check and bounds checks per code point.
    @inline(__always)
    static func withFolder<R>(_ body: (Folder) throws -> R) rethrows -> R {
        try hanTable.withUnsafeBufferPointer { try body(Folder(table: $0)) }
    }

    struct Folder {
        let table: UnsafeBufferPointer<UInt32>

        @inline(__always)
        func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
            let v = s.value
            if v < 0x80 { return s }
            let h = v &- hanBase
            if h < UInt32(table.count) {
                let mapped = table[Int(h)]
                // The table holds only code points (ICU's mappings), 0 for none.
                return mapped == 0 ? s : unsafeBitCast(mapped, to: Unicode.Scalar.self)
            }
            return Folding.foldOther(s)
        }
    }

    /// Folding outside the Han table.
    @inline(__always)
    static func foldOther(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v >= 0xFF01 && v <= 0xFF5E { return Unicode.Scalar(v - 0xFEE0)! }   // fullwidth ASCII
        switch v {
        case 0x3000, 0x00A0: return " "
        case 0x2212, 0x2013, 0xFE63: return "-"            // minus sign, en dash (the em dash — stays)
        case 0x25CB, 0x25EF, 0x039F: return "〇"           // ○ ◯ Ο written for 〇
        case 0xFF61: return "。"
        case 0xFFE5: return "¥"
        case 0xF9F2: return "〇"
        default: return s
        }
    }

    /// Folding targets for U+3400…U+9FFF and U+F900…U+FAFF, 0 where a character stays as it is.
    private static let hanBase: UInt32 = 0x3400
    private static let hanTable: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0xFB00 - 0x3400)
        var pending: UInt32? = nil
        for scalar in traditionalToSimplifiedPairs.unicodeScalars where scalar != "\n" {
            if let from = pending {
                table[Int(from - 0x3400)] = scalar.value
                pending = nil
            } else {
                pending = scalar.value
            }
        }
        // Financial numerals: ICU folds 參 to 参, but as a numeral it is 叁.
        table[Int(Unicode.Scalar("參").value - 0x3400)] = Unicode.Scalar("叁").value
        table[Int(Unicode.Scalar("参").value - 0x3400)] = 0
        return table
    }()
}
