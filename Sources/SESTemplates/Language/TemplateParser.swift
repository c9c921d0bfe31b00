/// Parses a Handlebars template part into a ``SyntaxTree``, following handlebars.js's
/// lexer and grammar for the features SES templates use. One pass over the bytes; block
/// nesting is tracked with an explicit stack (capped at ``maximumNesting``), so no
/// input can exhaust the call stack.
struct TemplateParser {
    /// Blocks may nest at most this deep; deeper templates are `InvalidTemplate`.
    static let maximumNesting = 100

    private let source: [UInt8]
    private let partName: String
    private var tree: SyntaxTree
    var position = 0

    private struct OpenBlock {
        var node: Int
        var current: Int
        var chain: [Int]
        var name: String
        var parentProgram: Int
        var inverted: Bool
        var isInline: Bool
    }

    private var openBlocks: [OpenBlock] = []
    private var currentProgram = 0
    /// Open blocks plus their `else if` links: the depth of the syntax tree.
    private var nestingDepth: Int { openBlocks.reduce(0) { $0 + 1 + $1.chain.count } }

    init(source: [UInt8], partName: String) {
        self.source = source
        self.partName = partName
        self.tree = SyntaxTree(source: source)
    }

    /// Parses the whole part.
    static func parse(_ source: [UInt8], partName: String) throws(TemplateError) -> SyntaxTree {
        var parser = TemplateParser(source: source, partName: partName)
        try parser.run()
        return parser.tree
    }

    // MARK: Errors and locations

    func location(_ offset: Int) -> SourceLocation { SourceLocation(offset: offset, in: source) }

    func error(_ message: String, at offset: Int) -> TemplateError {
        let place = location(offset)
        return TemplateError(
            .invalidTemplate,
            "\(partName) line \(place.line), column \(place.column): \(message)",
            location: TemplateError.Location(part: partName, line: place.line, column: place.column))
    }

    // MARK: Content and tags

    private func startsWith(_ text: StaticString, at offset: Int) -> Bool {
        source.hasBytes(text, at: offset)
    }

    private func findOpen(from offset: Int) -> Int? {
        var index = offset
        while index + 1 < source.count {
            if source[index] == UInt8(ascii: "{") && source[index + 1] == UInt8(ascii: "{") { return index }
            index += 1
        }
        return nil
    }

    private mutating func addNode(_ node: SyntaxNode) -> Int {
        tree.nodes.append(node)
        tree.programs[currentProgram].append(tree.nodes.count - 1)
        return tree.nodes.count - 1
    }

    private mutating func addContent(_ start: Int, _ end: Int) {
        guard end > start else { return }
        var node = SyntaxNode(kind: .content, offset: (start))
        node.start = start
        node.end = end
        node.originalStart = start
        node.originalEnd = end
        _ = addNode(node)
    }

    private mutating func newProgram() -> Int {
        tree.programs.append([])
        return tree.programs.count - 1
    }

    private mutating func run() throws(TemplateError) {
        while position < source.count {
            guard let open = findOpen(from: position) else {
                addContent(position, source.count)
                position = source.count
                break
            }
            // Backslash escapes: `\{{` is literal text up to the next `{{`; `\\{{` is a
            // backslash followed by a real tag.
            if open > position && source[open - 1] == UInt8(ascii: "\\") {
                if open - 1 > position && source[open - 2] == UInt8(ascii: "\\") {
                    addContent(position, open - 1)
                } else {
                    addContent(position, open - 1)
                    var end = source.count
                    if let next = findOpen(from: open + 2) {
                        end = next
                        if end - 1 >= open + 2 && source[end - 1] == UInt8(ascii: "\\") {
                            end -= 1
                            if end - 1 >= open + 2 && source[end - 1] == UInt8(ascii: "\\") { end -= 1 }
                        }
                    }
                    addContent(open, max(end, open + 2))
                    position = max(end, open + 2)
                    continue
                }
            } else {
                addContent(position, open)
            }
            position = open
            try parseTag()
        }
        if let unclosed = openBlocks.last {
            throw error("the block '\(unclosed.name)' is never closed", at: tree.nodes[unclosed.node].offset)
        }
    }

    /// Parses the tag starting at `position` (which holds `{{`).
    private mutating func parseTag() throws(TemplateError) {
        let tagStart = position
        if startsWith("{{{{", at: tagStart) {
            throw error("raw blocks ({{{{raw}}}}) are not supported", at: tagStart)
        }
        var index = tagStart + 2
        var strip = StripFlags()
        if index < source.count && source[index] == UInt8(ascii: "~") {
            strip.open = true
            index += 1
        }
        guard index < source.count else { throw error("unclosed tag", at: tagStart) }
        var lexer = TagLexer(source: source, position: index)
        switch source[index] {
        case UInt8(ascii: "!"):
            try parseComment(from: index, strip: strip, tagStart: tagStart)
        case UInt8(ascii: ">"):
            lexer.position = index + 1
            try parsePartial(&lexer, strip: strip, tagStart: tagStart)
        case UInt8(ascii: "#"):
            index += 1
            if index < source.count && source[index] == UInt8(ascii: ">") {
                throw error("partial blocks ({{#> name}}) are not supported", at: tagStart)
            }
            var isDecorator = false
            if index < source.count && source[index] == UInt8(ascii: "*") {
                isDecorator = true
                index += 1
            }
            lexer.position = index
            try parseBlockOpen(
                &lexer, strip: strip, tagStart: tagStart, inverted: false, decorator: isDecorator)
        case UInt8(ascii: "/"):
            lexer.position = index + 1
            try parseBlockClose(&lexer, strip: strip, tagStart: tagStart)
        case UInt8(ascii: "^"):
            lexer.position = index + 1
            if let close = lexer.closeAfterWhitespace() {
                strip.close = close.strip
                position = close.end
                try parseElse(strip: strip, tagStart: tagStart)
            } else {
                try parseBlockOpen(&lexer, strip: strip, tagStart: tagStart, inverted: true, decorator: false)
            }
        case UInt8(ascii: "{"):
            lexer.position = index + 1
            try parseMustache(&lexer, strip: strip, tagStart: tagStart, escaped: false, triple: true)
        case UInt8(ascii: "&"):
            lexer.position = index + 1
            try parseMustache(&lexer, strip: strip, tagStart: tagStart, escaped: false, triple: false)
        case UInt8(ascii: "*"):
            throw error("decorators ({{*name}}) are not supported", at: tagStart)
        default:
            // `{{else}}` or `{{else x}}`?
            var probe = index
            while probe < source.count && isWhitespace(source[probe]) { probe += 1 }
            if startsWith("else", at: probe)
                && (probe + 4 >= source.count || isWhitespace(source[probe + 4])
                    || source[probe + 4] == UInt8(ascii: "~") || source[probe + 4] == UInt8(ascii: "}"))
            {
                lexer.position = probe + 4
                if let close = lexer.closeAfterWhitespace() {
                    strip.close = close.strip
                    position = close.end
                    try parseElse(strip: strip, tagStart: tagStart)
                } else {
                    try parseElseChain(&lexer, strip: strip, tagStart: tagStart)
                }
                return
            }
            lexer.position = index
            try parseMustache(&lexer, strip: strip, tagStart: tagStart, escaped: true, triple: false)
        }
    }

    private mutating func parseComment(from index: Int, strip: StripFlags, tagStart: Int)
        throws(TemplateError)
    {
        var strip = strip
        var end: Int?
        if startsWith("!--", at: index) {
            var probe = index + 3
            while probe + 3 < source.count + 1 {
                if startsWith("--}}", at: probe) {
                    end = probe + 4
                    break
                }
                if startsWith("--~}}", at: probe) {
                    strip.close = true
                    end = probe + 5
                    break
                }
                probe += 1
            }
        } else {
            var probe = index + 1
            while probe + 1 < source.count {
                if source[probe] == UInt8(ascii: "}") && source[probe + 1] == UInt8(ascii: "}") {
                    end = probe + 2
                    if probe > index + 1 && source[probe - 1] == UInt8(ascii: "~") { strip.close = true }
                    break
                }
                probe += 1
            }
        }
        guard let end else { throw error("unclosed comment", at: tagStart) }
        var node = SyntaxNode(kind: .comment, offset: (tagStart))
        node.strip = strip
        _ = addNode(node)
        position = end
    }

    private mutating func parseMustache(
        _ lexer: inout TagLexer, strip: StripFlags, tagStart: Int, escaped: Bool, triple: Bool
    ) throws(TemplateError) {
        var strip = strip
        let arguments = try parseArguments(&lexer, tagStart: tagStart, allowBlockParams: false)
        strip.close = try expectClose(&lexer, triple: triple, tagStart: tagStart)
        var node = SyntaxNode(kind: .mustache, offset: (tagStart))
        node.strip = strip
        node.arguments = arguments
        node.escaped = escaped
        _ = addNode(node)
    }

    private mutating func parsePartial(_ lexer: inout TagLexer, strip: StripFlags, tagStart: Int)
        throws(TemplateError)
    {
        var strip = strip
        let arguments = try parseArguments(&lexer, tagStart: tagStart, allowBlockParams: false)
        if case .path(let path) = arguments.name, path.isData {
            throw error("partial blocks (@partial-block) are not supported", at: tagStart)
        }
        if arguments.params.count > 1 {
            throw error("unsupported number of partial arguments: \(arguments.params.count)", at: tagStart)
        }
        strip.close = try expectClose(&lexer, triple: false, tagStart: tagStart)
        var node = SyntaxNode(kind: .partial, offset: (tagStart))
        node.strip = strip
        node.arguments = arguments
        _ = addNode(node)
    }

    private mutating func parseBlockOpen(
        _ lexer: inout TagLexer, strip: StripFlags, tagStart: Int, inverted: Bool, decorator: Bool
    ) throws(TemplateError) {
        var strip = strip
        let arguments = try parseArguments(&lexer, tagStart: tagStart, allowBlockParams: true)
        strip.close = try expectClose(&lexer, triple: false, tagStart: tagStart)
        if decorator && arguments.name.original != "inline" {
            throw error("decorators ({{#*\(arguments.name.original)}}) are not supported", at: tagStart)
        }
        guard nestingDepth < Self.maximumNesting else {
            throw error(
                "blocks nest deeper than \(Self.maximumNesting) levels (each 'else if' counts)", at: tagStart)
        }
        var node = SyntaxNode(kind: decorator ? .inlinePartial : .block, offset: (tagStart))
        node.strip = strip
        node.arguments = arguments
        let program = newProgram()
        node.program = program
        let index = addNode(node)
        openBlocks.append(
            OpenBlock(
                node: index, current: index, chain: [], name: arguments.name.original,
                parentProgram: currentProgram,
                inverted: inverted, isInline: decorator))
        currentProgram = program
    }

    /// `{{else}}` or `{{^}}`.
    private mutating func parseElse(strip: StripFlags, tagStart: Int) throws(TemplateError) {
        guard let top = openBlocks.last else { throw error("'else' outside a block", at: tagStart) }
        if top.isInline { throw error("unexpected 'else' in an inline partial", at: tagStart) }
        if tree.nodes[top.current].inverse >= 0 {
            throw error("a block has more than one 'else'", at: tagStart)
        }
        let program = newProgram()
        tree.nodes[top.current].inverse = program
        tree.nodes[top.current].inverseStrip = strip
        currentProgram = program
    }

    /// `{{else if x}}` and the like: the inverse is a program holding one block.
    private mutating func parseElseChain(_ lexer: inout TagLexer, strip: StripFlags, tagStart: Int)
        throws(TemplateError)
    {
        var strip = strip
        guard var top = openBlocks.last else { throw error("'else' outside a block", at: tagStart) }
        if top.isInline { throw error("unexpected 'else' in an inline partial", at: tagStart) }
        if tree.nodes[top.current].inverse >= 0 {
            throw error("a block has more than one 'else'", at: tagStart)
        }
        let arguments = try parseArguments(&lexer, tagStart: tagStart, allowBlockParams: true)
        strip.close = try expectClose(&lexer, triple: false, tagStart: tagStart)
        guard nestingDepth < Self.maximumNesting else {
            throw error(
                "blocks nest deeper than \(Self.maximumNesting) levels (each 'else if' counts)", at: tagStart)
        }
        let chainProgram = newProgram()
        tree.nodes[top.current].inverse = chainProgram
        tree.nodes[top.current].inverseChained = true
        tree.nodes[top.current].inverseStrip = strip
        currentProgram = chainProgram
        var node = SyntaxNode(kind: .block, offset: (tagStart))
        node.strip = strip
        node.arguments = arguments
        let program = newProgram()
        node.program = program
        let index = addNode(node)
        top.chain.append(index)
        top.current = index
        openBlocks[openBlocks.count - 1] = top
        currentProgram = program
    }

    private mutating func parseBlockClose(_ lexer: inout TagLexer, strip: StripFlags, tagStart: Int)
        throws(TemplateError)
    {
        var strip = strip
        let token = try lexer.next()
        let name: SyntaxExpression
        switch token.kind {
        case .identifier, .data, .string, .number, .boolean, .null, .undefined:
            name = try parseExpression(token, &lexer, tagStart: tagStart)
        default:
            throw error("expected a block name after '{{/'", at: tagStart)
        }
        strip.close = try expectClose(&lexer, triple: false, tagStart: tagStart)
        guard let top = openBlocks.popLast() else {
            throw error("'{{/\(name.original)}}' closes no open block", at: tagStart)
        }
        guard top.name == name.original else {
            throw error("'\(top.name)' doesn't match '\(name.original)'", at: tagStart)
        }
        tree.nodes[top.node].closeStrip = strip
        for chained in top.chain { tree.nodes[chained].closeStrip = strip }
        if top.inverted {
            // `{{^x}}a{{else}}b{{/x}}` is `{{#x}}b{{else}}a{{/x}}`; a swapped `else if`
            // chain becomes an ordinary program holding one block.
            let program = tree.nodes[top.node].program
            tree.nodes[top.node].program = tree.nodes[top.node].inverse
            tree.nodes[top.node].inverse = program
            tree.nodes[top.node].inverseChained = false
        }
        currentProgram = top.parentProgram
        position = lexer.position
    }
}
