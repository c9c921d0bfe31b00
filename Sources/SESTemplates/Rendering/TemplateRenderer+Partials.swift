extension TemplateRenderer {
    // MARK: Partials

    mutating func callPartial(
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
    mutating func indent(
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
}
