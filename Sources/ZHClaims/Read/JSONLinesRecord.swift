/// One `{"id": …, "text": …}` line of a JSON Lines input (stdin with `--stdin`, or a `.jsonl` file).
public enum JSONLinesRecord {
    /// The document of one line, or why the line is skipped. `source` names the stream in messages.
    public static func item(_ line: ArraySlice<UInt8>, source: String, lineNumber: Int,
                            idField: String = "id", textField: String = "text") -> InputItem? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }  // blank lines are not records
        let place = "\(source):\(lineNumber)"
        guard let text = String(validating: line, as: UTF8.self) else {
            return .problem(InputProblem(source: place, reason: "line is not valid UTF-8"))
        }
        let value: JSONValue
        do { value = try JSONValue.parse(Substring(text).utf8) } catch {
            return .problem(InputProblem(source: place, reason: error.description))
        }
        guard case .object = value else {
            return .problem(InputProblem(source: place, reason: "expected an object {\"\(idField)\": …, \"\(textField)\": …}"))
        }
        guard case let .string(body)? = value[textField] else {
            return .problem(InputProblem(source: place, reason: "no string field \"\(textField)\""))
        }
        let id: String
        switch value[idField] {
        case let .string(s)?: id = s
        case let .number(n)?: id = n
        case nil, .null?: id = "\(source):\(lineNumber)"
        default: return .problem(InputProblem(source: place, reason: "field \"\(idField)\" must be a string or number"))
        }
        // "format": "html" says the text is a page's markup: the document is its text, as for an
        // .html file. Anything else but "text" is an error.
        switch value["format"] {
        case nil, .null?, .string("text")?:
            return .text(Document(id: id, text: Decoding.dropBOM(body)))
        case .string("html")?:
            do { return .text(Document(id: id, text: try HTMLText.extract(Decoding.dropBOM(body)), encoding: "HTML")) } catch {
                return .problem(InputProblem(source: place, reason: "cannot read the HTML: \(error)"))
            }
        default:
            return .problem(InputProblem(source: place, reason: "field \"format\" must be \"text\" or \"html\""))
        }
    }
}
