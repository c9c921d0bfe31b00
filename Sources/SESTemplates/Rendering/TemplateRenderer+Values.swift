extension TemplateRenderer {
    // MARK: Values

    func resolve(_ expression: ValueExpression, part: CompiledPart, data: TemplateData) -> RenderValue {
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
    func property(of value: RenderValue, named name: TextRange, in text: [UInt8], data: TemplateData)
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

    func property(ofNode node: Int32, key: ArraySlice<UInt8>, data: TemplateData) -> RenderValue {
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
    func isMissing(_ value: RenderValue, data: TemplateData) -> Bool {
        switch value {
        case .missing: return true
        case .node(let node): return data.nodes[Int(node)].kind == .null
        default: return false
        }
    }

    /// Handlebars' `#if`: JavaScript truthiness, and an empty array is false.
    func isTruthy(_ value: RenderValue, includeZero: Bool, data: TemplateData, part: CompiledPart)
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
}
