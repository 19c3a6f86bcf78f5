/// The literals one of which every match of a pattern holds, read from the pattern's source, so
/// that a cheap byte search can skip the pattern on a text that holds none of them.
///
/// Only the shapes the cue files use are read: alternatives (`a|b`) whose every branch opens with
/// a literal run (`解读单位`) or a group of such alternatives (`(?:建议|提案)收悉`). Anything else
/// (a class, an escape, an anchor, an option setting, a quantified first group) yields nil: no
/// gate, the pattern always runs. A character a quantifier follows is optional and not kept;
/// letters that fold case, spaces and `#` (which `(?x)` would ignore) end a literal, so the gate
/// holds whatever options the pattern is compiled with.
enum PatternLiterals {
    /// The literals (UTF-8) one of which every match of `pattern` contains, or nil when the
    /// pattern's shape is not one this reads.
    static func required(in pattern: String) -> [[UInt8]]? {
        guard let literals = alternatives(Array(pattern.unicodeScalars)) else { return nil }
        return literals.map { Array(String(String.UnicodeScalarView($0)).utf8) }
    }

    private static let meta: Set<Unicode.Scalar> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}"]
    private static let quantifiers: Set<Unicode.Scalar> = ["?", "*", "+", "{"]

    /// One literal per top-level branch of `s` (each branch's own set, joined), or nil.
    private static func alternatives(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]]? {
        guard let branches = split(s) else { return nil }
        var result: [[Unicode.Scalar]] = []
        for branch in branches {
            guard let literals = opening(branch) else { return nil }
            result += literals
        }
        return result.isEmpty ? nil : result
    }

    /// The branches of `s` at its top level (not inside a group or a class), or nil when a
    /// bracket is unbalanced.
    private static func split(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]]? {
        var branches: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var depth = 0
        var inClass = false
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\\", i + 1 < s.count {
                current += [c, s[i + 1]]
                i += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
                if depth < 0 { return nil }
            } else if c == "|", depth == 0 {
                branches.append(current)
                current = []
                i += 1
                continue
            }
            current.append(c)
            i += 1
        }
        guard depth == 0, !inClass else { return nil }
        branches.append(current)
        return branches
    }

    /// The literals one of which a match of `branch` starts with: its opening literal run, or the
    /// alternatives of a non-capturing group it opens with (not quantified).
    private static func opening(_ branch: [Unicode.Scalar]) -> [[Unicode.Scalar]]? {
        var run: [Unicode.Scalar] = []
        var i = 0
        while i < branch.count, isLiteral(branch[i]) {
            run.append(branch[i])
            i += 1
        }
        if i < branch.count, quantifiers.contains(branch[i]), !run.isEmpty { run.removeLast() }
        if !run.isEmpty { return [run] }
        guard i == 0, branch.count > 3, branch[0] == "(", branch[1] == "?", branch[2] == ":" else { return nil }
        var depth = 0
        var end: Int?
        var inClass = false
        var j = 0
        while j < branch.count {
            let c = branch[j]
            if c == "\\" {
                j += 2
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
            } else if c == "[" {
                inClass = true
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
                if depth == 0 {
                    end = j
                    break
                }
            }
            j += 1
        }
        guard let end else { return nil }
        if end + 1 < branch.count, quantifiers.contains(branch[end + 1]) { return nil }
        return alternatives(Array(branch[3..<end]))
    }

    /// A character that matches only itself whatever the options.
    private static func isLiteral(_ c: Unicode.Scalar) -> Bool {
        !meta.contains(c) && !c.properties.isWhitespace && c != "#" && !c.properties.changesWhenCaseFolded
            && !c.properties.changesWhenCaseMapped
    }
}
