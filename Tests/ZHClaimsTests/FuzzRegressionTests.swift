import Foundation
import Testing
@testable import ZHClaimsFuzz
import ZHClaims

/// Every input the fuzzer ever broke (kept in Tests/FuzzCorpus/regressions/), and the seeds,
/// through the fuzz target's path and checks: read stage (HTML when the input starts with `<`),
/// extraction with the built-in rules, and the output invariants.
struct FuzzRegressionTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzCorpus")

    static func files(_ folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasPrefix("README") }
            .filter { var dir: ObjCBool = false; return FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path, isDirectory: &dir) && !dir.boolValue }
            .sorted()
    }

    static let regressions = files(corpus.appendingPathComponent("regressions"))
    static let seeds = files(corpus)

    func check(_ url: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        let extractor = try DocumentExtractor(book: RuleExampleTests.book)
        let problems = FuzzTarget.problems(bytes, extractor: extractor)
        #expect(problems.isEmpty, "\(url.lastPathComponent): \(problems)")
    }

    @Test("fuzz regressions", arguments: regressions)
    func regression(_ name: String) throws {
        try check(Self.corpus.appendingPathComponent("regressions").appendingPathComponent(name))
    }

    @Test("fuzz seeds", arguments: seeds)
    func seed(_ name: String) throws {
        try check(Self.corpus.appendingPathComponent(name))
    }

    @Test func corpusIsThere() {
        #expect(Self.seeds.count >= 5)
    }
}
