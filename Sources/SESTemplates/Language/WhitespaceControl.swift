/// Handlebars' whitespace rules, ported from handlebars.js `WhitespaceControl`:
/// `~` strips all whitespace on that side of a tag; a block tag, `else`, comment,
/// partial or inline-partial tag alone on its line ("standalone") removes that line's
/// indentation and line break; a standalone partial's indentation is applied to each
/// line of its output. Recursion follows block nesting, which the parser caps.
struct WhitespaceControl {
    var tree: SyntaxTree
    private var isRootSeen = false

    init(tree: SyntaxTree) { self.tree = tree }

    static func apply(to tree: SyntaxTree) -> SyntaxTree {
        var control = WhitespaceControl(tree: tree)
        control.visitProgram(0)
        return control.tree
    }

    private struct Strip {
        var open = false
        var close = false
        var openStandalone = false
        var closeStandalone = false
        var inlineStandalone = false
    }

    private mutating func visitProgram(_ program: Int) {
        let isRoot = !isRootSeen
        isRootSeen = true
        let body = tree.programs[program]
        for i in body.indices {
            guard let strip = visit(body[i]) else { continue }
            let prevWhitespace = isPrevWhitespace(body, i, isRoot: isRoot)
            let nextWhitespace = isNextWhitespace(body, i, isRoot: isRoot)
            let openStandalone = strip.openStandalone && prevWhitespace
            let closeStandalone = strip.closeStandalone && nextWhitespace
            let inlineStandalone = strip.inlineStandalone && prevWhitespace && nextWhitespace
            if strip.close { omitRight(body, i, multiple: true) }
            if strip.open { omitLeft(body, i, multiple: true) }
            if inlineStandalone {
                omitRight(body, i, multiple: false)
                if omitLeft(body, i, multiple: false) && tree.nodes[body[i]].kind == .partial {
                    // The indentation is the whitespace that ended the previous line.
                    let previous = tree.nodes[body[i - 1]]
                    var start = previous.originalEnd
                    while start > previous.originalStart
                        && (tree.source[start - 1] == 0x20 || tree.source[start - 1] == 0x09)
                    {
                        start -= 1
                    }
                    tree.nodes[body[i]].indent = Array(tree.source[start..<previous.originalEnd])
                }
            }
            if openStandalone {
                let node = tree.nodes[body[i]]
                omitRight(
                    tree.programs[node.program >= 0 ? node.program : node.inverse], nil, multiple: false)
                omitLeft(body, i, multiple: false)
            }
            if closeStandalone {
                omitRight(body, i, multiple: false)
                let node = tree.nodes[body[i]]
                omitLeft(tree.programs[node.inverse >= 0 ? node.inverse : node.program], nil, multiple: false)
            }
        }
    }

    private mutating func visit(_ index: Int) -> Strip? {
        let node = tree.nodes[index]
        switch node.kind {
        case .content:
            return nil
        case .mustache:
            return Strip(open: node.strip.open, close: node.strip.close)
        case .partial, .comment:
            return Strip(open: node.strip.open, close: node.strip.close, inlineStandalone: true)
        case .block, .inlinePartial:
            return visitBlock(index)
        }
    }

    private mutating func visitBlock(_ index: Int) -> Strip {
        let block = tree.nodes[index]
        if block.program >= 0 { visitProgram(block.program) }
        if block.inverse >= 0 { visitProgram(block.inverse) }
        let program = block.program >= 0 ? block.program : block.inverse
        let inverse = block.program >= 0 ? block.inverse : -1
        var firstInverse = inverse
        var lastInverse = inverse
        if inverse >= 0 && block.inverseChained {
            // As handlebars.js: the chained block's own program is both the first and
            // the last inverse considered here (the chained block handles the rest).
            let chainBody = tree.programs[inverse]
            firstInverse = tree.nodes[chainBody[0]].program
            lastInverse = tree.nodes[chainBody[chainBody.count - 1]].program
        }
        let programBody = program >= 0 ? tree.programs[program] : []
        let strip = Strip(
            open: block.strip.open, close: block.closeStrip.close,
            openStandalone: isNextWhitespace(programBody, nil, isRoot: false),
            closeStandalone: isPrevWhitespace(
                tree.programs[firstInverse >= 0 ? firstInverse : program], nil, isRoot: false))
        if block.strip.close && program >= 0 { omitRight(tree.programs[program], nil, multiple: true) }
        if inverse >= 0 {
            if block.inverseStrip.open { omitLeft(tree.programs[program], nil, multiple: true) }
            if block.inverseStrip.close { omitRight(tree.programs[firstInverse], nil, multiple: true) }
            if block.closeStrip.open { omitLeft(tree.programs[lastInverse], nil, multiple: true) }
            if isPrevWhitespace(tree.programs[program], nil, isRoot: false)
                && isNextWhitespace(tree.programs[firstInverse], nil, isRoot: false)
            {
                omitLeft(tree.programs[program], nil, multiple: false)
                omitRight(tree.programs[firstInverse], nil, multiple: false)
            }
        } else if block.closeStrip.open && program >= 0 {
            omitLeft(tree.programs[program], nil, multiple: true)
        }
        return strip
    }

    // MARK: The helpers of handlebars.js, on byte ranges

    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C
    }

    /// `/\r?\n\s*?$/` (or with `(^|\r?\n)` at the root's first node) on the node's
    /// original text: the content ends with a line break and then only whitespace.
    private func isPrevWhitespace(_ body: [Int], _ i: Int?, isRoot: Bool) -> Bool {
        let i = i ?? body.count
        guard i - 1 >= 0 else { return isRoot }
        let previous = tree.nodes[body[i - 1]]
        guard previous.kind == .content else { return false }
        let allowStart = i - 2 < 0 && isRoot
        var index = previous.originalEnd
        while index > previous.originalStart {
            let c = tree.source[index - 1]
            if c == 0x0A { return true }
            if !Self.isSpace(c) { return false }
            index -= 1
        }
        return allowStart
    }

    /// `/^\s*?\r?\n/` (or `(\r?\n|$)` at the root's last node) on the next node's
    /// original text.
    private func isNextWhitespace(_ body: [Int], _ i: Int?, isRoot: Bool) -> Bool {
        let i = i ?? -1
        guard i + 1 < body.count else { return isRoot }
        let next = tree.nodes[body[i + 1]]
        guard next.kind == .content else { return false }
        let allowEnd = i + 2 >= body.count && isRoot
        var index = next.originalStart
        while index < next.originalEnd {
            let c = tree.source[index]
            if c == 0x0A { return true }
            if !Self.isSpace(c) { return false }
            index += 1
        }
        return allowEnd
    }

    /// Strips whitespace at the start of the node after `i` (the first node when
    /// `i` is nil): all of it when `multiple`, else spaces and tabs through one line
    /// break.
    private mutating func omitRight(_ body: [Int], _ i: Int?, multiple: Bool) {
        let target = i.map { $0 + 1 } ?? 0
        guard target < body.count, tree.nodes[body[target]].kind == .content else { return }
        var node = tree.nodes[body[target]]
        if !multiple && node.rightStripped { return }
        let original = node.start
        if multiple {
            while node.start < node.end && Self.isSpace(tree.source[node.start]) { node.start += 1 }
        } else {
            var index = node.start
            while index < node.end && (tree.source[index] == 0x20 || tree.source[index] == 0x09) {
                index += 1
            }
            if index < node.end && tree.source[index] == 0x0D { index += 1 }
            if index < node.end && tree.source[index] == 0x0A {
                index += 1
            } else if index > node.start && tree.source[index - 1] == 0x0D {
                // `\r?\n?`: a lone \r is kept out of the match.
                index -= 1
            }
            node.start = index
        }
        node.rightStripped = node.start != original
        tree.nodes[body[target]] = node
    }

    /// Strips whitespace at the end of the node before `i` (the last node when `i` is
    /// nil): all of it when `multiple`, else trailing spaces and tabs. Returns
    /// whether anything was stripped.
    @discardableResult
    private mutating func omitLeft(_ body: [Int], _ i: Int?, multiple: Bool) -> Bool {
        let target = i.map { $0 - 1 } ?? body.count - 1
        guard target >= 0, target < body.count, tree.nodes[body[target]].kind == .content else {
            return false
        }
        var node = tree.nodes[body[target]]
        if !multiple && node.leftStripped { return false }
        let original = node.end
        if multiple {
            while node.end > node.start && Self.isSpace(tree.source[node.end - 1]) { node.end -= 1 }
        } else {
            while node.end > node.start
                && (tree.source[node.end - 1] == 0x20 || tree.source[node.end - 1] == 0x09)
            {
                node.end -= 1
            }
        }
        node.leftStripped = node.end != original
        tree.nodes[body[target]] = node
        return node.leftStripped
    }
}
