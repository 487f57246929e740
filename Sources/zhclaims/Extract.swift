import ArgumentParser
import Foundation
import ZHClaims

#if canImport(Glibc)
import Glibc
#endif

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read files, folders or stdin and write one JSON line per claim.",
        discussion: """
        Folders are read recursively, files in sorted path order; '.jsonl' files hold one \
        {"id","text"} document per line. '-' reads plain text from stdin as the document '-'. \
        The record format is described in docs/FORMAT.md.
        """
    )

    @Argument(help: "Files and folders to read ('-' for plain text on stdin).")
    var paths: [String] = []

    @Flag(help: "Read JSON Lines documents {\"id\": …, \"text\": …} from stdin.")
    var stdin = false

    @Option(name: .shortAndLong, help: "Write to FILE instead of stdout (replaced when the run ends).")
    var output: String?

    @Option(name: .customLong("rules"), help: "A folder of extra rule files (repeatable); added to the built-in rules.")
    var ruleDirs: [String] = []

    @Flag(help: "Use only the --rules folders, not the built-in rules.")
    var noBuiltinRules = false

    @Option(help: "Worker threads (default: all cores). Output is identical for every value.")
    var jobs: Int?

    @Flag(help: "Add a 'sentence' key with the sentence text to every record.")
    var context = false

    @Option(help: "Decode files with this charset (an ICU converter name, e.g. GB18030, Big5).")
    var encoding: String?

    @Option(help: "Largest document to read, in bytes.")
    var maxSize: Int = 256 << 20

    @Option(help: "Files larger than this many bytes are read in pieces cut at line breaks (bounded memory).")
    var pieceSize: Int = 4 << 20

    @Option(help: "Field of a JSON Lines record holding the document id.")
    var idField = "id"

    @Option(help: "Field of a JSON Lines record holding the text.")
    var textField = "text"

    @Option(help: "Write a JSON summary of the run to FILE (documents, bytes, encodings, skipped inputs, claims by kind, code points read and those segmented into words, seconds).")
    var report: String?

    @Option(help: "Progress on stderr: auto (a line on a terminal, nothing otherwise), jsonl (events), off.")
    var progress: ProgressReporter.Mode = .auto

    @Flag(name: .shortAndLong, help: "No progress and no closing summary on stderr (problems are still reported).")
    var quiet = false

    func validate() throws {
        if paths.isEmpty && !stdin { throw ValidationError("give files or folders to read, '-' for stdin text, or --stdin for JSON Lines") }
        if stdin && paths.contains("-") { throw ValidationError("--stdin and '-' both read stdin; use one") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let book = try loadRules(builtin: !noBuiltinRules, folders: ruleFolders(ruleDirs))
        var options = Pipeline.Options()
        options.jobs = jobs ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        options.includeSentence = context
        options.forcedEncoding = encoding
        options.maxDocumentBytes = maxSize
        options.pieceBytes = pieceSize
        options.idField = idField
        options.textField = textField

        let sink: OutputSink
        do { sink = try OutputSink(path: output) } catch { warn(error.description); throw ExitCode(2) }
        let pipeline = Pipeline(book: book, options: options)
        let started = Date()
        let mode: ProgressReporter.Mode = quiet ? .off : progress
        let progressReporter = ProgressReporter(mode: mode, totalBytes: mode == .off || stdin ? nil : InputSource.totalBytes(paths))
        let summary: Pipeline.Summary
        do {
            let emit: (Pipeline.ItemOutput) -> Bool = { out in
                for m in out.messages { warn(m) }
                progressReporter.update(documents: out.documents, bytes: out.bytes)
                return sink.write(out.records)
            }
            if stdin {
                summary = try pipeline.run(StdinRecords(idField: idField, textField: textField), emit: emit)
            } else {
                summary = try pipeline.run(InputSource(paths: paths), emit: emit)
            }
        } catch {
            sink.abandon()
            warn("\(error)")
            throw ExitCode(2)
        }
        progressReporter.finish()
        do { try sink.finish() } catch { warn(error.description); throw ExitCode(2) }
        if let report {
            let text = RunReport.json(summary, seconds: Date().timeIntervalSince(started), jobs: options.jobs)
            do { try text.write(toFile: report, atomically: true, encoding: .utf8) } catch {
                warn("\(report): cannot write the report: \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        if summary.skipped > 0 {
            warn("\(summary.skipped) input(s) skipped; \(summary.documents) document(s) read, \(summary.claims) claim(s)")
            throw ExitCode(1)
        }
    }
}

/// `--stdin`: JSON Lines documents from stdin, one at a time (bounded memory for any length).
struct StdinRecords: Sequence, IteratorProtocol {
    let reader = LineReader(fd: 0)
    let idField: String
    let textField: String

    mutating func next() -> InputItem? {
        while let line = reader.next() {
            if let item = JSONLinesRecord.item(line, source: "stdin", lineNumber: reader.lineNumber, idField: idField, textField: textField) {
                return item
            }
        }
        return nil
    }
}

extension ProgressReporter.Mode: ExpressibleByArgument {}
