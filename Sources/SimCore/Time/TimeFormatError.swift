/// Text that does not spell a duration or an instant.
///
/// The description names the text and says what was expected, so that a
/// scenario loader can show it beside the file position:
/// `'15x' is not a duration: unknown unit 'x'; expected a number followed by
/// a unit (us, ms, s, m, h, d), as in 250ms, 90s, 15m, 6h, 45d or 1d12h`.
public struct TimeFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the text was supposed to be.
    public enum Kind: String, Sendable {
        case duration
        case instant
    }

    /// The text that could not be read.
    public var text: String
    /// Whether a duration or an instant was expected.
    public var kind: Kind
    /// What is wrong with the text, when something more precise than "not
    /// this kind" can be said (for example `unknown unit 'x'`).
    public var problem: String?

    /// Creates an error for `text`, which should have been a `kind`.
    public init(text: String, kind: Kind, problem: String? = nil) {
        self.text = text
        self.kind = kind
        self.problem = problem
    }

    /// The accepted forms of a duration, as shown to users.
    public static let durationForms =
        "a number followed by a unit (us, ms, s, m, h, d), as in 250ms, 90s, 15m, 6h, 45d or 1d12h"

    /// The accepted forms of an instant, as shown to users.
    public static let instantForms =
        "an ISO 8601 UTC timestamp (2026-03-01T09:00:00Z), an offset from the start (+36h), "
        + "a day of the run with an optional UTC time of day (day 3 09:00), or 'start'"

    /// What was expected, in words.
    public var expected: String {
        switch kind {
        case .duration: Self.durationForms
        case .instant: Self.instantForms
        }
    }

    public var description: String {
        let head = "'\(text)' is not \(kind == .duration ? "a duration" : "an instant")"
        if let problem {
            return "\(head): \(problem); expected \(expected)"
        }
        return "\(head): expected \(expected)"
    }
}
