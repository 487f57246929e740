import Foundation
import Testing
@testable import ZHClaims

/// The stages wired together: offsets, sentences, exact values, record format, determinism.
struct PipelineTests {
    static let book = RuleExampleTests.book

    func claims(_ text: String) throws -> (DocumentExtractor.Result, [Claim]) {
        let r = try DocumentExtractor(book: Self.book).extract(Document(id: "t", text: text))
        return (r, r.claims)
    }

    @Test func offsetsAreCodePointsAndUTF8BytesIntoTheOriginal() throws {
        // An astral character (2 UTF-16 units, 4 bytes) and fullwidth digits before the claim.
        let text = "😀全市立案１２３宗。"
        let (r, c) = try claims(text)
        let claim = try #require(c.first)
        #expect(claim.span == 5..<9)
        #expect(r.segmented.buffer.text(claim.span) == "１２３宗")
        #expect(r.segmented.buffer.byteOffsets[claim.span.lowerBound] == 4 + 3 * 4)
        #expect(r.segmented.buffer.byteOffsets[claim.span.upperBound] == 4 + 3 * 4 + 3 * 4)
        #expect(claim.value?.description == "123")
    }

    @Test func valuesAreExactDecimals() throws {
        let (_, c) = try claims("依托1.95万个基础网格，资产3.5万亿元，增长0.1%，投资8.6亿亿次。")
        #expect(c.map { $0.value?.description } == ["19500", "3500000000000", "0.1", "86000000000000000"])
    }

    @Test func sentencesFollowTheConventions() throws {
        let text = "标题：严打犯罪!广东公安助力复工\n  他说：“我们破案12宗。今年还要更多。”随后离开。第二句有3人？是的\n\n最后一句"
        let (r, _) = try claims(text)
        let b = r.segmented.buffer
        let sentences = r.segmented.sentences.map { b.text($0.range) }
        #expect(sentences == ["标题：严打犯罪!广东公安助力复工", "他说：“我们破案12宗。今年还要更多。”", "随后离开。", "第二句有3人？", "是的", "最后一句"])
        #expect(r.segmented.sentences.map(\.number) == [1, 2, 3, 4, 5, 6])
    }

    @Test func claimsAreInOrderAndNeverOverlap() throws {
        let (_, c) = try claims("2020年破获电信网络诈骗案件7323宗，同比上升49.7%，涉案金额约22亿元，打掉团伙40个。")
        for (a, b) in zip(c, c.dropFirst()) { #expect(a.span.upperBound <= b.span.lowerBound) }
        #expect(c.map(\.kind) == [.date, .count, .change, .money, .count])
    }

    /// Control characters and zero-width characters from scraping do not cut a claim: rules
    /// match around them, values and subjects leave them out, and offsets still count them.
    @Test func invisibleCharactersDoNotCutClaims() throws {
        let (_, dated) = try claims("2019\u{8}年8月18日，香港人風雨同路。")
        #expect(dated.map(\.date) == ["2019-08-18"])
        #expect(dated.map(\.span) == [0..<11])
        let (_, money) = try claims("累计罚没款超\u{200C}1\u{200B}000万元\u{200B}，查处案件3\u{8}宗。")
        #expect(money.map(\.value) == [ExactDecimal(10_000_000), ExactDecimal(3)])
        #expect(money.first?.approx == .over)
        // The money span ends at 元: the zero-width space after it stays outside.
        #expect(money.first?.span == 5..<14)
        #expect(money.allSatisfy { $0.subject.map { !$0.unicodeScalars.contains { InvisibleCharacters.contains($0.value) } } ?? true })
        #expect(InvisibleCharacters.contains(0x08) && InvisibleCharacters.contains(0x200B) && InvisibleCharacters.contains(0xFEFF))
        #expect(!InvisibleCharacters.contains(0x09) && !InvisibleCharacters.contains(0x20) && !InvisibleCharacters.contains(0x4E00))
    }

    @Test func recordHasEveryKeyInOrder() throws {
        let doc = Document(id: "d\"1", text: "罚款80萬元人民幣")
        let r = try DocumentExtractor(book: Self.book).extract(doc)
        var out: [UInt8] = []
        ClaimRecord.write(r.claims[0], document: doc, buffer: r.segmented.buffer, sentenceText: nil, to: &out)
        let line = String(decoding: out, as: UTF8.self)
        #expect(line.hasSuffix("}\n"))
        let value = try JSONValue.parse(Substring(line.dropLast()).utf8)
        guard case let .object(members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.0) == ClaimRecord.keys)
        #expect(value["doc"] == .string("d\"1"))
        #expect(value["value"] == .number("800000"))
        #expect(value["value_str"] == .string("800000"))
        #expect(value["currency"] == .string("CNY"))
        #expect(value["text"] == .string("80萬元人民幣"))
    }

    @Test func outputIsIdenticalForEveryJobCount() throws {
        let docs = (0..<40).map { i in
            InputItem.text(Document(id: "doc\(i)", text: String(repeating: "今年第\(i)季度新增企业\(i * 37)家，同比增长\(i).5%。", count: i % 5 + 1)))
        }
        func run(_ jobs: Int, held: Int = 64 << 20) throws -> [UInt8] {
            var options = Pipeline.Options()
            options.jobs = jobs
            options.heldOutputBytes = held
            var bytes: [UInt8] = []
            _ = try Pipeline(book: Self.book, options: options).run(docs) { bytes += $0.records; return true }
            return bytes
        }
        let one = try run(1)
        #expect(!one.isEmpty)
        #expect(try run(2) == one)
        #expect(try run(5) == one)
        // With a held-output budget of one byte a worker waits for the oldest item before taking
        // another whenever finished output is waiting: it must still come out once, in order.
        #expect(try run(2, held: 1) == one)
        #expect(try run(3, held: 200) == one)
    }

    /// A JSON Lines file is read record by record and its records are shared by the workers; bad
    /// lines are reported with their line number and the records after them still come out.
    @Test func jsonLinesFilesAreSplitIntoRecords() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhclaims-\(UUID().uuidString).jsonl").path
        var lines = (0..<30).map { #"{"id": "r\#($0)", "text": "去年新增企业\#($0 * 7)家，增长\#($0)%。"}"# }
        lines.insert("{broken", at: 12)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        func run(_ jobs: Int) throws -> (bytes: [UInt8], summary: Pipeline.Summary, outputs: Int) {
            var options = Pipeline.Options()
            options.jobs = jobs
            var bytes: [UInt8] = [], outputs = 0
            let summary = try Pipeline(book: Self.book, options: options).run([InputItem.jsonLinesFile(path: path, id: path)]) {
                bytes += $0.records; outputs += 1; return true
            }
            return (bytes, summary, outputs)
        }
        let one = try run(1), two = try run(2)
        #expect(two.bytes == one.bytes)
        #expect(one.summary.documents == 30 && one.summary.claims == 60)
        #expect(one.summary.problems.map(\.source) == ["\(path):13"])
        #expect(one.outputs == 31, "one output per line, emitted as it is done")
    }

    @Test func badRecordsAreReportedAndTheRestGoOn() {
        let good = JSONLinesRecord.item(Array(#"{"id": "a", "text": "12宗"}"#.utf8)[...], source: "stdin", lineNumber: 1)
        guard case .text(let d)? = good else { Issue.record("good line not read"); return }
        #expect(d.id == "a")
        for bad in [#"{"id": "a"}"#, #"[1, 2]"#, #"{"id": "a", "text": "x""#, "not json"] {
            guard case .problem(let p)? = JSONLinesRecord.item(Array(bad.utf8)[...], source: "stdin", lineNumber: 7) else {
                Issue.record("\(bad) was not reported"); continue
            }
            #expect(p.source == "stdin:7")
        }
        #expect(JSONLinesRecord.item(Array("   ".utf8)[...], source: "stdin", lineNumber: 2) == nil, "blank lines are not records")
    }

    /// The JSON writer escapes exactly what it must, and its output reads back as the same text.
    @Test func jsonStringsEscapeAndRoundTrip() throws {
        for text in ["", "增长5%", "a\"b\\c", "行\n\r\t末", "\u{01}\u{1F}x", "JS\u{2028}\u{2029}", "😀“引”\u{7F}", "\u{2027}\u{202A}"] {
            var out: [UInt8] = []
            ClaimRecord.string(text, &out)
            #expect(!out.contains(0x0A) && !out.contains(0x0D) && !out.contains { $0 < 0x20 }, "\(text)")
            #expect(try JSONValue.parse(Substring(decoding: out, as: UTF8.self).utf8) == .string(text))
            // A claim's text is written from its code points: the same bytes as from its String.
            let scalars = Array(text.unicodeScalars)
            let fromScalars = [UInt8](unsafeUninitializedCapacity: 2 + 24 * scalars.count) { buffer, count in
                var cursor = JSONCursor(buffer.baseAddress!)
                cursor.string(scalars[...])
                count = cursor.written(from: buffer.baseAddress!)
            }
            #expect(fromScalars == out, "\(text)")
        }
        var out: [UInt8] = []
        ClaimRecord.string("a\"\u{01}\u{2028}万", &out)
        #expect(String(decoding: out, as: UTF8.self) == #""a\"\u0001\u2028万""#)
    }

    @Test func jsonParserHandlesEscapesAndRejectsJunk() throws {
        let v = try JSONValue.parse(Substring(#"{"a": "x\n\u4e07\ud83d\ude00", "b": [1, -2.5e3, true, null]}"#).utf8)
        #expect(v["a"] == .string("x\n万😀"))
        #expect(v["b"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .null]))
        for junk in ["{", "{\"a\" 1}", "[1,]", "01x", "\"\u{01}\""] {
            #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Substring(junk).utf8) }
        }
    }

    @Test func legacyEncodingsDecodeToTheSameText() throws {
        let text = "全市共有高新技术企业5400多家，增长兩成。"
        let utf8 = Array(text.utf8)
        let (fromUTF8, cs1, _) = try utf8.withUnsafeBytes { try Decoding.decode($0) }
        #expect(fromUTF8 == text && cs1 == "UTF-8")
        let bom = [0xEF, 0xBB, 0xBF] + utf8
        let fromBOM = try bom.withUnsafeBytes { try Decoding.decode($0) }
        #expect(fromBOM.text == text)
        let empty = try [UInt8]([0xFF, 0xFE]).withUnsafeBytes { try Decoding.decode($0) }
        #expect(empty.text == "" && empty.charset == "UTF-16LE")
    }

    @Test func binaryFilesAreDetected() {
        #expect([0x50, 0x4B, 0x03, 0x00, 0x14].withUnsafeBytes { Decoding.looksBinary($0) })
        #expect(!Array("正常文本".utf8).withUnsafeBytes { Decoding.looksBinary($0) })
    }
}

extension InputItem: Equatable {
    public static func == (a: InputItem, b: InputItem) -> Bool { "\(a)" == "\(b)" }
}

extension PipelineTests {
    /// A long sentence with thousands of claims (no terminator): every claim comes out. (The
    /// overlap policy is linear in the spans; a quadratic one took minutes on this input.)
    @Test func aSentenceWithThousandsOfClaims() throws {
        let text = String(repeating: "全市立案12宗，", count: 20_000)
        let (r, c) = try claims(text)
        #expect(c.count == 20_000)
        #expect(c.last?.span == (text.unicodeScalars.count - 4)..<(text.unicodeScalars.count - 1))
        // The 160,000-character "sentence" is cut after a comma into pieces of at most maxLength.
        let b = r.segmented.buffer
        let sentences = r.segmented.sentences
        #expect(sentences.count == 160_000 / (SentenceSplitter.maxLength / 8 * 8) + 1)
        #expect(sentences.allSatisfy { $0.range.count <= SentenceSplitter.maxLength })
        #expect(sentences.allSatisfy { b.text($0.range).hasSuffix("，") })
        #expect(zip(sentences, sentences.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound })
    }

    /// Without a clause mark in the second half of the window, the cut falls at maxLength; a
    /// quote left open keeps the line one sentence up to the cap.
    @Test func overlongSentencesWithoutCommasOrWithAnOpenQuote() throws {
        let plain = String(repeating: "甲", count: SentenceSplitter.maxLength * 2 + 10)
        let (r, _) = try claims(plain)
        #expect(r.segmented.sentences.map(\.range.count) == [SentenceSplitter.maxLength, SentenceSplitter.maxLength, 10])
        let quoted = "他说：“" + String(repeating: "今年破案3宗。", count: 1000)
        let (q, c) = try claims(quoted)
        #expect(c.count == 1000)
        #expect(q.segmented.sentences.count == 2)
        #expect(q.segmented.buffer.text(q.segmented.sentences[0].range).hasSuffix("。"))
    }
}

extension PipelineTests {
    /// Small outputs are gathered, a large one is written from its own storage: the file holds
    /// every byte once, in the order given.
    @Test func outputSinkKeepsOrderAcrossSmallAndLargeWrites() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zhclaims-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try OutputSink(path: path)
        let parts: [[UInt8]] = [Array("a\n".utf8), Array(repeating: 0x62, count: 100_000) + [0x0A], Array("c\n".utf8),
                                Array(repeating: 0x64, count: 70_000) + [0x0A], Array(repeating: 0x65, count: 65_530) + [0x0A]]
        for p in parts { #expect(sink.write(p)) }
        try sink.finish()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(parts.joined()))
    }
}

extension PipelineTests {
    /// Documents whose output passes `OrderedEmitter.flushBytes` are written in parts, each part
    /// whole lines, and the bytes are the same as one job's for every job count and budget.
    @Test func largeOutputsAreWrittenInPartsInOrder() throws {
        let docs = (0..<4).map { i in
            InputItem.text(Document(id: "big\(i)", text: String(repeating: "全市立案\(i + 1)2宗，", count: 4_000 + 2_000 * i)))
        }
        func run(_ jobs: Int, held: Int = 64 << 20) throws -> (bytes: [UInt8], calls: Int, summary: Pipeline.Summary) {
            var options = Pipeline.Options()
            options.jobs = jobs
            options.heldOutputBytes = held
            var bytes: [UInt8] = [], calls = 0
            let summary = try Pipeline(book: Self.book, options: options).run(docs) {
                #expect($0.records.isEmpty || $0.records.last == 0x0A, "a part ends with a whole line")
                bytes += $0.records; calls += 1; return true
            }
            return (bytes, calls, summary)
        }
        let one = try run(1)
        #expect(one.bytes.count > 4 * OrderedEmitter.flushBytes)
        #expect(one.calls > docs.count, "some documents were written in parts")
        #expect(one.summary.claims == 4_000 + 6_000 + 8_000 + 10_000 && one.summary.documents == 4)
        for (jobs, held) in [(2, 64 << 20), (2, 1), (3, 1)] {
            let r = try run(jobs, held: held)
            let same = r.bytes == one.bytes   // (a Bool: a failure must not print megabytes)
            #expect(same, "jobs \(jobs), held \(held)")
            #expect(r.summary.claims == one.summary.claims)
        }
    }

    /// The summary counts the code points read and those given to ICU's word segmentation, the
    /// same for every job count: only what a decision needs is segmented (dates alone need
    /// nothing, subjects a window around their claim).
    @Test func theSummaryCountsTheTextThatNeededWords() throws {
        let docs = [
            InputItem.text(Document(id: "a", text: "2020年以来，三年来，去年5月。今年1月到3月。")),
            InputItem.text(Document(id: "b", text: String(repeating: "与会代表讨论了很多问题。", count: 20) + "查处涉疫犯罪案件1425宗。")),
        ]
        func run(_ jobs: Int) throws -> Pipeline.Summary {
            var options = Pipeline.Options()
            options.jobs = jobs
            return try Pipeline(book: Self.book, options: options).run(docs) { _ in true }
        }
        let one = try run(1), two = try run(2)
        let all = docs.reduce(0) { n, item in
            guard case let .text(d) = item else { return n }
            return n + d.text.unicodeScalars.count
        }
        #expect(one.codePoints == all)
        #expect(one.segmentedCodePoints > 0 && one.segmentedCodePoints < 40, "only the window around 1425宗")
        #expect(two.codePoints == one.codePoints && two.segmentedCodePoints == one.segmentedCodePoints)
    }

    /// A consumer that stops the run stops it: nothing is emitted after it said no.
    @Test func emitReturningFalseStopsTheRun() throws {
        let docs = (0..<50).map { InputItem.text(Document(id: "d\($0)", text: "新增企业\($0)家。")) }
        for jobs in [1, 2] {
            var options = Pipeline.Options()
            options.jobs = jobs
            var calls = 0
            _ = try Pipeline(book: Self.book, options: options).run(docs) { _ in calls += 1; return calls < 3 }
            #expect(calls == 3, "jobs \(jobs)")
        }
    }
}

extension PipelineTests {
    /// Sentence numbers written relative to a piece are completed by the sentences before it.
    @Test func shiftingSentenceNumbersRewritesOnlyThem() {
        let doc = Document(id: "a\",\"sent\":7", text: "立案12宗。立案3宗。")
        var records: [UInt8] = [], offsets: [Int] = []
        for claim in (try? DocumentExtractor(book: Self.book).extract(doc))?.claims ?? [] {
            offsets.append(ClaimRecord.write(claim, document: doc, buffer: TextBuffer(doc), sentenceText: nil, to: &records))
        }
        #expect(offsets.count == 2)
        var shifted = records
        ClaimRecord.shiftSentences(&shifted, at: offsets, by: 998)
        let expected = String(decoding: records, as: UTF8.self)
            .replacingOccurrences(of: #","sent":1,"#, with: #","sent":999,"#)
            .replacingOccurrences(of: #","sent":2,"#, with: #","sent":1000,"#)
        #expect(String(decoding: shifted, as: UTF8.self) == expected)
        #expect(expected.contains(#"a\",\"sent\":7"#), "the id is untouched")
    }
}
