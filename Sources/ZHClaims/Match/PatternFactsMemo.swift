// PatternFactsMemo.swift — the start-up memo of PatternFacts: long groups read once per rule book.

extension PatternFacts {
    /// What the reader found in long groups, by their text and the reader's setting: the rules
    /// share their fragments (numerals, approx words, units), each expanded in place, so the same
    /// long group is read again in many patterns; reading them took most of the start-up.
    /// A group's item depends only on its text and that setting, and what it consumes or sees
    /// only adds to the pattern's sets, so both are kept and replayed.
    final class GroupMemo {
        struct Key: Hashable {
            var text: [Unicode.Scalar]
            var lookbehindsRequire, tracksStart, hidden, lookingAhead: Bool
        }
        struct Entry {
            var item: Item
            var consumed, consumedOrSeen: Chars?
            var marks: Chars
            var marksUnknown, failed: Bool
        }
        var entries: [Key: Entry] = [:]

        init() {}

        /// Shorter groups are read again: hashing them would cost about as much.
        static let minLength = 48

        /// The index after the `)` closing the group opened at `start`, in extended mode
        /// (comments and classes may hold parentheses); nil when it is not closed.
        static func end(ofGroupAt start: Int, in s: [Unicode.Scalar]) -> Int? {
            var depth = 0, k = start
            while k < s.count {
                switch s[k] {
                case "\\": k += 1
                case "#": while k < s.count && s[k] != "\n" { k += 1 }
                case "[":
                    k += 1
                    if k < s.count, s[k] == "^" { k += 1 }
                    if k < s.count, s[k] == "]" { k += 1 }
                    while k < s.count, s[k] != "]" {
                        if s[k] == "\\" { k += 1 } else if s[k] == "[", k + 1 < s.count, s[k + 1] == ":" {
                            k += 2
                            while k < s.count, s[k] != "]" { k += 1 }
                        }
                        k += 1
                    }
                case "(": depth += 1
                case ")":
                    depth -= 1
                    if depth == 0 { return k + 1 }
                default: break
                }
                k += 1
            }
            return nil
        }
    }
}
