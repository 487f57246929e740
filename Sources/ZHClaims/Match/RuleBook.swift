#if canImport(Glibc)
import Glibc
#endif

/// A rule compiled for matching: the rule, its PCRE2 pattern and its group slots.
public final class CompiledRule: @unchecked Sendable {
    public let rule: Rule
    /// The pattern as written (JIT-compiled only when the rule is scanned with it).
    public let pattern: PCRE2Pattern
    /// `pattern` compiled anchored, tried only where the sentence holds one of `startCharacters`
    /// (`StartTable`); nil when the rule is scanned with `pattern`.
    let anchored: PCRE2Pattern?
    let startCharacters: PatternFacts.Chars?
    /// Sets of characters of which a match must hold one each at or after its start (BMP only;
    /// at most two, see `PatternFacts.ahead`).
    let aheadCharacters: [PatternFacts.Chars]
    /// Every character a match can consume (`PatternFacts.consumable`; nil: unknown, or the rule
    /// has no needs ahead for it to bound).
    let consumable: PatternFacts.Chars?
    /// When `consumable` is unknown, the clause marks no match can reach (`PatternFacts.barriers`).
    let barriers: PatternFacts.Chars
    /// The characters that may follow a match's first one (`PatternFacts.Facts.next`; BMP only;
    /// nil: any, or the rule is scanned).
    let nextCharacters: PatternFacts.Chars?
    public let slots: GroupSlots
    /// Position in the rule book (file order), the last tie-breaker of the overlap policy.
    public let order: Int
    /// Characters of which a sentence must hold one for the rule to match (nil: run always).
    let requiredCharacters: PatternFacts.Chars?
    /// Whether sentences lacking the rule's required characters are skipped for it.
    public var isFiltered: Bool { requiredCharacters != nil }
    /// Whether the rule is tried only at characters that can begin a match.
    public var isStartDispatched: Bool { anchored != nil }

    init(rule: Rule, pattern: PCRE2Pattern, anchored: PCRE2Pattern?, startCharacters: PatternFacts.Chars?,
         aheadCharacters: [PatternFacts.Chars], consumable: PatternFacts.Chars?, barriers: PatternFacts.Chars,
         nextCharacters: PatternFacts.Chars?, order: Int, requiredCharacters: PatternFacts.Chars?) {
        self.rule = rule
        self.pattern = pattern
        self.anchored = anchored
        self.startCharacters = anchored == nil ? nil : startCharacters
        self.aheadCharacters = anchored == nil ? [] : aheadCharacters.filter { $0.allSatisfy { $0 < 0x10000 } }
        self.consumable = self.aheadCharacters.isEmpty ? nil : consumable.flatMap { $0.allSatisfy { $0 < 0x10000 } ? $0 : nil }
        self.barriers = self.aheadCharacters.isEmpty || self.consumable != nil ? [] : barriers
        self.nextCharacters = anchored == nil ? nil : nextCharacters.flatMap { $0.allSatisfy { $0 < 0x10000 } ? $0 : nil }
        self.slots = GroupSlots(pattern.groupNumbers)
        self.order = order
        self.requiredCharacters = requiredCharacters
    }

    /// The rule's characters in each layer of the book's table (`CharacterRuleTable.Layer`).
    func characters(_ layer: CharacterRuleTable.Layer) -> PatternFacts.Chars? {
        switch layer {
        case .required: return requiredCharacters
        case .start: return startCharacters
        case .ahead1: return aheadCharacters.count > 0 ? aheadCharacters[0] : nil
        case .ahead2: return aheadCharacters.count > 1 ? aheadCharacters[1] : nil
        case .consumable: return consumable
        case .barrier: return barriers.isEmpty ? nil : barriers
        case .next: return nextCharacters
        }
    }

    /// The same rule at another position of the book.
    func reordered(_ order: Int) -> CompiledRule {
        CompiledRule(rule: rule, pattern: pattern, anchored: anchored, startCharacters: startCharacters,
                     aheadCharacters: aheadCharacters, consumable: consumable, barriers: barriers,
                     nextCharacters: nextCharacters, order: order, requiredCharacters: requiredCharacters)
    }
}

/// Every rule in force: the built-in files, then each `--rules` folder in order. Loading checks
/// everything and reports every problem at once (`file:line: rule-id: message`).
public struct RuleBook: Sendable {
    public let rules: [CompiledRule]
    public let files: [String]
    /// Per code point, the rules that need it, may start at it, need it ahead or stop at it.
    let characters: CharacterRuleTable
    /// Which rules can match a sentence, from the characters it holds.
    let filter: RuleFilter
    /// Which dispatched rules may begin at a character.
    let starts: StartTable
    /// Start-dispatched claim rules and deny rules, as bit sets by rule order.
    let dispatchedClaims: [UInt64], dispatchedDenials: [UInt64]
    /// The rules scanned whole (not start-dispatched), claims and denials, in rule order: the
    /// matcher runs them on every sentence with a number, and walking all rules to find the
    /// few of them cost a thousand instructions a sentence.
    let scannedClaims: [CompiledRule], scannedDenials: [CompiledRule]
    public var maxCaptures: Int { rules.map(\.pattern.captureCount).max() ?? 0 }

    /// A named source of rule files: (display path, contents).
    public typealias SourceFile = (path: String, text: String)

    /// Loads the built-in rules (unless `builtin` is false) and the `.yaml`/`.yml` files of `folders`.
    public static func load(builtin: Bool = true, folders: [String]) throws(RuleErrors) -> RuleBook {
        var diagnostics: [RuleDiagnostic] = []
        var layers: [[SourceFile]] = builtin ? [builtinRuleFiles] : []
        for folder in folders {
            switch ruleFiles(in: folder) {
            case let .success(files): layers.append(files)
            case let .failure(d): diagnostics.append(d)
            }
        }
        return try build(layers, diagnostics: diagnostics)
    }

    /// Reads a folder's rule files, sorted by name; a single file may be given too.
    static func ruleFiles(in folder: String) -> Result<[SourceFile], RuleDiagnostic> {
        let paths: [String]
        switch FileSystem.kind(of: folder) {
        case .success(.file): paths = [folder]
        case .success(.directory):
            switch FileSystem.entries(of: folder) {
            case let .success(names):
                paths = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0 }
            case let .failure(p): return .failure(RuleDiagnostic(RuleLocation(file: folder, line: 1), nil, p.reason))
            }
        case let .failure(p): return .failure(RuleDiagnostic(RuleLocation(file: folder, line: 1), nil, "cannot read rule folder: \(p.reason)"))
        case .success(.other): return .failure(RuleDiagnostic(RuleLocation(file: folder, line: 1), nil, "not a folder or rule file"))
        }
        var files: [SourceFile] = []
        for path in paths {
            switch FileSystem.readFile(path, limit: 16 << 20) {
            case let .success(bytes):
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    return .failure(RuleDiagnostic(RuleLocation(file: path, line: 1), nil, "rule file is not valid UTF-8"))
                }
                files.append((path, text))
            case let .failure(p): return .failure(RuleDiagnostic(RuleLocation(file: path, line: 1), nil, p.reason))
            }
        }
        return .success(files)
    }

    /// Builds a rule book from layers of files (built-in first). A later layer may redefine a
    /// fragment and disable rules of earlier layers by id.
    public static func build(_ layers: [[SourceFile]], diagnostics initial: [RuleDiagnostic] = []) throws(RuleErrors) -> RuleBook {
        var diagnostics = initial
        var fragments = Fragments()
        var raw: [(RawRule, layer: Int)] = []
        var disabled: [(id: String, location: RuleLocation)] = []
        var files: [String] = []
        for (layer, sources) in layers.enumerated() {
            var definedHere: [String: RuleLocation] = [:]
            for file in sources {
                files.append(file.path)
                let parsed = RuleFileParser.parse(file.text, file: file.path, into: &diagnostics)
                for f in parsed.fragments {
                    if let first = definedHere[f.name] {
                        diagnostics.append(RuleDiagnostic(f.location, nil, "fragment '\(f.name)' is already defined at \(first)"))
                    }
                    definedHere[f.name] = f.location
                    fragments.define(f.name, f.pattern, at: f.location)
                }
                raw += parsed.rules.map { ($0, layer) }
                disabled += parsed.disabled
            }
        }
        fragments.addGuards()
        var seen: [String: RuleLocation] = [:]
        var rules: [Rule] = []
        let sourceTexts = Dictionary(layers.joined().map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })
        var compiled: [CompiledRule] = []
        let memo = PatternFacts.GroupMemo()
        for (r, _) in raw {
            guard let rule = validate(r, fragments: fragments, &diagnostics) else { continue }
            if let first = seen[rule.id] {
                diagnostics.append(RuleDiagnostic(rule.location, rule.id, "duplicate rule id (first defined at \(first))"))
                continue
            }
            seen[rule.id] = rule.location
            rules.append(rule)
            do {
                let source = "(?x)" + rule.pattern
                let facts = PatternFacts.of(source, memo: memo)
                let required = RuleFilter.usable(facts?.required)
                let starts = StartTable.startCharacters(of: rule.pattern, first: facts?.first)
                // A start-dispatched rule matches with its anchored pattern; the plain one then
                // serves for its group table (and tests), so it is not JIT-compiled.
                let factored = AlternationFactoring.factored(source)
                let pattern = try Self.compile(source, factored, jit: starts == nil)
                let anchored = starts == nil ? nil : try Self.compile(source, factored, anchored: true)
                let unknown = GroupSlots.unknownNames(pattern.groupNumbers)
                if !unknown.isEmpty {
                    diagnostics.append(RuleDiagnostic(rule.patternLocation, rule.id, "unknown group name\(unknown.count > 1 ? "s" : "") \(unknown.joined(separator: ", ")) (roles: \(GroupRole.allCases.map(\.rawValue).joined(separator: ", ")); ctx… for context)"))
                }
                compiled.append(CompiledRule(rule: rule, pattern: pattern, anchored: anchored, startCharacters: starts,
                                             aheadCharacters: facts?.ahead ?? [], consumable: facts?.consumable, barriers: facts?.barriers ?? [],
                                             nextCharacters: facts?.next, order: compiled.count, requiredCharacters: required))
            } catch {
                diagnostics.append(compileDiagnostic(error, rule: rule, raw: r, fragments: fragments, source: sourceTexts[rule.location.file]))
            }
        }
        for d in disabled where seen[d.id] == nil {
            diagnostics.append(RuleDiagnostic(d.location, d.id, "disable names no known rule"))
        }
        let off = Set(disabled.map(\.id))
        let active = compiled.filter { !off.contains($0.rule.id) }
        if active.count > CharacterRuleTable.maxRules, let last = active.last {
            diagnostics.append(RuleDiagnostic(last.rule.location, last.rule.id,
                                              "too many rules (\(active.count)): a rule book holds at most \(CharacterRuleTable.maxRules)"))
        }
        guard diagnostics.isEmpty else { throw RuleErrors(diagnostics: diagnostics) }
        return RuleBook(rules: active.enumerated().map { $1.reordered($0) }, files: files)
    }

    /// `source` compiled with its word lists factored into tries (`AlternationFactoring`: the
    /// same matches, fewer failed branches), or as written when the factored form is not
    /// understood or does not compile: a compile error then gives an offset in the written pattern.
    static func compile(_ source: String, _ factored: String?, anchored: Bool = false, jit: Bool = true) throws(PCRE2Error) -> PCRE2Pattern {
        if let factored, let pattern = try? PCRE2Pattern(factored, anchored: anchored, jit: jit) { return pattern }
        return try PCRE2Pattern(source, anchored: anchored, jit: jit)
    }

    /// Each rule's anchored pattern by rule order, without reference counting: the matcher tries
    /// one per attempt (1.5 million attempts on 10 MB of news), and reading it through the rule
    /// retained and released the rule each time. The rules keep the patterns alive.
    let anchoredPatterns: [Unmanaged<PCRE2Pattern>?]

    init(rules: [CompiledRule], files: [String]) {
        self.rules = rules
        self.files = files
        characters = CharacterRuleTable(rules) { $0.characters($1) }
        filter = RuleFilter(characters)
        starts = StartTable(characters)
        anchoredPatterns = rules.map { $0.anchored.map { Unmanaged.passUnretained($0) } }
        dispatchedClaims = Self.bits(rules) { $0.isStartDispatched && !$0.rule.isDeny }
        dispatchedDenials = Self.bits(rules) { $0.isStartDispatched && $0.rule.isDeny }
        scannedClaims = rules.filter { !$0.isStartDispatched && !$0.rule.isDeny }
        scannedDenials = rules.filter { !$0.isStartDispatched && $0.rule.isDeny }
    }

    /// The rules for which `include` holds, as a bit set by rule order.
    private static func bits(_ rules: [CompiledRule], _ include: (CompiledRule) -> Bool) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: CharacterRuleTable.words(forRules: rules.count))
        for r in rules where include(r) { out[r.order / 64] |= UInt64(1) << UInt64(r.order % 64) }
        return out
    }

    private static func validate(_ r: RawRule, fragments: Fragments, _ diagnostics: inout [RuleDiagnostic]) -> Rule? {
        let start = diagnostics.count
        func field(_ name: String) -> String? { r.fields[name]?.value ?? nil }
        func at(_ name: String) -> RuleLocation { r.fields[name]?.location ?? r.location }
        guard let id = field("id"), !id.isEmpty else {
            diagnostics.append(RuleDiagnostic(r.location, nil, "rule has no id")); return nil
        }
        let deny = field("deny").map { ["true", "yes"].contains($0) } ?? false
        var kind: ClaimKind? = nil
        if let k = field("kind") {
            kind = ClaimKind(rawValue: k)
            if kind == nil { diagnostics.append(RuleDiagnostic(at("kind"), id, "unknown kind '\(k)' (expected one of \(ClaimKind.allCases.map(\.rawValue).joined(separator: ", ")))")) }
        } else if !deny {
            diagnostics.append(RuleDiagnostic(r.location, id, "rule needs a kind (or deny: true)"))
        }
        if deny && field("kind") != nil { diagnostics.append(RuleDiagnostic(at("kind"), id, "a deny rule has no kind")) }
        guard let rawPattern = field("pattern"), !rawPattern.isEmpty else {
            diagnostics.append(RuleDiagnostic(r.location, id, "rule has no pattern")); return nil
        }
        var pattern = rawPattern
        do { pattern = try fragments.expand(rawPattern) } catch {
            switch error {
            case let .unknown(name): diagnostics.append(RuleDiagnostic(at("pattern"), id, "unknown fragment {\(name)}"))
            case let .cycle(names): diagnostics.append(RuleDiagnostic(at("pattern"), id, "fragments refer to each other in a cycle: \(names.joined(separator: " → "))"))
            }
        }
        let priority = field("priority").map { Int($0) } ?? 0
        if priority == nil { diagnostics.append(RuleDiagnostic(at("priority"), id, "priority must be a whole number")) }
        let approx = field("approx").map { Approx(rawValue: $0) } ?? nil
        if let a = field("approx"), approx == nil { diagnostics.append(RuleDiagnostic(at("approx"), id, "unknown approx '\(a)' (expected \(Approx.allCases.map(\.rawValue).joined(separator: ", ")))")) }
        let change = field("change").map { ChangeDirection(rawValue: $0) } ?? nil
        if let c = field("change"), change == nil { diagnostics.append(RuleDiagnostic(at("change"), id, "unknown change '\(c)' (expected up, down)")) }
        let scale = field("scale").map { ExactDecimal(Substring($0)) } ?? nil
        if let s = field("scale"), scale == nil { diagnostics.append(RuleDiagnostic(at("scale"), id, "scale must be a decimal number, got '\(s)'")) }
        guard diagnostics.count == start else { return nil }
        // Reported, but the rule is still compiled so that a pattern error shows in the same run.
        if r.examples.isEmpty {
            diagnostics.append(RuleDiagnostic(r.location, id, "rule has no examples (add positive and negative ones)"))
        }
        let pl = r.patternStart
        return Rule(id: id, kind: deny ? nil : kind, pattern: pattern, rawPattern: rawPattern, priority: priority ?? 0,
                    unit: field("unit"), approx: approx, change: change, scale: scale, examples: r.examples,
                    location: r.location, patternLocation: RuleLocation(file: r.location.file, line: pl?.line ?? at("pattern").line))
    }

    /// A PCRE2 compile error as `file:line:column`, mapping the offset back through `(?x)` and
    /// fragment expansion: an offset inside a fragment names the fragment instead.
    private static func compileDiagnostic(_ error: PCRE2Error, rule: Rule, raw: RawRule, fragments: Fragments, source: String?) -> RuleDiagnostic {
        let offset = max(0, (error.patternOffset ?? 0) - 4)   // "(?x)" prefix
        let (rawOffset, fragment) = mapToRaw(offset, raw: rule.rawPattern, fragments: fragments)
        var where_ = "offset \(offset)"
        var location = rule.patternLocation
        if let fragment {
            where_ = "in fragment {\(fragment)}"
        } else if let start = raw.patternStart {
            let before = Array(rule.rawPattern.utf8.prefix(rawOffset))
            let newlines = before.filter { $0 == 0x0A }.count
            let lastLine = before.split(separator: 0x0A, omittingEmptySubsequences: false).last ?? []
            let col = String(decoding: lastLine, as: UTF8.self).unicodeScalars.count
            if start.block {
                let line = start.line + 1 + newlines
                let indent = source.map { indentation(of: line, in: $0) } ?? 0
                location = RuleLocation(file: location.file, line: line)
                where_ = "column \(indent + col + 1)"
            } else {
                location = RuleLocation(file: location.file, line: start.line + newlines)
                where_ = "column \((newlines == 0 ? start.column + (start.quoted ? 1 : 0) : 0) + col)"
            }
        }
        return RuleDiagnostic(location, rule.id, "pattern does not compile (\(where_)): \(error.message)")
    }

    /// Maps a byte offset in the expanded pattern to one in the raw pattern, or names the fragment
    /// the offset falls in.
    private static func mapToRaw(_ offset: Int, raw: String, fragments: Fragments) -> (Int, String?) {
        var expandedPos = 0
        var rawBytes = Array(raw.utf8)[...]
        var rawPos = 0
        while !rawBytes.isEmpty {
            if rawBytes.first == UInt8(ascii: "{"), let close = rawBytes.firstIndex(of: UInt8(ascii: "}")) {
                let name = String(decoding: rawBytes[(rawBytes.startIndex + 1)..<close], as: UTF8.self)
                if Fragments.isName(name), fragments.isDefined(name), let expanded = try? fragments.expand("{\(name)}") {
                    let len = expanded.utf8.count
                    if offset < expandedPos + len { return (rawPos, name) }
                    expandedPos += len
                    rawPos += close - rawBytes.startIndex + 1
                    rawBytes = rawBytes[(close + 1)...]
                    continue
                }
            }
            if expandedPos >= offset { return (rawPos, nil) }
            expandedPos += 1; rawPos += 1
            rawBytes = rawBytes.dropFirst()
        }
        return (rawPos, nil)
    }

    private static func indentation(of line: Int, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line - 1 < lines.count, line >= 1 else { return 0 }
        return lines[line - 1].prefix { $0 == " " }.count
    }
}
