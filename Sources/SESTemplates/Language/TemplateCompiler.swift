/// Compiles a template part — parse, whitespace control, code generation — into a
/// ``CompiledPart``. Errors are `InvalidTemplate` with the part, line and column.
public enum TemplateCompiler {
    /// The built-in helpers SES templates may use. Any other name called with
    /// arguments is an unknown helper (`InvalidTemplate`): SES has no custom helpers.
    static let builtInHelpers: Set<String> = ["if", "unless", "each", "with", "lookup", "log"]

    /// Compiles one part. `partials` registers named partials beside the part's
    /// inline ones; SES has only inline partials, so only the conformance run uses it.
    public static func compile(
        _ source: String, partName: String, partials: [(name: String, source: String)] = []
    ) throws(TemplateError) -> CompiledPart {
        var trees = [
            WhitespaceControl.apply(to: try TemplateParser.parse(Array(source.utf8), partName: partName))
        ]
        for partial in partials {
            trees.append(
                WhitespaceControl.apply(
                    to: try TemplateParser.parse(Array(partial.source.utf8), partName: partial.name)))
        }
        var generator = CodeGenerator(trees: trees, partName: partName)
        try generator.generate(registered: partials.map(\.name))
        return generator.part
    }
}

/// Generates the flat program from whitespace-controlled syntax trees.
private struct CodeGenerator {
    let trees: [SyntaxTree]
    var part: CompiledPart
    /// Lexical block parameters, innermost last.
    var blockParameterScopes: [[[UInt8]]] = []
    /// Partial bodies still to compile: (tree, program, scope-entry index to patch).
    var pendingBodies: [(tree: Int, program: Int, entryIndex: Int)] = []
    var definedNames: Set<String> = []
    var references: [(name: String, tree: Int, node: Int)] = []
    var currentTree = 0
    /// The latest jump target: text may not be merged across it.
    var lastLabel = 0

    init(trees: [SyntaxTree], partName: String) {
        self.trees = trees
        self.part = CompiledPart(partName: partName)
    }

    var tree: SyntaxTree { trees[currentTree] }
    var pc: UInt32 { UInt32(part.instructions.count) }

    /// The current position as a jump target.
    mutating func label() -> UInt32 {
        lastLabel = part.instructions.count
        return pc
    }

    func error(_ message: String, node: Int) -> TemplateError {
        let location = SourceLocation(
            offset: trees[currentTree].nodes[node].offset, in: trees[currentTree].source)
        let name = currentTree == 0 ? part.partName : "partial"
        return TemplateError(
            .invalidTemplate, "\(name) line \(location.line), column \(location.column): \(message)",
            location: TemplateError.Location(part: name, line: location.line, column: location.column))
    }

    mutating func generate(registered: [String]) throws(TemplateError) {
        if !registered.isEmpty {
            let first = UInt32(part.scopeEntries.count)
            for (offset, name) in registered.enumerated() {
                part.scopeEntries.append(ScopeEntry(name: intern(name), entry: 0))
                definedNames.insert(name)
                pendingBodies.append((offset + 1, 0, part.scopeEntries.count - 1))
            }
            part.scopes.append(TextRange(start: first, count: UInt32(registered.count)))
            part.registeredScope = Int32(part.scopes.count - 1)
        }
        currentTree = 0
        try compileProgram(0)
        part.instructions.append(.halt)
        while let body = pendingBodies.popLast() {
            currentTree = body.tree
            part.scopeEntries[body.entryIndex].entry = label()
            let savedScopes = blockParameterScopes
            blockParameterScopes = []
            try compileProgram(body.program)
            blockParameterScopes = savedScopes
            part.instructions.append(.returnFromPartial)
        }
        for reference in references where !definedNames.contains(reference.name) {
            currentTree = reference.tree
            throw error("the partial \(reference.name) could not be found", node: reference.node)
        }
    }

    mutating func intern(_ name: String) -> UInt32 {
        if let index = part.partialNames.firstIndex(of: name) { return UInt32(index) }
        part.partialNames.append(name)
        return UInt32(part.partialNames.count - 1)
    }

    mutating func addText(_ bytes: some Collection<UInt8>) -> TextRange {
        let start = UInt32(part.text.count)
        part.text.append(contentsOf: bytes)
        return TextRange(start: start, count: UInt32(part.text.count) - start)
    }

    mutating func emitText(_ bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty else { return }
        if case .text(let range)? = part.instructions.last,
            range.start + range.count == UInt32(part.text.count),
            lastLabel < part.instructions.count
        {
            part.text.append(contentsOf: bytes)
            part.instructions[part.instructions.count - 1] = .text(
                TextRange(start: range.start, count: range.count + UInt32(bytes.count)))
        } else {
            part.instructions.append(.text(addText(bytes)))
        }
    }

    // MARK: Programs and statements

    mutating func compileProgram(_ program: Int) throws(TemplateError) {
        guard program >= 0 else { return }
        let body = tree.programs[program]
        // Inline partials are visible for the whole program, wherever defined; a later
        // definition of a name wins.
        var entries: [(name: UInt32, node: Int)] = []
        for node in body where tree.nodes[node].kind == .inlinePartial {
            let arguments = tree.nodes[node].arguments!
            guard arguments.params.count == 1, case .string(let nameBytes) = arguments.params[0] else {
                throw error("an inline partial needs one string name: {{#*inline \"name\"}}", node: node)
            }
            let name = String(decoding: nameBytes, as: UTF8.self)
            definedNames.insert(name)
            entries.removeAll { $0.name == intern(name) }
            entries.append((intern(name), node))
        }
        if !entries.isEmpty {
            let first = UInt32(part.scopeEntries.count)
            for entry in entries {
                part.scopeEntries.append(ScopeEntry(name: entry.name, entry: 0))
                pendingBodies.append(
                    (currentTree, tree.nodes[entry.node].program, part.scopeEntries.count - 1))
            }
            part.scopes.append(TextRange(start: first, count: UInt32(entries.count)))
            part.instructions.append(.enterScope(UInt32(part.scopes.count - 1)))
        }
        for node in body { try compileStatement(node) }
        if !entries.isEmpty { part.instructions.append(.exitScope) }
    }

    mutating func compileStatement(_ index: Int) throws(TemplateError) {
        let node = tree.nodes[index]
        switch node.kind {
        case .content:
            emitText(tree.source[node.start..<node.end])
        case .comment, .inlinePartial:
            break
        case .mustache:
            try compileMustache(index)
        case .block:
            try compileBlock(index)
        case .partial:
            try compilePartial(index)
        }
    }

    /// The helper a tag names, if its name is a plain one-word path.
    func helperName(_ arguments: TagArguments) -> String? {
        guard case .path(let path) = arguments.name, !path.isData, path.depth == 0, !path.isScoped,
            path.parts.count == 1
        else { return nil }
        return String(decoding: path.parts[0], as: UTF8.self)
    }

    mutating func compileMustache(_ index: Int) throws(TemplateError) {
        let node = tree.nodes[index]
        let arguments = node.arguments!
        let helper = helperName(arguments)
        if helper == "ses:openTracker" && arguments.params.isEmpty && arguments.hash.isEmpty {
            // Left in place for open tracking, which puts its pixel here.
            emitText(ArraySlice("{{ses:openTracker}}".utf8))
            return
        }
        if let helper, TemplateCompiler.builtInHelpers.contains(helper) {
            guard arguments.hash.isEmpty else {
                throw error("the \(helper) helper takes no hash arguments", node: index)
            }
            switch helper {
            case "lookup":
                guard arguments.params.count == 2 else {
                    throw error("lookup requires exactly two arguments", node: index)
                }
                let object = try compileValue(arguments.params[0], node: index)
                let field = try compileValue(arguments.params[1], node: index)
                part.instructions.append(.lookup(object: object, field: field, escaped: node.escaped))
            case "log":
                break
            default:
                throw error("the \(helper) helper must open a block: {{#\(helper) …}}", node: index)
            }
            return
        }
        if !arguments.params.isEmpty || !arguments.hash.isEmpty {
            throw error(
                "Missing helper: \"\(arguments.name.original)\" (SES has no custom helpers)", node: index)
        }
        let value = try compileValue(.path(arguments.name.asPath), node: index)
        part.instructions.append(.output(value: value, escaped: node.escaped))
    }

    mutating func compileBlock(_ index: Int) throws(TemplateError) {
        let node = tree.nodes[index]
        let arguments = node.arguments!
        let helper = helperName(arguments).flatMap { TemplateCompiler.builtInHelpers.contains($0) ? $0 : nil }
        switch helper {
        case "if", "unless":
            guard arguments.params.count == 1 else {
                throw error("#\(helper!) requires exactly one argument", node: index)
            }
            var includeZero = false
            for pair in arguments.hash {
                guard pair.key == Array("includeZero".utf8), case .boolean(let value) = pair.value else {
                    throw error(
                        "#\(helper!) takes only the hash argument includeZero=true|false", node: index)
                }
                includeZero = value
            }
            guard arguments.blockParams.isEmpty else {
                throw error("#\(helper!) takes no block parameters", node: index)
            }
            let value = try compileValue(arguments.params[0], node: index)
            let test = part.instructions.count
            part.instructions.append(.jump(0))
            try compileProgram(node.program)
            var jumpToEnd: Int?
            if node.inverse >= 0 {
                jumpToEnd = part.instructions.count
                part.instructions.append(.jump(0))
            }
            part.instructions[test] = .test(
                value: value, includeZero: includeZero, negate: helper == "unless", target: label())
            if let jumpToEnd {
                try compileProgram(node.inverse)
                part.instructions[jumpToEnd] = .jump(label())
            }
        case "each", "with":
            guard arguments.params.count == 1 else {
                throw error(
                    helper == "each" ? "Must pass iterator to #each" : "#with requires exactly one argument",
                    node: index)
            }
            guard arguments.hash.isEmpty else {
                throw error("#\(helper!) takes no hash arguments", node: index)
            }
            let maximum = helper == "each" ? 2 : 1
            guard arguments.blockParams.count <= maximum else {
                throw error("#\(helper!) takes at most \(maximum) block parameters", node: index)
            }
            let value = try compileValue(arguments.params[0], node: index)
            try compileBlockBody(
                index, value: value, kind: helper == "each" ? .each : .with,
                blockParameters: arguments.blockParams)
        case "lookup", "log":
            throw error("the \(helper!) helper cannot open a block", node: index)
        default:
            guard arguments.params.isEmpty && arguments.hash.isEmpty else {
                throw error(
                    "Missing helper: \"\(arguments.name.original)\" (SES has no custom helpers)", node: index)
            }
            guard arguments.blockParams.isEmpty else {
                throw error("block parameters need #each or #with", node: index)
            }
            let value = try compileValue(.path(arguments.name.asPath), node: index)
            try compileBlockBody(index, value: value, kind: .section, blockParameters: [])
        }
    }

    mutating func compileBlockBody(_ index: Int, value: UInt32, kind: BlockKind, blockParameters: [[UInt8]])
        throws(TemplateError)
    {
        let node = tree.nodes[index]
        let begin = part.instructions.count
        part.instructions.append(.jump(0))
        let body = label()
        if !blockParameters.isEmpty { blockParameterScopes.append(blockParameters) }
        try compileProgram(node.program)
        if !blockParameters.isEmpty { blockParameterScopes.removeLast() }
        part.instructions.append(.endBlock(loop: body))
        var jumpToEnd: Int?
        if node.inverse >= 0 {
            jumpToEnd = part.instructions.count
            part.instructions.append(.jump(0))
        }
        part.instructions[begin] = .beginBlock(
            value: value, kind: kind, blockParameterCount: UInt8(blockParameters.count), elseTarget: label())
        if let jumpToEnd {
            try compileProgram(node.inverse)
            part.instructions[jumpToEnd] = .jump(label())
        }
    }

    mutating func compilePartial(_ index: Int) throws(TemplateError) {
        let node = tree.nodes[index]
        let arguments = node.arguments!
        let name = arguments.name.original
        references.append((name, currentTree, index))
        let context: Int32 =
            arguments.params.isEmpty ? -1 : Int32(try compileValue(arguments.params[0], node: index))
        let firstPair = UInt32(part.hashPairs.count)
        for pair in arguments.hash {
            let value = try compileValue(pair.value, node: index)
            part.hashPairs.append(HashEntry(key: addText(pair.key), value: value))
        }
        part.partialCalls.append(
            PartialCall(
                name: intern(name), context: context, firstHashPair: firstPair,
                hashPairCount: UInt32(arguments.hash.count), indent: addText(node.indent)))
        part.instructions.append(.callPartial(UInt32(part.partialCalls.count - 1)))
    }

    // MARK: Values

    mutating func compileValue(_ expression: SyntaxExpression, node: Int) throws(TemplateError) -> UInt32 {
        var value: ValueExpression
        switch expression {
        case .string(let bytes):
            value = ValueExpression(kind: .string, text: addText(bytes))
        case .number(let bytes):
            value = ValueExpression(kind: .number, text: addText(bytes))
        case .boolean(let flag):
            value = ValueExpression(kind: .boolean, boolean: flag)
        case .null, .undefined:
            value = ValueExpression(kind: .undefined, text: addText(expression.original.utf8))
        case .path(let path):
            value = ValueExpression(kind: .path, text: addText(path.original.utf8))
            var parts = path.parts[...]
            if path.isData {
                guard path.depth == 0 else {
                    throw error("parent data references (@../) are not supported", node: node)
                }
                let first = parts.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
                parts = parts.dropFirst()
                switch first {
                case "root": value.base = .root
                case "index": (value.base, value.slot) = (.data, ValueExpression.dataIndex)
                case "key": (value.base, value.slot) = (.data, ValueExpression.dataKey)
                case "first": (value.base, value.slot) = (.data, ValueExpression.dataFirst)
                case "last": (value.base, value.slot) = (.data, ValueExpression.dataLast)
                default: (value.base, value.slot) = (.data, ValueExpression.dataUnknown)
                }
            } else if !path.isScoped, path.depth == 0, let head = parts.first,
                let (distance, slot) = blockParameter(named: head)
            {
                value.base = .blockParameter
                value.depth = UInt16(distance)
                value.slot = UInt8(slot)
                parts = parts.dropFirst()
            } else {
                value.base = .context
                guard path.depth <= Int(UInt16.max) else { throw error("too many '../'", node: node) }
                value.depth = UInt16(path.depth)
            }
            value.firstSegment = UInt32(part.segments.count)
            value.segmentCount = UInt32(parts.count)
            for segment in parts { part.segments.append(addText(segment)) }
        }
        part.values.append(value)
        return UInt32(part.values.count - 1)
    }

    func blockParameter(named name: [UInt8]) -> (Int, Int)? {
        for (distance, scope) in blockParameterScopes.reversed().enumerated() {
            if let slot = scope.firstIndex(of: name) { return (distance, slot) }
        }
        return nil
    }
}
