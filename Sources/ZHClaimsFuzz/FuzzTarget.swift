import ZHClaims

/// One fuzz input through the read stage and the extractor, with the output's invariants
/// checked: the same path `zhclaims extract` takes for a file. Input that starts with `<` is read
/// as an `.html` file (libxml2 text extraction), anything else as a plain text file.
/// Shared by the libFuzzer driver, the replay tool and `FuzzRegressionTests`.
enum FuzzTarget {
    /// The fuzzer's and the replay tool's extractor (both run inputs on one thread).
    nonisolated(unsafe) static var extractor: DocumentExtractor = {
        do {
            return try DocumentExtractor(book: RuleBook.load(folders: []))
        } catch {
            fatalError("built-in rules do not load: \(error)")
        }
    }()

    /// Runs `bytes` through and stops the process on a broken invariant (what libFuzzer catches).
    static func run(_ bytes: [UInt8], extractor: DocumentExtractor = extractor) {
        let broken = problems(bytes, extractor: extractor)
        if !broken.isEmpty { fatalError("invariant: " + broken.joined(separator: "; ")) }
    }

    /// The broken invariants for `bytes`, empty when all hold. Input the read stage skips (binary,
    /// undecodable) has none. `extractor` is not thread-safe: one per thread.
    static func problems(_ bytes: [UInt8], extractor: DocumentExtractor) -> [String] {
        let path = bytes.first == UInt8(ascii: "<") ? "fuzz.html" : "fuzz.txt"
        guard case let .success(document) = Document.load(bytes: bytes, path: path, id: "fuzz") else { return [] }
        do {
            return check(try extractor.extract(document), document)
        } catch {
            return ["extract threw: \(error)"]
        }
    }

    static func check(_ result: DocumentExtractor.Result, _ document: Document) -> [String] {
        var problems: [String] = []
        func require(_ ok: Bool, _ message: @autoclosure () -> String) {
            if !ok { problems.append(message()) }
        }
        let buffer = result.segmented.buffer
        let sentences = result.segmented.sentences
        let count = buffer.scalars.count
        require(buffer.byteOffsets.count == count + 1, "byte offsets: \(buffer.byteOffsets.count) for \(count) code points")
        require(buffer.byteOffsets.last == document.text.utf8.count, "byte offsets end at \(buffer.byteOffsets.last ?? -1), text has \(document.text.utf8.count) bytes")
        var end = 0
        for (i, s) in sentences.enumerated() {
            require(s.number == i + 1, "sentence \(i) is numbered \(s.number)")
            require(s.range.lowerBound >= end && s.range.upperBound <= count, "sentence \(s.number) range \(s.range) (previous ended at \(end), text \(count))")
            end = max(end, s.range.upperBound)
        }
        guard problems.isEmpty else { return problems }
        var previous = 0
        for claim in result.claims {
            let span = claim.span
            require(span.lowerBound >= previous, "claims out of order or overlapping at \(span) (previous ended at \(previous))")
            previous = max(previous, span.upperBound)
            guard !span.isEmpty, span.upperBound <= count else {
                problems.append("span \(span) outside the text (\(count) code points)")
                continue
            }
            guard claim.sentence >= 1, claim.sentence <= sentences.count else {
                problems.append("claim at \(span) in sentence \(claim.sentence) of \(sentences.count)")
                continue
            }
            let sentence = sentences[claim.sentence - 1].range
            require(sentence.contains(span.lowerBound) && span.upperBound <= sentence.upperBound, "span \(span) outside its sentence \(sentence)")
            for (name, v) in [("value", claim.value), ("high", claim.high)] {
                guard let v else { continue }
                require(ExactDecimal(v.description) == v, "\(name)_str \(v.description) does not parse back")
                require(isCanonical(v.description), "\(name)_str \(v.description) is not a canonical decimal")
            }
            if claim.kind == .date {
                require(claim.date != nil, "date claim without a date at \(span)")
            } else {
                require(claim.value != nil, "\(claim.kind) claim without a value at \(span)")
            }
            var line: [UInt8] = []
            ClaimRecord.write(claim, document: document, buffer: buffer, sentenceText: nil, to: &line)
            require(line.last == 0x0A && !line.dropLast().contains(0x0A), "record at \(span) is not one line")
            guard let text = String(validating: line.dropLast(), as: UTF8.self) else {
                problems.append("record at \(span) is not UTF-8")
                continue
            }
            do {
                let record = try JSONValue.parse(Substring(text).utf8)
                require(record["text"] == .string(buffer.text(span)), "record text is not the span at \(span)")
                require(record["start"] == .number(String(span.lowerBound)), "record start is not \(span.lowerBound)")
                require(record["byte_end"] == .number(String(buffer.byteOffsets[span.upperBound])), "record byte_end at \(span)")
            } catch {
                problems.append("record at \(span) is not JSON: \(error)")
            }
        }
        return problems
    }

    /// The schema's `value_str` grammar: -?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?
    static func isCanonical(_ s: String) -> Bool {
        var u = Substring(s).utf8[...]
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        let isDigit = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
        let whole = u.prefix(while: isDigit)
        guard !whole.isEmpty, whole.count == 1 || whole.first != 0x30 else { return false }
        let rest = u.dropFirst(whole.count)
        if rest.isEmpty { return true }
        guard rest.first == UInt8(ascii: "."), rest.count >= 2 else { return false }
        let fraction = rest.dropFirst()
        return fraction.allSatisfy(isDigit) && fraction.last != 0x30
    }
}
