/// Renders compiled parts into caller-owned byte buffers. Keep one renderer per thread
/// and reuse it: its stacks keep their capacity, so once warmed a render allocates
/// only when the output buffer has to grow.
public struct TemplateRenderer: Sendable {
    /// Escaping, missing-value policy and limits.
    public var options: RenderingOptions

    struct BlockFrame {
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

    struct CallFrame {
        var returnAddress: Int
        var pushedContext: Bool
        var scopeDepth: Int
        var overlayDepth: Int
        var overlayPairDepth: Int
        var outputStart: Int
        var indent: TextRange
    }

    struct Overlay {
        var base: RenderValue
        var firstPair: Int
        var pairCount: Int
    }

    var contexts: [RenderValue] = []
    var blocks: [BlockFrame] = []
    var calls: [CallFrame] = []
    var scopes: [UInt32] = []
    var overlays: [Overlay] = []
    var overlayPairs: [(key: TextRange, value: RenderValue)] = []
    var scratch: [UInt8] = []

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

    static func string(_ part: CompiledPart, _ range: TextRange) -> String {
        String(decoding: part.text[Int(range.start)..<Int(range.start + range.count)], as: UTF8.self)
    }
}
