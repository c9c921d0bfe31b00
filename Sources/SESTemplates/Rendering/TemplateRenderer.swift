/// Renders compiled parts into caller-owned byte buffers. Keep one renderer per thread
/// and reuse it: its stacks keep their capacity, so once warmed a render allocates
/// only when the output buffer has to grow.
public struct TemplateRenderer: Sendable {
    /// Escaping, missing-value policy and limits.
    public var options: RenderingOptions

    private struct BlockFrame {
        var kind: BlockKind
        var pushedContext: Bool
        var iterating: Bool
        var isObject: Bool
        var blockParameterCount: UInt8
        var container: Int32
        var current: Int32
        var index: Int
        var isLast: Bool
        /// For `#with`: its value (the block parameter).
        var value: RenderValue
    }

    private struct CallFrame {
        var returnAddress: Int
        var pushedContext: Bool
        var scopeDepth: Int
        var overlayDepth: Int
        var overlayPairDepth: Int
        var outputStart: Int
        var indent: TextRange
    }

    private struct Overlay {
        var base: RenderValue
        var firstPair: Int
        var pairCount: Int
    }

    private var contexts: [RenderValue] = []
    private var blocks: [BlockFrame] = []
    private var calls: [CallFrame] = []
    private var scopes: [UInt32] = []
    private var overlays: [Overlay] = []
    private var overlayPairs: [(key: TextRange, value: RenderValue)] = []
    private var scratch: [UInt8] = []

    /// Partials may call partials at most this deep.
    public static let maximumPartialDepth = 100

    public init(options: RenderingOptions = .ses) {
        self.options = options
    }

    /// Renders `part` against `data`, appending to `output`. On error, `output` may
    /// hold a partial result after its original contents.
    public mutating func render(_ part: CompiledPart, data: TemplateData, appendingTo output: inout [UInt8])
        throws(TemplateError)
    {
        contexts.removeAll(keepingCapacity: true)
        blocks.removeAll(keepingCapacity: true)
        calls.removeAll(keepingCapacity: true)
        scopes.removeAll(keepingCapacity: true)
        overlays.removeAll(keepingCapacity: true)
        overlayPairs.removeAll(keepingCapacity: true)
        contexts.append(.node(0))
        let outputStart = output.count
        let maximumOutput = options.maximumOutputBytes
        var steps = options.maximumSteps
        var pc = 0
        let instructions = part.instructions
        while true {
            steps -= 1
            if steps < 0 { throw Self.limit("executed more than \(options.maximumSteps) steps") }
            switch instructions[pc] {
            case .text(let range):
                part.text.withUnsafeBufferPointer { text in
                    output.append(
                        contentsOf: UnsafeBufferPointer(
                            rebasing: text[Int(range.start)..<Int(range.start + range.count)]))
                }
                if output.count - outputStart > maximumOutput { throw Self.outputLimit(maximumOutput) }
                pc += 1
            case .output(let valueIndex, let escaped):
                let expression = part.values[Int(valueIndex)]
                let value = resolve(expression, part: part, data: data)
                try append(value, escaped: escaped, data: data, part: part, to: &output) {
                    Self.string(part, expression.text)
                }
                if output.count - outputStart > maximumOutput { throw Self.outputLimit(maximumOutput) }
                pc += 1
            case .lookup(let objectIndex, let fieldIndex, let escaped):
                try lookup(objectIndex, fieldIndex, escaped: escaped, part: part, data: data, to: &output)
                if output.count - outputStart > maximumOutput { throw Self.outputLimit(maximumOutput) }
                pc += 1
            case .test(let valueIndex, let includeZero, let negate, let target):
                let value = resolve(part.values[Int(valueIndex)], part: part, data: data)
                let passes = isTruthy(value, includeZero: includeZero, data: data, part: part) != negate
                pc = passes ? pc + 1 : Int(target)
            case .jump(let target):
                pc = Int(target)
            case .beginBlock(let valueIndex, let kind, let parameterCount, let elseTarget):
                let value = resolve(part.values[Int(valueIndex)], part: part, data: data)
                pc =
                    beginBlock(value, kind: kind, parameterCount: parameterCount, data: data, part: part)
                    ? pc + 1 : Int(elseTarget)
            case .endBlock(let loop):
                pc = endBlock(data: data) ? Int(loop) : pc + 1
            case .callPartial(let callIndex):
                pc = try callPartial(
                    part.partialCalls[Int(callIndex)], part: part, data: data, returnTo: pc + 1,
                    outputStart: output.count)
            case .enterScope(let scope):
                scopes.append(scope)
                pc += 1
            case .exitScope:
                scopes.removeLast()
                pc += 1
            case .returnFromPartial:
                let frame = calls.removeLast()
                if frame.pushedContext { contexts.removeLast() }
                scopes.removeSubrange(frame.scopeDepth...)
                overlays.removeSubrange(frame.overlayDepth...)
                overlayPairs.removeSubrange(frame.overlayPairDepth...)
                if frame.indent.count > 0 {
                    indent(&output, from: frame.outputStart, by: frame.indent, part: part)
                }
                if output.count - outputStart > maximumOutput { throw Self.outputLimit(maximumOutput) }
                pc = frame.returnAddress
            case .halt:
                return
            }
        }
    }

    // MARK: Errors

    private static func limit(_ what: String) -> TemplateError {
        TemplateError(.renderingLimitExceeded, "Rendering stopped: the template \(what).")
    }

    private static func outputLimit(_ bytes: Int) -> TemplateError {
        limit("produced more than \(bytes) bytes")
    }

    private static func string(_ part: CompiledPart, _ range: TextRange) -> String {
        String(decoding: part.text[Int(range.start)..<Int(range.start + range.count)], as: UTF8.self)
    }

    // MARK: Values

    private func resolve(_ expression: ValueExpression, part: CompiledPart, data: TemplateData) -> RenderValue
    {
        var current: RenderValue
        switch expression.kind {
        case .string: return .text(expression.text)
        case .number: return .number(expression.text)
        case .boolean: return .boolean(expression.boolean)
        case .undefined: return .missing
        case .path: break
        }
        switch expression.base {
        case .context:
            let index = contexts.count - 1 - Int(expression.depth)
            current = index >= 0 ? contexts[index] : .missing
        case .root:
            current = contexts[0]
        case .data:
            current = dataVariable(expression.slot)
        case .blockParameter:
            current = blockParameter(distance: Int(expression.depth), slot: expression.slot)
        }
        var segment = Int(expression.firstSegment)
        let end = segment + Int(expression.segmentCount)
        while segment < end {
            if case .missing = current { return .missing }
            current = property(of: current, named: part.segments[segment], in: part.text, data: data)
            segment += 1
        }
        return current
    }

    private func dataVariable(_ slot: UInt8) -> RenderValue {
        guard slot != ValueExpression.dataUnknown,
            let frame = blocks.last(where: { $0.iterating })
        else { return .missing }
        switch slot {
        case ValueExpression.dataIndex: return .integer(frame.index)
        case ValueExpression.dataKey: return frame.isObject ? .key(frame.current) : .integer(frame.index)
        case ValueExpression.dataFirst: return .boolean(frame.index == 0)
        default: return .boolean(frame.isLast)
        }
    }

    private func blockParameter(distance: Int, slot: UInt8) -> RenderValue {
        var remaining = distance
        for frame in blocks.reversed() where frame.blockParameterCount > 0 {
            if remaining > 0 {
                remaining -= 1
                continue
            }
            if frame.kind == .with { return slot == 0 ? frame.value : .missing }
            if slot == 0 { return .node(frame.current) }
            return frame.isObject ? .key(frame.current) : .integer(frame.index)
        }
        return .missing
    }

    /// `value[name]`, with JavaScript's own-property rules: object members, array
    /// indices and `length` of arrays and strings.
    private func property(of value: RenderValue, named name: TextRange, in text: [UInt8], data: TemplateData)
        -> RenderValue
    {
        let key = text[Int(name.start)..<Int(name.start + name.count)]
        switch value {
        case .node(let node):
            return property(ofNode: node, key: key, data: data)
        case .overlay(let index):
            let overlay = overlays[Int(index)]
            var pair = overlay.firstPair + overlay.pairCount - 1
            while pair >= overlay.firstPair {
                let entry = overlayPairs[pair]
                if text[Int(entry.key.start)..<Int(entry.key.start + entry.key.count)].elementsEqual(key) {
                    return entry.value
                }
                pair -= 1
            }
            return property(of: overlay.base, named: name, in: text, data: data)
        default:
            return .missing
        }
    }

    private func property(ofNode node: Int32, key: ArraySlice<UInt8>, data: TemplateData) -> RenderValue {
        let n = data.nodes[Int(node)]
        switch n.kind {
        case .object:
            var child = Int(node) + 1
            let end = Int(n.end)
            let count = key.count
            while child < end {
                let member = data.nodes[child]
                if Int(member.keyCount) == count && !member.shadowed
                    && data.storage[Int(member.keyStart)..<(Int(member.keyStart) + count)].elementsEqual(key)
                {
                    return .node(Int32(child))
                }
                child = Int(member.end)
            }
            return .missing
        case .array:
            if key.elementsEqual("length".utf8) { return .integer(Int(n.count)) }
            guard let index = Self.arrayIndex(key), index < Int(n.count) else { return .missing }
            var child = Int(node) + 1
            for _ in 0..<index { child = Int(data.nodes[child].end) }
            return .node(Int32(child))
        case .string:
            if key.elementsEqual("length".utf8) {
                return .integer(
                    TemplateDataParser.utf16Length(
                        data.storage.withUnsafeBufferPointer {
                            UnsafeBufferPointer(rebasing: $0[Int(n.start)..<Int(n.start + n.count)])
                        }))
            }
            return .missing
        default:
            return .missing
        }
    }

    /// A canonical array index ("0", "17"; not "01" or "-1").
    private static func arrayIndex(_ key: some Collection<UInt8>) -> Int? {
        guard let first = key.first, !(first == UInt8(ascii: "0") && key.count > 1), key.count <= 9 else {
            return nil
        }
        var value = 0
        for c in key {
            guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(c - UInt8(ascii: "0"))
        }
        return value
    }

    /// `null` is missing to SES and falsy to Handlebars.
    private func isMissing(_ value: RenderValue, data: TemplateData) -> Bool {
        switch value {
        case .missing: return true
        case .node(let node): return data.nodes[Int(node)].kind == .null
        default: return false
        }
    }

    /// Handlebars' `#if`: JavaScript truthiness, and an empty array is false.
    private func isTruthy(_ value: RenderValue, includeZero: Bool, data: TemplateData, part: CompiledPart)
        -> Bool
    {
        switch value {
        case .missing: return false
        case .node(let node):
            let n = data.nodes[Int(node)]
            switch n.kind {
            case .null: return false
            case .boolean: return n.flag
            case .number: return includeZero || !JavaScriptNumberText.isZero(data.bytes(node))
            case .string: return n.count > 0
            case .array: return n.count > 0
            case .object: return true
            }
        case .integer(let number): return includeZero || number != 0
        case .boolean(let flag): return flag
        case .key(let node): return data.nodes[Int(node)].keyCount > 0
        case .text(let range): return range.count > 0
        case .number(let range):
            return includeZero
                || !JavaScriptNumberText.isZero(part.text[Int(range.start)..<Int(range.start + range.count)])
        case .overlay: return true
        }
    }

    // MARK: Blocks

    /// Enters a block; returns false when its else branch runs instead.
    private mutating func beginBlock(
        _ value: RenderValue, kind: BlockKind, parameterCount: UInt8, data: TemplateData, part: CompiledPart
    ) -> Bool {
        var frame = BlockFrame(
            kind: kind, pushedContext: false, iterating: false, isObject: false,
            blockParameterCount: parameterCount, container: 0, current: 0, index: 0, isLast: false,
            value: value)
        var iterate = false
        switch kind {
        case .each:
            iterate = true
        case .with:
            if isEmpty(value, data: data) { return false }
        case .section:
            if case .boolean(true) = value {
                blocks.append(frame)
                return true
            }
            if case .node(let node) = value {
                let n = data.nodes[Int(node)]
                if n.kind == .boolean && n.flag {
                    blocks.append(frame)
                    return true
                }
                if n.kind == .array { iterate = true }
            }
            if !iterate && (isMissing(value, data: data) || value == .boolean(false)) { return false }
            if case .node(let node) = value, data.nodes[Int(node)].kind == .boolean { return false }
        }
        if iterate {
            guard case .node(let container) = value else { return false }
            let n = data.nodes[Int(container)]
            guard n.kind == .array || n.kind == .object else { return false }
            guard let first = nextChild(of: container, after: nil, data: data) else { return false }
            frame.iterating = true
            frame.isObject = n.kind == .object
            frame.container = container
            frame.current = first
            frame.isLast = nextChild(of: container, after: first, data: data) == nil
            frame.pushedContext = pushContext(.node(first))
            blocks.append(frame)
            return true
        }
        frame.pushedContext = pushContext(value)
        blocks.append(frame)
        return true
    }

    /// Handlebars' `isEmpty` (for `#with`): missing, null, false, "" and [].
    private func isEmpty(_ value: RenderValue, data: TemplateData) -> Bool {
        switch value {
        case .missing: return true
        case .boolean(let flag): return !flag
        case .text(let range): return range.count == 0
        case .key(let node): return data.nodes[Int(node)].keyCount == 0
        case .node(let node):
            let n = data.nodes[Int(node)]
            switch n.kind {
            case .null: return true
            case .boolean: return !n.flag
            case .string, .array: return n.count == 0
            default: return false
            }
        default: return false
        }
    }

    /// The next child of an array or object after `child` (the first when nil),
    /// skipping object members shadowed by a later duplicate key.
    private func nextChild(of container: Int32, after child: Int32?, data: TemplateData) -> Int32? {
        let end = Int32(data.nodes[Int(container)].end)
        let isObject = data.nodes[Int(container)].kind == .object
        var next = child.map { Int32(data.nodes[Int($0)].end) } ?? container + 1
        while next < end {
            if !(isObject && data.nodes[Int(next)].shadowed) { return next }
            next = Int32(data.nodes[Int(next)].end)
        }
        return nil
    }

    private mutating func pushContext(_ value: RenderValue) -> Bool {
        if contexts.last == value { return false }
        contexts.append(value)
        return true
    }

    /// Ends a block body; returns true to run the body again (the next item).
    private mutating func endBlock(data: TemplateData) -> Bool {
        var frame = blocks[blocks.count - 1]
        if frame.pushedContext { contexts.removeLast() }
        if frame.iterating, let next = nextChild(of: frame.container, after: frame.current, data: data) {
            frame.current = next
            frame.index += 1
            frame.isLast = nextChild(of: frame.container, after: next, data: data) == nil
            frame.pushedContext = pushContext(.node(next))
            blocks[blocks.count - 1] = frame
            return true
        }
        blocks.removeLast()
        return false
    }

    // MARK: Partials

    private mutating func callPartial(
        _ call: PartialCall, part: CompiledPart, data: TemplateData, returnTo: Int, outputStart: Int
    ) throws(TemplateError) -> Int {
        guard calls.count < Self.maximumPartialDepth else {
            throw TemplateError(
                .invalidTemplate, "Partials call each other deeper than \(Self.maximumPartialDepth) levels.")
        }
        guard let entry = findPartial(call.name, part: part) else {
            throw TemplateError(
                .invalidTemplate, "The partial \(part.partialNames[Int(call.name)]) could not be found.")
        }
        var frame = CallFrame(
            returnAddress: returnTo, pushedContext: false, scopeDepth: scopes.count,
            overlayDepth: overlays.count,
            overlayPairDepth: overlayPairs.count, outputStart: outputStart, indent: call.indent)
        var context = contexts[contexts.count - 1]
        if call.context >= 0 { context = resolve(part.values[Int(call.context)], part: part, data: data) }
        if call.hashPairCount > 0 {
            let first = overlayPairs.count
            for offset in 0..<Int(call.hashPairCount) {
                let pair = part.hashPairs[Int(call.firstHashPair) + offset]
                overlayPairs.append((pair.key, resolve(part.values[Int(pair.value)], part: part, data: data)))
            }
            overlays.append(Overlay(base: context, firstPair: first, pairCount: Int(call.hashPairCount)))
            context = .overlay(Int32(overlays.count - 1))
        }
        frame.pushedContext = pushContext(context)
        calls.append(frame)
        return entry
    }

    /// The innermost visible inline partial of that name, else a registered one.
    private func findPartial(_ name: UInt32, part: CompiledPart) -> Int? {
        for scope in scopes.reversed() {
            if let entry = Self.entry(name, inScope: Int(scope), part: part) { return entry }
        }
        if part.registeredScope >= 0 {
            return Self.entry(name, inScope: Int(part.registeredScope), part: part)
        }
        return nil
    }

    private static func entry(_ name: UInt32, inScope scope: Int, part: CompiledPart) -> Int? {
        let range = part.scopes[scope]
        for index in Int(range.start)..<Int(range.start + range.count)
        where part.scopeEntries[index].name == name {
            return Int(part.scopeEntries[index].entry)
        }
        return nil
    }

    /// handlebars.js indents every line of a standalone partial's output, except an
    /// empty last line.
    private mutating func indent(
        _ output: inout [UInt8], from start: Int, by range: TextRange, part: CompiledPart
    ) {
        guard output.count > start else { return }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: output[start...])
        output.removeSubrange(start...)
        let indent = part.text[Int(range.start)..<Int(range.start + range.count)]
        var atLineStart = true
        for byte in scratch {
            if atLineStart { output.append(contentsOf: indent) }
            output.append(byte)
            atLineStart = byte == 0x0A
        }
    }

    // MARK: Output

    private mutating func lookup(
        _ objectIndex: UInt32, _ fieldIndex: UInt32, escaped: Bool, part: CompiledPart, data: TemplateData,
        to output: inout [UInt8]
    ) throws(TemplateError) {
        let objectExpression = part.values[Int(objectIndex)]
        let object = resolve(objectExpression, part: part, data: data)
        let field = resolve(part.values[Int(fieldIndex)], part: part, data: data)
        if isMissing(object, data: data) || isMissing(field, data: data) {
            if options.rendersMissingValuesAsEmpty { return }
            let missing = isMissing(object, data: data) ? objectExpression : part.values[Int(fieldIndex)]
            throw TemplateError.missingAttribute(Self.string(part, missing.text))
        }
        // The field as a property name, in scratch, then looked up like a path segment.
        scratch.removeAll(keepingCapacity: true)
        appendPlain(field, data: data, part: part, to: &scratch)
        let name = String(decoding: scratch, as: UTF8.self)
        var result = RenderValue.missing
        switch object {
        case .node(let node): result = property(ofNode: node, key: scratch[...], data: data)
        case .overlay:
            var text = part.text
            let range = TextRange(start: UInt32(text.count), count: UInt32(scratch.count))
            text.append(contentsOf: scratch)
            result = property(of: object, named: range, in: text, data: data)
        default: break
        }
        try append(result, escaped: escaped, data: data, part: part, to: &output) { name }
    }

    private func append(
        _ value: RenderValue, escaped: Bool, data: TemplateData, part: CompiledPart, to output: inout [UInt8],
        name: () -> String
    ) throws(TemplateError) {
        if isMissing(value, data: data) {
            if options.rendersMissingValuesAsEmpty { return }
            throw TemplateError.missingAttribute(name())
        }
        if escaped && options.escapesHTML {
            var plain: [UInt8] = []
            appendPlain(value, data: data, part: part, to: &plain)
            HTMLEscaping.append(plain, to: &output)
        } else {
            appendPlain(value, data: data, part: part, to: &output)
        }
    }

    /// JavaScript's `String(value)`: arrays join their items with commas, objects
    /// print `[object Object]`, null and missing print nothing.
    private func appendPlain(
        _ value: RenderValue, data: TemplateData, part: CompiledPart, to output: inout [UInt8]
    ) {
        switch value {
        case .missing: return
        case .node(let node):
            let n = data.nodes[Int(node)]
            switch n.kind {
            case .null: return
            case .boolean: output.append(contentsOf: (n.flag ? "true" : "false").utf8)
            case .number: JavaScriptNumberText.append(data.bytes(node), to: &output)
            case .string:
                data.storage.withUnsafeBufferPointer {
                    output.append(
                        contentsOf: UnsafeBufferPointer(rebasing: $0[Int(n.start)..<Int(n.start + n.count)]))
                }
            case .object: output.append(contentsOf: "[object Object]".utf8)
            case .array:
                var child = node + 1
                var first = true
                while child < Int32(n.end) {
                    if !first { output.append(UInt8(ascii: ",")) }
                    first = false
                    appendPlain(.node(child), data: data, part: part, to: &output)
                    child = Int32(data.nodes[Int(child)].end)
                }
            }
        case .integer(let number): output.append(contentsOf: String(number).utf8)
        case .boolean(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .key(let node): output.append(contentsOf: data.keyBytes(node))
        case .text(let range):
            output.append(contentsOf: part.text[Int(range.start)..<Int(range.start + range.count)])
        case .number(let range):
            JavaScriptNumberText.append(
                part.text[Int(range.start)..<Int(range.start + range.count)], to: &output)
        case .overlay: output.append(contentsOf: "[object Object]".utf8)
        }
    }
}
