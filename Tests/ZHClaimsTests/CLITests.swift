import Foundation
import Testing

/// The `zhclaims` executable as users run it: exit codes, stderr messages, stdout hygiene,
/// the expected output on Corpus/, and the built-in rules shipping inside the binary.
@Suite(.serialized)
struct CLITests {
    /// The package root (two levels above this file) and the built executable beside the tests.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary: URL = {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [testBundle, testBundle.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("zhclaims")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/zhclaims")
    }()

    struct Run { let status: Int32; let stdout: String; let stderr: String }

    func run(_ args: [String], stdin: String? = nil, cwd: URL = root, binary: URL = binary) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        env["ZHCLAIMS_RULES"] = nil
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("zhclaims-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test func corpusOutputMatchesTheExpectedFile() throws {
        let r = try run(["extract", "Corpus/"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let expected = try String(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/corpus.expected.jsonl"), encoding: .utf8)
        #expect(r.stdout == expected, "output of `zhclaims extract Corpus/` changed; if intended, run Scripts/update-expected.sh")
        #expect(r.stdout.split(separator: "\n").count > 100)
    }

    @Test func outputIsByteIdenticalForEveryJobCount() throws {
        let one = try run(["extract", "--jobs", "1", "Corpus/"])
        let three = try run(["extract", "--jobs", "3", "Corpus/"])
        #expect(one.status == 0 && one.stdout == three.stdout)
    }

    @Test func badInputIsReportedAndTheRunGoesOn() throws {
        let dir = try tempDir()
        try Data("查处案件12宗。".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data([0x00, 0x01, 0x02, 0x50, 0x4B]).write(to: dir.appendingPathComponent("b.bin"))
        try Data("{\"id\":\"r1\",\"text\":\"破案3宗\"}\nnot json\n{\"id\":\"r2\",\"text\":\"增长5%\"}\n".utf8).write(to: dir.appendingPathComponent("c.jsonl"))
        try Data("立案7宗".utf8).write(to: dir.appendingPathComponent("d.txt"))
        let r = try run(["extract", dir.path, dir.appendingPathComponent("missing.txt").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("b.bin: binary file"))
        #expect(r.stderr.contains("c.jsonl:2: invalid JSON"))
        #expect(r.stderr.contains("missing.txt: No such file"))
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) is [String: Any] })
        let docs = lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }.map { $0["doc"] as? String }
        #expect(docs == ["a.txt", "r1", "r2", "d.txt"])
    }

    @Test func stdinJSONLinesReportsLineNumbers() throws {
        let r = try run(["extract", "--stdin"], stdin: "{\"id\":\"x\",\"text\":\"捣毁37个\"}\n{\"id\":3}\n\n{\"id\":\"y\",\"text\":\"9日消息\"}\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains("stdin:2: no string field \"text\""))
        #expect(r.stdout.split(separator: "\n").count == 2)
    }

    @Test func stdinRecordsMayCarryHTML() throws {
        let page = "<html><body><script>var n = 12345;</script><p>冻结资产&#49;4亿元</p></body></html>"
        let record = "{\"id\":\"p\",\"format\":\"html\",\"text\":\"\(page)\"}\n{\"id\":\"q\",\"format\":\"pdf\",\"text\":\"x\"}\n"
        let r = try run(["extract", "--stdin"], stdin: record)
        #expect(r.status == 1)
        #expect(r.stderr.contains("stdin:2: field \"format\" must be \"text\" or \"html\""))
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\"start\":4,\"end\":8,") == true, "offsets count into the page text 冻结资产14亿元")
    }

    @Test func stdinPlainTextIsTheDocumentDash() throws {
        let r = try run(["extract", "-"], stdin: "冻结涉黑恶资产14亿元")
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("{\"doc\":\"-\",\"sent\":1,\"start\":7,\"end\":11,\"byte_start\":21,\"byte_end\":29,"))
    }

    @Test func brokenRuleFolderStopsBeforeReadingAndNamesTheFile() throws {
        let dir = try tempDir()
        try Data("rules:\n  - id: bad.one\n    kind: count\n    pattern: '(?<num>[0-9]+'\n    examples: []\n".utf8).write(to: dir.appendingPathComponent("bad.yaml"))
        let r = try run(["extract", "--rules", dir.path, "Corpus/"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(dir.path)/bad.yaml:4: bad.one: pattern does not compile"))
    }

    @Test func outputFileGetsOnlyWholeLinesAndStdoutStaysEmpty() throws {
        let dir = try tempDir()
        let file = dir.appendingPathComponent("out.jsonl")
        let r = try run(["extract", "-o", file.path, "Corpus/"])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.hasSuffix("\n") && written.split(separator: "\n").count > 100)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.jsonl"])
    }

    @Test func aCatastrophicUserPatternCannotHangARun() throws {
        let dir = try tempDir()
        let rule = "rules:\n  - id: user.evil\n    kind: count\n    pattern: '(?<num>[0-9])(a+)+$'\n    examples:\n      - text: 1aaa\n        expect: [{text: 1aaa, value: 1}]\n"
        try Data(rule.utf8).write(to: dir.appendingPathComponent("evil.yaml"))
        let line = "1" + String(repeating: "a", count: 3_000) + "!"   // one sentence (under the length cap)
        try Data(line.utf8).write(to: dir.appendingPathComponent("line.txt"))
        let started = Date()
        let r = try run(["extract", "--rules", dir.path, dir.appendingPathComponent("line.txt").path, "Corpus/000_0ce164363d9924ef.txt"])
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(r.status == 0)
        #expect(r.stderr.contains("line.txt: rule user.evil hit the PCRE2 match limit"))
        #expect(r.stdout.split(separator: "\n").count > 50, "the other document was still read")
    }

    @Test func rulesCheckReportsExamplesThatNoRuleProduces() throws {
        let dir = try tempDir()
        let rule = "rules:\n  - id: user.x\n    kind: count\n    pattern: '(?<num>[0-9]+)(?<unit>宗)'\n    examples:\n      - text: 破案12起\n        expect: [{text: 12起}]\n"
        try Data(rule.utf8).write(to: dir.appendingPathComponent("x.yaml"))
        let r = try run(["rules", "check", "--no-builtin-rules", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("x.yaml:6: user.x: example expects \"12起\" but no rule produces that span"))
    }

    @Test func explainShowsCandidatesAndWhyTheyWereDropped() throws {
        // 一名 inside 统一|名单: a classifier candidate that the word check drops.
        let r = try run(["explain", "他们统一名单，冻结资产7400多万元。"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("words: 他们 | 统一"))
        #expect(r.stdout.contains("一名  count.classifier  dropped: starts or ends inside the word 统一"))
        #expect(r.stdout.contains("7400多万元  money.amount  kept"))
        #expect(r.stdout.contains("\"value_str\":\"74000000\""))
    }

    @Test func theTutorialRuleFilePassesAndWorks() throws {
        let r = try run(["rules", "test", "docs/tutorial", "--filter", "web."])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix(" passed, 0 failed\n") && !r.stdout.hasPrefix("0 passed"))
        let e = try run(["extract", "--rules", "docs/tutorial", "-"], stdin: "公众号文章阅读量10w+")
        #expect(e.stdout.contains("\"text\":\"10w+\",\"kind\":\"count\",\"value\":100000,"))
        #expect(e.stdout.contains("\"approx\":\"over\""))
    }

    @Test func largeFilesReadInPiecesGiveTheSameOutput() throws {
        let dir = try tempDir()
        let seed = try String(contentsOf: Self.root.appendingPathComponent("Corpus/000_0ce164363d9924ef.txt"), encoding: .utf8)
        try Data(String(repeating: seed, count: 6).utf8).write(to: dir.appendingPathComponent("big.txt"))
        let whole = try run(["extract", dir.path])
        let pieces = try run(["extract", "--jobs", "1", "--piece-size", "5000", dir.path])
        #expect(whole.status == 0 && pieces.status == 0)
        #expect(whole.stdout.split(separator: "\n").count > 500)
        #expect(pieces.stdout == whole.stdout)
        // Pieces are shared by the workers; their sentence numbers are completed in order.
        let parallel = try run(["extract", "--jobs", "3", "--piece-size", "5000", dir.path])
        #expect(parallel.stdout == whole.stdout)
        // Stdin has no size to check, so it is always read in pieces.
        let piped = try run(["extract", "--jobs", "2", "--piece-size", "5000", "-"], stdin: String(repeating: seed, count: 6))
        #expect(piped.stdout.replacingOccurrences(of: #"{"doc":"-","#, with: #"{"doc":"big.txt","#) == whole.stdout)
        // A GB18030 file is cut at line breaks too, and decoded with the charset of its first piece.
        let gbk = try Data(contentsOf: Self.root.appendingPathComponent("Corpus/gbk_economy_report.txt"))
        try Data(repeating: 0, count: 0).write(to: dir.appendingPathComponent("big.txt"))
        try Data((0..<60).flatMap { _ in gbk }).write(to: dir.appendingPathComponent("big.txt"))
        let gWhole = try run(["extract", dir.path]), gPieces = try run(["extract", "--jobs", "3", "--piece-size", "5000", dir.path])
        #expect(gWhole.stdout.split(separator: "\n").count > 600 && gPieces.stdout == gWhole.stdout)
        // One line with no line break at all is cut after a sentence terminator: nothing is lost
        // but what straddles a cut.
        let oneLine = String(repeating: "统计局数据显示，全市共有企业5400多家，同比增长12.3%。", count: 400)
        try Data(oneLine.utf8).write(to: dir.appendingPathComponent("big.txt"))
        let a = try run(["extract", dir.path]), b = try run(["extract", "--piece-size", "4096", dir.path])
        #expect(a.stdout.split(separator: "\n").count == 800)
        #expect(b.stdout.split(separator: "\n").count == 800)
        #expect(a.stdout.split(separator: "\n").last == b.stdout.split(separator: "\n").last)
    }

    @Test func rulesTestEndsWithTheCount() throws {
        let r = try run(["rules", "test"])
        #expect(r.status == 0)
        let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasSuffix(" passed, 0 failed"))
        let check = try run(["rules", "check"])
        #expect(check.status == 0 && check.stdout.contains("OK"))
    }

    @Test func aCopiedBinaryWorksFromAnyDirectoryWithoutTheSourceTree() throws {
        let dir = try tempDir()
        let copy = dir.appendingPathComponent("zhclaims")
        try FileManager.default.copyItem(at: Self.binary, to: copy)
        let r = try run(["extract", "-"], stdin: "涉黑恶警情同比下降41.2%", cwd: URL(fileURLWithPath: "/"), binary: copy)
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"kind\":\"change\""))
    }

    @Test func contextAddsTheSentenceToEveryLine() throws {
        let r = try run(["extract", "--context", "-"], stdin: "今年破案3宗。同比增长5%。")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix(",\"sentence\":\"今年破案3宗。\"}"))
        #expect(lines[1].hasSuffix(",\"sentence\":\"同比增长5%。\"}"))
    }
}
