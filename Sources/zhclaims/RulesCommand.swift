import ArgumentParser
import ZHClaims

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check and test rule files.",
        subcommands: [Check.self, Test.self, Profile.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate rule files: YAML, keys, fragments, patterns, duplicate ids. Exit 2 on any problem.")

        @Argument(help: "Rule folders or files to check together with the built-in rules.")
        var folders: [String] = []

        @Flag(help: "Check only the given folders, not the built-in rules.")
        var noBuiltinRules = false

        func run() throws {
            let book = try loadRules(builtin: !noBuiltinRules, folders: ruleFolders(folders))
            let unproduced = try RuleTester(book: book).unproducedExamples()
            for d in unproduced { warn(d.description) }
            if !unproduced.isEmpty {
                warn("\(unproduced.count) problem(s) in rule files")
                throw ExitCode(2)
            }
            let examples = book.rules.reduce(0) { $0 + $1.rule.examples.count }
            print("\(book.rules.count) rules, \(examples) examples in \(book.files.count) files: OK")
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every example of every rule; ends with 'N passed, M failed'. Exit 1 on any failure.")

        @Argument(help: "Rule folders or files to test together with the built-in rules.")
        var folders: [String] = []

        @Flag(help: "Test only the given folders, not the built-in rules.")
        var noBuiltinRules = false

        @Option(help: "Only the rules whose id contains this text.")
        var filter: String?

        func run() throws {
            let book = try loadRules(builtin: !noBuiltinRules, folders: ruleFolders(folders))
            let report = try RuleTester(book: book).run(filter: filter)
            for f in report.failures { print(f.description) }
            print("\(report.passed) passed, \(report.failed) failed")
            if report.failed > 0 { throw ExitCode(1) }
        }
    }

    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time every rule over some input and list the slowest: where matching time goes.")

        @Argument(help: "Files or folders to read.")
        var paths: [String]

        @Option(name: .customLong("rules"), help: "Extra rule folders (repeatable).")
        var ruleDirs: [String] = []

        @Flag(help: "Profile only the --rules folders, not the built-in rules (e.g. to time a changed copy of Rules/).")
        var noBuiltinRules = false

        @Option(help: "How many rules to list.")
        var top = 20

        func run() throws {
            let book = try loadRules(builtin: !noBuiltinRules, folders: ruleFolders(ruleDirs))
            let extractor = try DocumentExtractor(book: book)
            extractor.enableRuleProfiling()
            var options = Pipeline.Options()
            options.jobs = 1
            var bytes = 0
            for item in InputSource(paths: paths) {
                guard case let .file(path, id) = item, case let .success(doc) = DocumentLoader.load(path: path, id: id, options: options) else { continue }
                bytes += doc.text.utf8.count
                _ = try extractor.extract(doc)
            }
            guard let profile = extractor.ruleProfile else { return }
            let ns = profile.nanoseconds
            let total = max(1, ns.reduce(0, +))
            print("matching \(bytes) bytes: \(total / 1_000_000) ms in patterns, \(profile.attempts.reduce(0, +)) PCRE2 calls")
            print("rule\ttime\tshare\tcalls\tmatches\thow")
            for (i, t) in ns.enumerated().sorted(by: { $0.1 > $1.1 }).prefix(top) {
                let share = Double(t) * 100 / Double(total)
                let how = (book.rules[i].isFiltered ? "run where its characters occur" : "run on every sentence") + (book.rules[i].isStartDispatched ? ", tried where it can start" : ", scanned")
                print("\(book.rules[i].rule.id)\t\(t / 1_000_000) ms\t\((share * 10).rounded() / 10)%\t\(profile.attempts[i])\t\(profile.matches[i])\t\(how)")
            }
        }
    }
}
