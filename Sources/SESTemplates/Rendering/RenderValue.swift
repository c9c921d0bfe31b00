/// A value during rendering: a node of the template data, or a value the renderer
/// or the template makes (`@index`, `@first`, an object key, a literal).
enum RenderValue: Sendable, Equatable {
    case missing
    case node(Int32)
    case integer(Int)
    case boolean(Bool)
    /// The key of an object member node (`@key` over objects).
    case key(Int32)
    /// A string literal of the template.
    case text(TextRange)
    /// A number literal of the template.
    case number(TextRange)
    /// A partial's context extended with its hash arguments.
    case overlay(Int32)
}
