import ArgumentParser
import ZHClaims

#if canImport(Glibc)
import Glibc
#endif

/// `zhclaims`: Chinese news in, one JSON line per numeric claim out.
@main
struct ZHClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zhclaims",
        abstract: "Extract numeric claims from Chinese news as JSON Lines.",
        discussion: """
        Exit status: 0 all input read; 1 some input was skipped (each reported on stderr as \
        'zhclaims: SOURCE: reason'); 2 a fatal error (bad rule file, bad option, cannot write output).
        """,
        subcommands: [Extract.self, RulesCommand.self, Explain.self],
        defaultSubcommand: nil
    )
}

/// Diagnostics go to stderr, never stdout (which carries only JSON Lines).
func warn(_ message: String) {
    var line = Array("zhclaims: \(message)\n".utf8)
    line.withUnsafeMutableBytes { _ = write(2, $0.baseAddress, $0.count) }
}

/// Loads the rule book or exits 2 with every problem listed.
func loadRules(builtin: Bool = true, folders: [String]) throws -> RuleBook {
    do {
        return try RuleBook.load(builtin: builtin, folders: folders)
    } catch {
        for d in error.diagnostics { warn(d.description) }
        warn("\(error.diagnostics.count) problem(s) in rule files; nothing was read")
        throw ExitCode(2)
    }
}

/// Rule folders from `--rules` plus the `ZHCLAIMS_RULES` environment variable (colon-separated).
func ruleFolders(_ given: [String]) -> [String] {
    let env = getenv("ZHCLAIMS_RULES").map { String(cString: $0) } ?? ""
    return env.split(separator: ":").map(String.init) + given
}
