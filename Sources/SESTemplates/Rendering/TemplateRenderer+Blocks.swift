extension TemplateRenderer {
    // MARK: Blocks

    /// Enters a block; returns false when its else branch runs instead.
    mutating func beginBlock(
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

    mutating func pushContext(_ value: RenderValue) -> Bool {
        if contexts.last == value { return false }
        contexts.append(value)
        return true
    }

    /// Ends a block body; returns true to run the body again (the next item).
    mutating func endBlock(data: TemplateData) -> Bool {
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
}
