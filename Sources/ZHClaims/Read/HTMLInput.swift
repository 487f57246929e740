/// The read stage for `.html`/`.htm` files: decoding that honours the page's declared charset,
/// then the page's text (`HTMLText`) as the document text.
///
/// Decoding order: `--encoding`; a BOM; valid UTF-8 (a GBK or Big5 page is practically never
/// valid UTF-8, while pages re-encoded to UTF-8 often keep a stale `charset=gbk`); the charset
/// the page declares (`<meta charset>`, `<meta http-equiv=Content-Type content="…; charset=…">`
/// or `<?xml … encoding=…?>` in its first 4 KiB) when the bytes decode in it without error; then
/// the project's usual order (`Decoding.decode`).
enum HTMLInput {
    static func isHTMLPath(_ path: String) -> Bool {
        guard let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let ext = path[path.utf8.index(after: dot)...].lowercased()
        return ext == "html" || ext == "htm"
    }

    /// Decodes the bytes of an HTML file and extracts its text.
    static func decode(_ bytes: UnsafeRawBufferPointer, forcedCharset: String?) throws -> (text: String, charset: String, warnings: [String]) {
        let decoded = try decodeBytes(bytes, forcedCharset: forcedCharset)
        return (try HTMLText.extract(decoded.text), decoded.charset, decoded.warnings)
    }

    static func decodeBytes(_ bytes: UnsafeRawBufferPointer, forcedCharset: String?) throws -> (text: String, charset: String, warnings: [String]) {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if forcedCharset != nil || bom { return try Decoding.decode(bytes, forcedCharset: forcedCharset) }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, "UTF-8", []) }
        if let label = declaredCharset(bytes), let name = converterName(label), name != "UTF-8",
           let (text, _) = try? ICUConverter.decode(bytes, charset: name, strict: true) {
            return (text, name, [])
        }
        return try Decoding.decode(bytes)
    }

    /// The ICU converter for a charset label, as browsers read labels (WHATWG Encoding): the GB
    /// family is read as GB18030 (its superset), Latin-1 as windows-1252. nil for labels that
    /// cannot describe bytes read this way (UTF-16 without a BOM).
    static func converterName(_ label: String) -> String? {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
            return "UTF-8"
        case "gb2312", "gbk", "gb18030", "x-gbk", "chinese", "csgb2312", "csiso58gb231280", "gb_2312", "gb_2312-80",
             "iso-ir-58", "cp936", "ms936", "windows-936", "euc-cn", "x-euc-cn", "hz-gb-2312":
            return label == "hz-gb-2312" ? "HZ" : "GB18030"
        case "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "x-big5":
            return "Big5"
        case "iso-8859-1", "latin1", "l1", "iso8859-1", "iso_8859-1", "us-ascii", "ascii", "cp1252", "windows-1252":
            return "windows-1252"
        case "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2", "unicodefffe":
            return nil
        default:
            return label
        }
    }

    /// The charset label the page declares in its first 4 KiB, lowercased, or nil.
    static func declaredCharset(_ bytes: UnsafeRawBufferPointer) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if head.starts(with: Array("<?xml".utf8)) {
            let end = head.firstIndex(of: UInt8(ascii: ">")) ?? head.count
            if let label = value(of: Array("encoding".utf8), in: head[..<end]) { return label }
        }
        let meta = Array("<meta".utf8)
        var i = 0
        while let m = find(meta, in: head[...], from: i) {
            let end = head[m...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            if let label = value(of: Array("charset".utf8), in: head[m..<end]) { return label }
            i = m + meta.count
        }
        return nil
    }

    /// The value after `key` `=` in a tag (quoted or not): the first occurrence that has one.
    private static func value(of key: [UInt8], in tag: ArraySlice<UInt8>) -> String? {
        var from = tag.startIndex
        while let k = find(key, in: tag, from: from) {
            from = k + key.count
            var j = from
            while j < tag.endIndex, isSpace(tag[j]) { j += 1 }
            guard j < tag.endIndex, tag[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < tag.endIndex, isSpace(tag[j]) { j += 1 }
            if j < tag.endIndex, tag[j] == UInt8(ascii: "\"") || tag[j] == UInt8(ascii: "'") { j += 1 }
            let start = j
            while j < tag.endIndex, isLabelByte(tag[j]) { j += 1 }
            if j > start { return String(decoding: tag[start..<j], as: UTF8.self) }
        }
        return nil
    }

    /// The index of the first occurrence of `needle` in `hay` at or after `from`.
    private static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, !needle.isEmpty else { return nil }
        var i = max(from, hay.startIndex)
        while i + needle.count <= hay.endIndex {
            if hay[i] == first, hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }

    private static func isLabelByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F || c == 0x2E || c == 0x3A
    }
}

extension Document {
    /// The read stage on bytes already in memory, exactly as `zhclaims extract` runs it on a file's
    /// bytes: size limit, binary check, decoding, and for a `path` ending in `.html`/`.htm` the
    /// page's text. `path` names the source in a problem; `id` becomes the document id.
    public static func load(bytes: [UInt8], path: String, id: String, options: Pipeline.Options = .init()) -> Result<Document, InputProblem> {
        DocumentLoader.decode(bytes, path: path, id: id, options: options)
    }
}
