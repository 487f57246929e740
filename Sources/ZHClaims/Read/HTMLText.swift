/// The text of an HTML page, as the document text of an `.html`/`.htm` file: what a reader sees,
/// one block per line. libxml2's HTML parser (`HTMLTree`) builds the tree, repairing malformed
/// markup and decoding entities; this file decides what the text is:
///
/// - dropped with everything inside: `script`, `style`, `noscript`, `template` (and the non-prose
///   `iframe`, `object`, `svg`, `math`, `canvas`, `select`, `textarea`); comments are never text;
/// - block elements (`p`, `div`, `li`, `h1`–`h6`, `tr`, `title`, `section`, `article`, `header`,
///   `footer`, `blockquote`, `pre`, `table`, …) start and end a line; `<br>` is a line break;
/// - table cells (`td`, `th`) of one row are separated by a tab;
/// - outside `<pre>`, a run of whitespace (space, tab, CR, LF, FF, and U+00A0 from `&nbsp;`)
///   becomes one space, and none is kept at the start or end of a line; inside `<pre>` the text
///   is kept as written (U+00A0 becomes a space, CR LF becomes LF).
///
/// Nothing else changes: the ideographic space U+3000 and every other character stay as written.
enum HTMLText {
    enum Role { case drop, block, lineBreak, cell, pre }

    static let roles: [String: Role] = {
        var r: [String: Role] = [:]
        for name in ["script", "style", "noscript", "template", "iframe", "object", "svg", "math", "canvas", "select", "textarea"] {
            r[name] = .drop
        }
        for name in ["address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
                     "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2",
                     "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav",
                     "ol", "p", "section", "summary", "table", "tbody", "tfoot", "thead", "title", "tr", "ul"] {
            r[name] = .block
        }
        r["br"] = .lineBreak
        r["td"] = .cell
        r["th"] = .cell
        for name in ["pre", "listing", "xmp", "plaintext"] { r[name] = .pre }
        return r
    }()

    /// The text of the page in `html` (already decoded).
    static func extract(_ html: String) throws -> String {
        var source = html
        return try source.withUTF8 { bytes in
            let tree = try HTMLTree(utf8: UnsafeRawBufferPointer(bytes))
            var builder = Builder()
            builder.out.reserveCapacity(bytes.count / 2)
            tree.walk { builder.handle($0) }
            return String(decoding: builder.out, as: UTF8.self)
        }
    }

    /// Builds the text from the walk's events; whitespace and line breaks are decided lazily, when
    /// the next visible character arrives, so nothing trails at the end of a line or the text.
    struct Builder {
        var out: [UInt8] = []
        private var atLineStart = true
        private var pendingBreak = false
        private var pendingTab = false
        private var pendingSpace = false
        private var preDepth = 0
        private var justOpenedPre = false

        mutating func handle(_ event: HTMLTree.Event) -> HTMLTree.Action {
            switch event {
            case let .start(name):
                switch HTMLText.roles[String(decoding: name, as: UTF8.self)] {
                case .drop?: return .skipContent
                case .block?: blockBoundary()
                case .lineBreak?: lineBreak()
                case .cell?: cellBoundary()
                case .pre?: blockBoundary(); preDepth += 1; justOpenedPre = true
                case nil: break
                }
            case let .end(name):
                switch HTMLText.roles[String(decoding: name, as: UTF8.self)] {
                case .block?: blockBoundary()
                case .cell?: cellBoundary()
                case .pre?: blockBoundary(); preDepth = max(0, preDepth - 1)
                case .drop?, .lineBreak?, nil: break
                }
            case let .text(bytes):
                preDepth > 0 ? preText(bytes) : text(bytes)
            }
            return .proceed
        }

        private mutating func blockBoundary() {
            if !atLineStart { pendingBreak = true }
            pendingTab = false
            pendingSpace = false
        }

        private mutating func cellBoundary() {
            if !atLineStart && !pendingBreak { pendingTab = true }
            pendingSpace = false
        }

        private mutating func lineBreak() {
            if pendingBreak { out.append(0x0A) }
            out.append(0x0A)
            pendingBreak = false
            pendingTab = false
            pendingSpace = false
            atLineStart = true
        }

        /// Writes what is pending before a visible character.
        private mutating func beginContent() {
            if pendingBreak {
                out.append(0x0A)
            } else if pendingTab {
                out.append(0x09)
            } else if pendingSpace && !atLineStart {
                out.append(0x20)
            }
            pendingBreak = false
            pendingTab = false
            pendingSpace = false
            atLineStart = false
        }

        private static func isSpace(_ c: UInt8) -> Bool {
            c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C
        }

        private mutating func text(_ b: UnsafeBufferPointer<UInt8>) {
            justOpenedPre = false
            var i = 0
            while i < b.count {
                let c = b[i]
                if Self.isSpace(c) {
                    pendingSpace = true
                    i += 1
                } else if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 {
                    pendingSpace = true
                    i += 2
                } else {
                    beginContent()
                    out.append(c)
                    i += 1
                }
            }
        }

        private mutating func preText(_ b: UnsafeBufferPointer<UInt8>) {
            var i = 0
            while i < b.count {
                let c = b[i]
                if c == 0x0A || c == 0x0D {
                    i += c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1
                    // A newline right after <pre> is not content (as in browsers).
                    if justOpenedPre { justOpenedPre = false; continue }
                    lineBreak()
                    continue
                }
                justOpenedPre = false
                beginContent()
                if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 {
                    out.append(0x20)
                    i += 2
                } else {
                    out.append(c)
                    i += 1
                }
            }
        }
    }
}
