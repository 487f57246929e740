import Foundation
import Testing

/// A news folder with every kind of junk (issue: "every news folder, whatever its encoding"):
/// the run reads all of it, exits 0–2, prints only JSON lines, gives legacy-encoded twins the
/// claims of their UTF-8 originals, survives SIGKILL without a half-written output file and ends
/// quietly when its reader goes away.
@Suite(.serialized)
struct RobustnessTests {
    let cli = CLITests()
    static let simplified = "全市去年新增企业5400多家，同比增长12.3%。\n投资总额约3.5亿元，创造就业岗位1.2万个。\n2023年10月1日起施行，为期三年。\n"
    static let traditional = "天文台錄得超過300宗塌樹報告，約兩萬戶停電。\n經濟損失約3.5億港元，較上次增加兩成。\n"

    func iconv(_ text: String, to charset: String) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", charset]
        let input = Pipe(), output = Pipe()
        p.standardInput = input; p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return data
    }

    func utf16(_ text: String, bigEndian: Bool) -> Data {
        var d = Data(bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE])
        for u in text.utf16 {
            let bytes = bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)]
            d.append(contentsOf: bytes)
        }
        return d
    }

    /// Builds the junk folder; returns its URL.
    func makeFolder() throws -> URL {
        let dir = try cli.tempDir()
        func put(_ name: String, _ data: Data) throws {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try put("a_utf8.txt", Data(Self.simplified.utf8))
        try put("b_gb18030.txt", try iconv(Self.simplified, to: "GB18030"))
        try put("c_utf16le.txt", utf16(Self.simplified, bigEndian: false))
        try put("d_utf16be.txt", utf16(Self.simplified, bigEndian: true))
        try put("e_trad_utf8.txt", Data(Self.traditional.utf8))
        try put("f_trad_big5.txt", try iconv(Self.traditional, to: "BIG5"))
        try put("g_bom.txt", Data([0xEF, 0xBB, 0xBF]) + Data(Self.simplified.utf8))
        try put("h_binary.bin", Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00, 0x01]) + Data(Self.simplified.utf8))
        try put("i_broken.txt", Data("立案439宗，".utf8) + Data([0xFF, 0xFE, 0xC3]) + Data("破案420宗。".utf8))
        try put("j_empty.txt", Data())
        try put("k_dump.jsonl", Data("{\"id\":\"k1\",\"text\":\"破案3宗\"}\n{broken\n{\"id\":\"k2\",\"text\":\"增长5%\"}\n".utf8))
        var deep = "deep"
        for i in 0..<60 { deep += "/d\(i)" }
        try put(deep + "/bottom.txt", Data("底层文件记录12宗案件。".utf8))
        try put("l_oneline.txt", Data(String(repeating: "数据显示，全市共有企业5400多家，同比增长12.3%。", count: 20_000).utf8))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("deep/loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("m_dangling.txt").path, withDestinationPath: "nowhere.txt")
        return dir
    }

    func records(_ stdout: String) -> [[String: Any]] {
        stdout.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    /// The claims of one document without its id, for comparing twins.
    func claims(of doc: String, in recs: [[String: Any]]) -> [String] {
        recs.filter { $0["doc"] as? String == doc }.map { r in
            ["start", "end", "byte_start", "byte_end", "text", "kind", "value_str", "unit", "approx", "date", "rule"]
                .map { "\(r[$0] ?? "nil")" }.joined(separator: "|")
        }
    }

    @Test func aJunkFolderIsReadWholeAndTwinsAgree() throws {
        let dir = try makeFolder()
        let r = try cli.run(["extract", "--piece-size", "100000", dir.path])
        #expect((0...2).contains(r.status))
        #expect(r.status == 1, "skipped inputs make the status 1")
        let lines = r.stdout.split(separator: "\n")
        let recs = records(r.stdout)
        #expect(recs.count == lines.count, "every stdout line is a JSON object")
        let original = claims(of: "a_utf8.txt", in: recs)
        #expect(original.count >= 6)
        for twin in ["b_gb18030.txt", "c_utf16le.txt", "d_utf16be.txt", "g_bom.txt"] {
            #expect(claims(of: twin, in: recs) == original, "\(twin) differs from its UTF-8 twin")
        }
        #expect(claims(of: "f_trad_big5.txt", in: recs) == claims(of: "e_trad_utf8.txt", in: recs))
        #expect(claims(of: "e_trad_utf8.txt", in: recs).count >= 4)
        #expect(r.stderr.contains("h_binary.bin: binary file"))
        #expect(r.stderr.contains("i_broken.txt: 3 invalid byte sequences replaced"))
        #expect(claims(of: "i_broken.txt", in: recs).count == 2)
        #expect(r.stderr.contains("k_dump.jsonl:2: invalid JSON"))
        #expect(r.stderr.contains("loop: symbolic link loop"))
        #expect(r.stderr.contains("m_dangling.txt: No such file"))
        #expect(recs.contains { ($0["doc"] as? String)?.hasSuffix("d59/bottom.txt") == true })
        #expect(claims(of: "l_oneline.txt", in: recs).count == 40_000)
        #expect(claims(of: "j_empty.txt", in: recs).isEmpty)
    }

    @Test func aKilledRunLeavesTheOutputFileWholeOrUntouched() throws {
        let dir = try makeFolder()
        let out = dir.appendingPathComponent("claims.jsonl")
        let old = "{\"doc\":\"old\"}\n"
        try Data(old.utf8).write(to: out)
        for delay in [0.05, 0.3] {
            let p = Process()
            p.executableURL = CLITests.binary
            p.arguments = ["extract", "--jobs", "1", "-o", out.path, dir.path, dir.path, dir.path]
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let now = try String(contentsOf: out, encoding: .utf8)
            #expect(now == old || (now.hasSuffix("\n") && now.split(separator: "\n").allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil }))
        }
    }

    @Test func aClosedPipeEndsTheRunQuietly() throws {
        let dir = try makeFolder()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "'\(CLITests.binary.path)' extract '\(dir.path)' '\(dir.path)' 2>/tmp/zhclaims-pipe.err | head -n 1 > /dev/null; echo ${PIPESTATUS:-}"]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let err = (try? String(contentsOfFile: "/tmp/zhclaims-pipe.err", encoding: .utf8)) ?? ""
        #expect(!err.contains("Broken pipe") && !err.contains("Fatal") && !err.contains("crash"))
    }
}
