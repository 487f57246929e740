import ArgumentParser
import ZHClaims

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check and test rule files.",
        subcommands: [Check.self, Test.self]
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
}
