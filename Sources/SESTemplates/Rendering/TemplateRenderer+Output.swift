extension TemplateRenderer {
    // MARK: Output

    mutating func lookup(
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

    func append(
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
