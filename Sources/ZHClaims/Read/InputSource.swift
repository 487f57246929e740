/// The read stage's front half: turns the command line's paths into a deterministic, lazy stream
/// of `InputItem`s (files in sorted path order, folders recursively), cheap enough to run on one
/// thread while workers do the reading and decoding.
public struct InputSource: Sequence {
    public let paths: [String]
    public init(paths: [String]) { self.paths = paths }

    public func makeIterator() -> Iterator { Iterator(paths: paths) }

    public struct Iterator: IteratorProtocol {
        /// Pending work, as a stack (reversed sorted order, so popping yields sorted order).
        private var stack: [Pending]
        private enum Pending {
            case path(String, id: String?, root: String?)   // root: the folder ids are relative to
            case directory(String, root: String, ancestors: [[UInt64]])
            case problem(InputProblem)
        }

        init(paths: [String]) { stack = paths.reversed().map { .path($0, id: nil, root: nil) } }

        public mutating func next() -> InputItem? {
            while let item = stack.popLast() {
                switch item {
                case let .path(path, id, root):
                    if path == "-" { return .file(path: "-", id: "-") }
                    switch FileSystem.kind(of: path) {
                    case let .failure(problem): return .problem(problem)
                    case .success(.directory):
                        let ids = FileSystem.identity(of: path).map { [$0] } ?? []
                        stack.append(.directory(path, root: root ?? path, ancestors: ids))
                    case .success(.file):
                        let docID = id ?? path
                        return isJSONLines(path) ? .jsonLinesFile(path: path, id: docID) : .file(path: path, id: docID)
                    case .success(.other):
                        if root == nil { return .problem(InputProblem(source: path, reason: "not a regular file or folder")) }
                    }
                case let .directory(path, root, ancestors):
                    if let problem = expand(path, root: root, ancestors: ancestors) { return .problem(problem) }
                case let .problem(problem):
                    return .problem(problem)
                }
            }
            return nil
        }

        private mutating func expand(_ dir: String, root: String, ancestors: [[UInt64]]) -> InputProblem? {
            let names: [String]
            switch FileSystem.entries(of: dir) {
            case let .failure(problem): return problem
            case let .success(n): names = n
            }
            for name in names.reversed() where !name.hasPrefix(".") {
                let child = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                if case .success(.directory) = FileSystem.kind(of: child) {
                    guard let id = FileSystem.identity(of: child) else { continue }
                    if ancestors.contains(id) {
                        stack.append(.problem(InputProblem(source: child, reason: "symbolic link loop, not followed")))
                        continue
                    }
                    stack.append(.directory(child, root: root, ancestors: ancestors + [id]))
                } else {
                    stack.append(.path(child, id: relative(child, to: root), root: root))
                }
            }
            return nil
        }

        private func relative(_ path: String, to root: String) -> String {
            let prefix = root.hasSuffix("/") ? root : root + "/"
            return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        }

        private func isJSONLines(_ path: String) -> Bool {
            path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")
        }
    }
}

extension InputSource {
    /// The total size in bytes of the files the paths name (for a progress ETA); stdin counts 0.
    public static func totalBytes(_ paths: [String]) -> Int {
        var total = 0
        for item in InputSource(paths: paths) {
            switch item {
            case let .file(path, _), let .jsonLinesFile(path, _): total += FileSystem.size(of: path)
            default: break
            }
        }
        return total
    }
}
