extension TemplateData {
    /// SendBulkTemplatedEmail's merge: a destination's `ReplacementTemplateData` over
    /// the call's `DefaultTemplateData`. Objects merge key by key, recursively, in the
    /// defaults' key order followed by keys only the replacement has; any other value
    /// of the replacement (arrays included) replaces the default whole. A replacement
    /// of `{}` gives the defaults, as SES documents.
    public static func merging(_ replacement: TemplateData, over defaults: TemplateData) -> TemplateData {
        var result = TemplateData()
        merge(replacement, over: defaults, into: &result)
        return result
    }

    /// ``merging(_:over:)`` into a reused value (no allocation once its capacity has
    /// grown).
    public static func merge(
        _ replacement: TemplateData, over defaults: TemplateData, into result: inout TemplateData
    ) {
        result.nodes.removeAll(keepingCapacity: true)
        result.storage.removeAll(keepingCapacity: true)
        result.storage.append(contentsOf: defaults.storage)
        result.storage.append(contentsOf: replacement.storage)
        result.appendMerged(
            replacement: replacement, replacementNode: 0, defaults: defaults, defaultNode: 0,
            replacementShift: UInt32(defaults.storage.count), key: nil)
    }

    /// Appends a copy of the subtree at `node` of `source`, shifting its storage
    /// offsets by `shift`, optionally re-keyed.
    private mutating func appendCopy(
        _ source: TemplateData, _ node: Int32, shift: UInt32, key: (UInt32, UInt32)?
    ) {
        let first = Int(node)
        let last = Int(source.nodes[first].end)
        let firstCopy = nodes.count
        let offset = Int64(firstCopy) - Int64(first)
        for index in first..<last {
            var copied = source.nodes[index]
            if copied.kind == .string || copied.kind == .number { copied.start += shift }
            copied.keyStart += shift
            copied.end = UInt32(Int64(copied.end) + offset)
            nodes.append(copied)
        }
        if let key {
            nodes[firstCopy].keyStart = key.0
            nodes[firstCopy].keyCount = key.1
        }
    }

    /// The merge proper. Recursion follows object nesting only, bounded by
    /// ``TemplateDataParser/maximumDepth``.
    private mutating func appendMerged(
        replacement: TemplateData, replacementNode: Int32, defaults: TemplateData, defaultNode: Int32,
        replacementShift: UInt32, key: (UInt32, UInt32)?
    ) {
        guard replacement.kind(replacementNode) == .object && defaults.kind(defaultNode) == .object else {
            appendCopy(replacement, replacementNode, shift: replacementShift, key: key)
            return
        }
        let objectIndex = nodes.count
        nodes.append(
            Node(
                kind: .object, flag: false, start: 0, count: 0, end: 0, keyStart: key?.0 ?? 0,
                keyCount: key?.1 ?? 0))
        var count: UInt32 = 0
        var member = defaultNode + 1
        let defaultEnd = Int32(defaults.nodes[Int(defaultNode)].end)
        while member < defaultEnd {
            let node = defaults.nodes[Int(member)]
            if !node.shadowed {
                if let override = replacement.member(replacementNode, key: defaults.keyBytes(member)) {
                    appendMerged(
                        replacement: replacement, replacementNode: override, defaults: defaults,
                        defaultNode: member,
                        replacementShift: replacementShift, key: (node.keyStart, node.keyCount))
                } else {
                    appendCopy(defaults, member, shift: 0, key: nil)
                }
                count += 1
            }
            member = Int32(node.end)
        }
        member = replacementNode + 1
        let replacementEnd = Int32(replacement.nodes[Int(replacementNode)].end)
        while member < replacementEnd {
            let node = replacement.nodes[Int(member)]
            if !node.shadowed && defaults.member(defaultNode, key: replacement.keyBytes(member)) == nil {
                appendCopy(replacement, member, shift: replacementShift, key: nil)
                count += 1
            }
            member = Int32(node.end)
        }
        nodes[objectIndex].count = count
        nodes[objectIndex].end = UInt32(nodes.count)
    }
}
