// The only Swift file that imports the libxml2 shim. Everything libxml2 does for zhclaims goes
// through here: parsing an HTML page and walking its tree.
import CXMLShim

/// A failed libxml2 call: the shim function and libxml2's status (an `xmlParserErrors` value).
public struct XMLError: Error, CustomStringConvertible, Sendable {
    public let function: String
    public let status: Int32
    public var name: String { String(cString: zc_xml_error_name(status)) }
    public var description: String { "\(function) failed: \(name) (\(status))" }
}

/// An HTML page parsed by libxml2's HTML parser in recover mode: malformed markup is repaired,
/// never fatal. Not thread-safe: a tree belongs to the thread that parsed it.
public final class HTMLTree {
    /// One step of a walk. `bytes` are valid only during the visitor call.
    public enum Event {
        /// An element opens; `name` is its lowercase name (`p`, `h1`, `script`).
        case start(name: UnsafeBufferPointer<UInt8>)
        /// An element closes (after its content, or right after `start` when the content is skipped).
        case end(name: UnsafeBufferPointer<UInt8>)
        /// Character data in UTF-8, entities decoded.
        case text(UnsafeBufferPointer<UInt8>)
    }

    public enum Action { case proceed, skipContent, stop }

    private let handle: OpaquePointer?

    /// Parses UTF-8 bytes. A blank or empty page gives an empty tree; a page libxml2 cannot build
    /// any document from (out of memory) throws.
    public init(utf8 bytes: UnsafeRawBufferPointer) throws(XMLError) {
        guard bytes.count > 0 else { handle = nil; return }
        guard bytes.count <= Int(Int32.max) else { throw XMLError(function: "zc_xml_html_parse", status: 1) }
        var status: Int32 = 0
        let h = zc_xml_html_parse(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), &status)
        if h == nil, status != 0, status != zc_xml_status_document_empty() {
            throw XMLError(function: "zc_xml_html_parse", status: status)
        }
        handle = h
    }

    deinit { zc_xml_doc_free(handle) }

    /// Reports the tree in document order: element starts and ends and text. Iterative in C, so
    /// any nesting depth is safe.
    public func walk(_ visit: (Event) -> Action) {
        guard let handle else { return }
        withoutActuallyEscaping(visit) { visit in
            let box = VisitorBox(visit)
            let context = Unmanaged.passUnretained(box).toOpaque()
            _ = zc_xml_walk(handle, { context, event, data, length in
                let box = Unmanaged<VisitorBox>.fromOpaque(context!).takeUnretainedValue()
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(data)?.assumingMemoryBound(to: UInt8.self), count: Int(length))
                let e: Event
                switch event {
                case Int32(ZC_XML_ELEMENT_START.rawValue): e = .start(name: bytes)
                case Int32(ZC_XML_ELEMENT_END.rawValue): e = .end(name: bytes)
                default: e = .text(bytes)
                }
                switch box.visit(e) {
                case .proceed: return Int32(ZC_XML_CONTINUE.rawValue)
                case .skipContent: return Int32(ZC_XML_SKIP_CONTENT.rawValue)
                case .stop: return Int32(ZC_XML_STOP.rawValue)
                }
            }, context)
            withExtendedLifetime(box) {}
        }
    }

    private final class VisitorBox {
        let visit: (Event) -> Action
        init(_ visit: @escaping (Event) -> Action) { self.visit = visit }
    }
}
