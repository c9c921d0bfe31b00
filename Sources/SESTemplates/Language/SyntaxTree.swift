/// The parsed form of one template part, before whitespace control and compilation:
/// nodes in an arena, programs (statement lists) as arrays of node indices. Blocks
/// refer to their bodies by program index, so no pass needs pointers or classes.
struct SyntaxTree {
    /// The part's UTF-8 bytes; content nodes are ranges of it.
    var source: [UInt8]
    var nodes: [SyntaxNode] = []
    /// Statement lists; program 0 is the part's body.
    var programs: [[Int]] = [[]]
}

/// A 1-based line and column (columns count Unicode scalars).
struct SourceLocation: Equatable {
    var line: Int
    var column: Int

    /// The line and column of a byte offset. Computed only for error messages, so a
    /// scan from the start is fine.
    init(offset: Int, in source: [UInt8]) {
        line = 1
        column = 1
        for index in 0..<min(offset, source.count) {
            if source[index] == 0x0A {
                line += 1
                column = 1
            } else if source[index] & 0xC0 != 0x80 {
                column += 1
            }
        }
    }
}

/// The `~` flags of a tag: `open` strips whitespace before it, `close` after it.
struct StripFlags: Equatable {
    var open = false
    var close = false
}

/// A path such as `foo.bar`, `../name`, `this`, `@index`, `@root.x`, `[foo bar]`.
struct PathExpression: Equatable {
    /// Starts with `@`.
    var isData = false
    /// The number of `../` steps.
    var depth = 0
    /// The property names after `this`, `.` and `..` are removed.
    var parts: [[UInt8]] = []
    /// The path as written, minus brackets: the NAME of a missing-attribute error.
    var original = ""
    /// Starts with `this` or `.` (so it can never name a helper).
    var isScoped = false
}

/// An expression in a tag: a path or a literal.
enum SyntaxExpression: Equatable {
    case path(PathExpression)
    case string([UInt8])
    case number([UInt8])
    case boolean(Bool)
    case null
    case undefined

    /// The expression's text, as Handlebars' `original`.
    var original: String {
        switch self {
        case .path(let path): return path.original
        case .string(let bytes), .number(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .boolean(let value): return value ? "true" : "false"
        case .null: return "null"
        case .undefined: return "undefined"
        }
    }

    /// A literal in a name position is looked up as a one-segment path
    /// (`{{"foo bar"}}`, `{{12}}`), as Handlebars does.
    var asPath: PathExpression {
        switch self {
        case .path(let path): return path
        default:
            let text = original
            return PathExpression(parts: [Array(text.utf8)], original: text)
        }
    }
}

/// `key=value` in a tag.
struct HashPair: Equatable {
    var key: [UInt8]
    var value: SyntaxExpression
}

/// What a tag holds after its opening characters: a name, parameters, hash pairs
/// and block parameters (`as |item index|`).
struct TagArguments: Equatable {
    var name: SyntaxExpression
    var params: [SyntaxExpression] = []
    var hash: [HashPair] = []
    var blockParams: [[UInt8]] = []
}

/// One statement.
struct SyntaxNode {
    enum Kind {
        case content
        /// `{{x}}`, `{{{x}}}`, `{{&x}}`.
        case mustache
        /// `{{#x}}…{{/x}}`, `{{^x}}…{{/x}}` and `{{else x}}` chains.
        case block
        /// `{{> name}}`.
        case partial
        case comment
        /// `{{#*inline "name"}}…{{/inline}}`.
        case inlinePartial
    }

    var kind: Kind
    /// The byte offset where the statement starts (see ``SourceLocation``).
    var offset: Int
    // Content: the current value (after stripping) and the original range.
    var start = 0
    var end = 0
    var originalStart = 0
    var originalEnd = 0
    var leftStripped = false
    var rightStripped = false
    // Tags.
    var strip = StripFlags()
    var arguments: TagArguments?
    var escaped = true
    var program = -1
    var inverse = -1
    var inverseChained = false
    var inverseStrip = StripFlags()
    var closeStrip = StripFlags()
    /// For a standalone partial, the whitespace before it, applied to each line of
    /// its output.
    var indent: [UInt8] = []
}
