import Foundation
import Testing
@testable import ZHClaims

/// HTML input: the page's text (libxml2's HTML parser behind CXMLShim) is the document text.
struct HTMLTests {
    static let book = RuleExampleTests.book

    func text(_ html: String) throws -> String { try HTMLText.extract(html) }

    func load(_ bytes: [UInt8], path: String = "page.html") throws -> Document {
        switch Document.load(bytes: bytes, path: path, id: path) {
        case let .success(document): return document
        case let .failure(problem): throw problem
        }
    }

    func extract(_ html: String) throws -> (Document, DocumentExtractor.Result) {
        let document = try load(Array(html.utf8))
        return (document, try DocumentExtractor(book: Self.book).extract(document))
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = hex.makeIterator()
        while let hi = it.next(), let lo = it.next() { out.append(UInt8(String([hi, lo]), radix: 16)!) }
        return out
    }

    @Test func scriptStyleNoscriptTemplateAndCommentsAreDropped() throws {
        let html = """
            <html><head><title>快讯</title><style>p { margin: 12px }</style>
            <script>var n = 99; document.write("99人")</script></head>
            <body><!-- 88人 --><p>破获案件12宗</p><noscript>77人</noscript><template><p>66人</p></template>
            <script type="text/template"><p>55人</p></script></body></html>
            """
        let (document, result) = try extract(html)
        #expect(document.text == "快讯\n破获案件12宗")
        #expect(result.claims.map { result.segmented.buffer.text($0.span) } == ["12宗"])
    }

    @Test func entitiesAreDecoded() throws {
        #expect(try text("<p>A&amp;B 共3&#20159;元&nbsp;&nbsp;资金&lt;1&gt; &#x4E07; &quot;x&quot;</p>") == "A&B 共3亿元 资金<1> 万 \"x\"")
        let (_, result) = try extract("<p>共筹集3&#20159;元</p>")
        let claim = try #require(result.claims.first)
        #expect(result.segmented.buffer.text(claim.span) == "3亿元")
        #expect(claim.value?.description == "300000000")
    }

    @Test func blocksBecomeLineBreaksAndInlineElementsDoNot() throws {
        let html = "<h1>标题有3人</h1>正文<b>5</b>人<p>第一段8宗</p><div>第二段<span>9</span>宗<br>换行10宗</div><ul><li>甲11人</li><li>乙12人</li></ul>"
        let (document, result) = try extract(html)
        #expect(document.text == "标题有3人\n正文5人\n第一段8宗\n第二段9宗\n换行10宗\n甲11人\n乙12人")
        let buffer = result.segmented.buffer
        #expect(result.segmented.sentences.map { buffer.text($0.range) } == ["标题有3人", "正文5人", "第一段8宗", "第二段9宗", "换行10宗", "甲11人", "乙12人"])
        #expect(result.claims.map(\.sentence) == [1, 2, 3, 4, 5, 6, 7])
        #expect(result.claims.map { buffer.text($0.span) } == ["3人", "5人", "8宗", "9宗", "10宗", "11人", "12人"])
    }

    @Test func whitespaceIsCollapsedOutsidePre() throws {
        #expect(try text("<p>  全市\n   立案 \t  123宗  </p>\n\n  <p> 第二段 </p>") == "全市 立案 123宗\n第二段")
        #expect(try text("<p>a<br><br>b</p>") == "a\n\nb")
        #expect(try text("<pre>\n  表一  合计\n  14万吨</pre><p>后</p>") == "  表一  合计\n  14万吨\n后")
        #expect(try text("<p>　　全角缩进保留</p>") == "　　全角缩进保留")
    }

    @Test func tableCellsAreTabSeparatedAndRowsAreLines() throws {
        let html = "<table><tr><th>地区</th><th>人数</th></tr><tr><td>北京</td><td>12人</td></tr><tr><td>上海</td><td>8人</td></tr></table>"
        #expect(try text(html) == "地区\t人数\n北京\t12人\n上海\t8人")
    }

    @Test func gb18030PageWithMetaCharsetGivesTheClaimsOfItsUTF8Twin() throws {
        // The GBK encoding of `utf8Twin` with charset="gbk" instead of "utf-8".
        let gbk = Self.bytes(hex: """
            3C68746D6C3E3C686561643E3C6D65746120636861727365743D2267626B223E3C7469746C653EBCF2B1A83C2F7469746C653E3C2F686561\
            643E3C626F64793E3C703ED3CEBFCD32333030CDF2C8CBB4CEA3ACCAD5C8EBD4BC313836D2DAD4AAA3ACCDACB1C8D4F6B3A431352E3325A1A3\
            3C2F703E3C6469763ED0C2BDA8B3B5CEBB34323030B8F63C62723ECFDFC2B7D4F6D6C13835CCF53C2F6469763E3C2F626F64793E3C2F68746D6C3E
            """)
        let utf8Twin = "<html><head><meta charset=\"utf-8\"><title>简报</title></head><body><p>游客2300万人次，收入约186亿元，同比增长15.3%。</p><div>新建车位4200个<br>线路增至85条</div></body></html>"
        let a = try load(gbk)
        let b = try load(Array(utf8Twin.utf8))
        #expect(a.encoding == "GB18030")
        #expect(b.encoding == "UTF-8")
        #expect(a.text == b.text)
        #expect(a.text == "简报\n游客2300万人次，收入约186亿元，同比增长15.3%。\n新建车位4200个\n线路增至85条")
        let extractor = try DocumentExtractor(book: Self.book)
        func summary(_ d: Document) throws -> [String] {
            let r = try extractor.extract(d)
            return r.claims.map { "\($0.span) \($0.kind) \($0.value?.description ?? "-") \(r.segmented.buffer.text($0.span))" }
        }
        let claimsA = try summary(a)
        #expect(claimsA == (try summary(b)))
        #expect(claimsA.count >= 5)
    }

    @Test func declaredCharsetDecidesBetweenBig5AndGB18030() throws {
        // Big5 bytes that are valid GB18030 as well; the page says big5.
        let big5 = Self.bytes(hex: "3C6D65746120636861727365743D2262696735223E3C703EBBE4ADB7B94CB9D2A141A454A451A4ADA448A8FCB6CBA1433C2F703E")
        let document = try load(big5)
        #expect(document.encoding == "Big5")
        #expect(document.text == "颱風過境，三十五人受傷。")
    }

    @Test func validUTF8WinsOverAStaleDeclaration() throws {
        let document = try load(Array("<meta charset=\"gb2312\"><p>游客12人</p>".utf8))
        #expect(document.encoding == "UTF-8")
        #expect(document.text == "游客12人")
    }

    @Test func declaredCharsetIsFoundInMetaHttpEquivAndXMLDeclaration() {
        func declared(_ s: String) -> String? {
            Array(s.utf8).withUnsafeBytes { HTMLInput.declaredCharset($0) }
        }
        #expect(declared("<html><head><meta charset=\"GBK\">") == "gbk")
        #expect(declared("<meta charset=big5>") == "big5")
        #expect(declared("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GB2312\">") == "gb2312")
        #expect(declared("<meta name=\"description\" content=\"charset\"><meta content='text/html;charset = utf-8'>") == "utf-8")
        #expect(declared("<?xml version=\"1.0\" encoding=\"gb18030\"?><html>") == "gb18030")
        #expect(declared("<p>charset=gbk</p>") == nil)
        #expect(HTMLInput.converterName("gb2312") == "GB18030")
        #expect(HTMLInput.converterName("x-gbk") == "GB18030")
        #expect(HTMLInput.converterName("big5-hkscs") == "Big5")
        #expect(HTMLInput.converterName("utf-16le") == nil)
    }

    @Test func htmlFilesAreRecognisedByExtension() throws {
        #expect(HTMLInput.isHTMLPath("news/a.html"))
        #expect(HTMLInput.isHTMLPath("news/A.HTM"))
        #expect(!HTMLInput.isHTMLPath("news/a.html.txt"))
        #expect(!HTMLInput.isHTMLPath("html"))
        #expect(!HTMLInput.isHTMLPath("-"))
        // A text file keeps its markup: only .html/.htm are parsed.
        #expect(try load(Array("<p>12人</p>".utf8), path: "a.txt").text == "<p>12人</p>")
    }

    @Test func emptyAndBlankPagesHaveNoText() throws {
        for page in ["", "   \n ", "<!-- 12人 -->", "<html></html>", "<script>12人</script>"] {
            #expect(try load(Array(page.utf8)).text == "", "\(page)")
        }
    }

    @Test func malformedMarkupDoesNotCrash() throws {
        let extractor = try DocumentExtractor(book: Self.book)
        var pages: [[UInt8]] = [
            "<", "<<<>>>", "<p", "</p></div></html>", "<div><p><b>未闭合 12人", "<!--", "<!-- 12人", "<![CDATA[ 12人",
            "<script>", "<style>12人", "&", "&#", "&#0;&#xFFFFFFFF;&#55296;&#x110000;&#1114111;5人", "&bogus;&amp",
            "<a href=\"12人>3人</a>", "<p 12人=3宗>4宗</p>", "<?xml", "<!DOCTYPE", "<meta charset=\"nonexistent\"><p>5人</p>",
            "<meta charset=utf-16><p>5人</p>", "<table><td>1人<tr><td>2人</table></td>3人", "<pre><pre><pre>6人</p>",
            "<svg><text>7人</text></svg>8人", "<math><mi>9</mi></math>", "<title>10人", "<br/><br/></br>11人",
            "<p>\u{7}\u{1B}\u{FEFF}\u{FFFE}12人</p>",
        ].map { Array($0.utf8) }
        pages.append(Array(String(repeating: "<div>", count: 50_000).utf8) + Array("深处13人".utf8))
        pages.append(Array(String(repeating: "<b><i>", count: 20_000).utf8) + Array("14人".utf8))
        pages.append(Array("<p>".utf8) + Array(String(repeating: "全市立案12宗，", count: 1_000).utf8))
        pages.append([0x3C, 0x70, 0x3E, 0xFF, 0xFE, 0x80, 0xC0, 0xAF, 0xE4, 0xB8, 0x3C, 0x2F, 0x70, 0x3E])   // broken bytes
        pages.append([0x3C, 0x70, 0x3E, 0x31, 0x00, 0x32, 0x3C])                                            // a NUL: binary
        for page in pages {
            guard case let .success(document) = Document.load(bytes: page, path: "bad.html", id: "bad") else { continue }
            let result = try extractor.extract(document)
            for claim in result.claims { #expect(claim.span.upperBound <= result.segmented.buffer.scalars.count) }
        }
    }

    @Test func extractReadsHTMLFilesInAFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhclaims-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("<html><body><script>99人</script><p>全市立案<b>123</b>宗</p></body></html>".utf8)
            .write(to: dir.appendingPathComponent("page.htm"))
        var records: [UInt8] = []
        let summary = try Pipeline(book: Self.book, options: .init()).run(InputSource(paths: [dir.path])) { out in
            records += out.records
            return true
        }
        #expect(summary.documents == 1)
        let line = String(decoding: records, as: UTF8.self)
        #expect(line.hasPrefix("{\"doc\":\"page.htm\",\"sent\":1,\"start\":4,\"end\":8,\"byte_start\":12,\"byte_end\":18,\"text\":\"123宗\""))
    }
}
