/// One template part compiled to a flat program: a list of instructions over constant
/// tables, rendered by ``TemplateRenderer`` with explicit stacks (no recursion).
/// Compile once (the store does it on create/update), render many.
public struct CompiledPart: Sendable {
    /// The part's name in error messages: `SubjectPart`, `TextPart` or `HtmlPart`.
    public let partName: String
    var instructions: [Instruction] = []
    /// Template text, property names, literal strings and the original text of paths.
    var text: [UInt8] = []
    var values: [ValueExpression] = []
    /// Property-name ranges of paths (`ValueExpression.firstSegment`…).
    var segments: [TextRange] = []
    var partialCalls: [PartialCall] = []
    var hashPairs: [HashEntry] = []
    /// Interned partial names (`PartialCall.name`, `ScopeEntry.name`).
    var partialNames: [String] = []
    /// Inline-partial scopes: `scopes[i]` is a range of `scopeEntries`.
    var scopes: [TextRange] = []
    var scopeEntries: [ScopeEntry] = []
    /// The scope of registered partials (conformance runs only), searched last.
    var registeredScope: Int32 = -1

    init(partName: String) { self.partName = partName }

    /// The number of instructions: a measure of the compiled size.
    public var instructionCount: Int { instructions.count }
}

/// A range in a constant table.
struct TextRange: Sendable, Equatable {
    var start: UInt32
    var count: UInt32
}

/// An instruction of a compiled part. Jump targets are instruction indices.
enum Instruction: Sendable, Equatable {
    /// Appends template text.
    case text(TextRange)
    /// Appends a value; a missing value is `MissingRenderingAttribute` in SES mode.
    case output(value: UInt32, escaped: Bool)
    /// `{{lookup object field}}`.
    case lookup(object: UInt32, field: UInt32, escaped: Bool)
    /// `#if`/`#unless`: jumps to `target` when the test fails.
    case test(value: UInt32, includeZero: Bool, negate: Bool, target: UInt32)
    case jump(UInt32)
    /// `#each`, `#with` and sections: enters the body, or jumps to `elseTarget`.
    case beginBlock(value: UInt32, kind: BlockKind, blockParameterCount: UInt8, elseTarget: UInt32)
    /// The end of a block body: loops back to `loop` while an iteration has items.
    case endBlock(loop: UInt32)
    /// `{{> name}}`: `partialCalls[index]`.
    case callPartial(UInt32)
    /// Makes the inline partials of a program visible while it runs.
    case enterScope(UInt32)
    case exitScope
    case returnFromPartial
    case halt
}

/// What a block instruction does with its value.
enum BlockKind: UInt8, Sendable, Equatable {
    /// `#each`: iterate arrays and objects.
    case each
    /// `#with`: the value becomes the context unless it is empty.
    case with
    /// `{{#name}}` without a helper (Handlebars' blockHelperMissing): `true` keeps the
    /// context, arrays iterate, other non-empty values become the context.
    case section
}

/// An expression: a path from a base, or a literal.
struct ValueExpression: Sendable, Equatable {
    enum Kind: UInt8, Sendable {
        case path, string, number, boolean, undefined
    }

    enum Base: UInt8, Sendable {
        /// The context `depth` levels up (`../`).
        case context
        /// `@root`.
        case root
        /// `@index`, `@key`, `@first`, `@last` (`slot`), or an unknown data name.
        case data
        /// A block parameter: `depth` block-parameter frames up, `slot` 0 or 1.
        case blockParameter
    }

    var kind: Kind
    var base: Base = .context
    var depth: UInt16 = 0
    var slot: UInt8 = 0
    var boolean = false
    var firstSegment: UInt32 = 0
    var segmentCount: UInt32 = 0
    /// Literal text, or the path as written (the NAME of a missing attribute).
    var text = TextRange(start: 0, count: 0)

    static let dataIndex: UInt8 = 0
    static let dataKey: UInt8 = 1
    static let dataFirst: UInt8 = 2
    static let dataLast: UInt8 = 3
    static let dataUnknown: UInt8 = 4
}

/// `{{> name context key=value}}`.
struct PartialCall: Sendable, Equatable {
    var name: UInt32
    /// A value index, or -1 for the current context.
    var context: Int32
    var firstHashPair: UInt32
    var hashPairCount: UInt32
    /// Indentation of a standalone partial (empty when none).
    var indent: TextRange
}

/// `key=value` of a partial call.
struct HashEntry: Sendable, Equatable {
    var key: TextRange
    var value: UInt32
}

/// An inline partial visible in a scope.
struct ScopeEntry: Sendable, Equatable {
    var name: UInt32
    var entry: UInt32
}
