/// An email address as SES accepts it: `local@domain`, optionally with a
/// display name (`Sender Name <sender@example.com>`).
///
/// SES rejects a malformed address with `InvalidParameterValue` and a message
/// from the JavaMail address checker it runs on (`Missing final '@domain'`,
/// `Local address contains illegal character`, …). ``init(parsing:)``
/// applies the same checks, in the same order, with the same messages.
/// Addresses must be 7-bit ASCII (SES's documented rule); other characters
/// are reported as illegal.
public struct EmailAddress: Hashable, Sendable, CustomStringConvertible {
    /// The text as given, display name included.
    public let text: String
    /// The bare address, `local@domain`.
    public let address: String
    /// The part before the last `@`.
    public let localPart: Substring
    /// The domain, in lower case (domains compare case-insensitively).
    public let domain: String

    /// Reads `text`, throwing an `InvalidParameterValue` ``SESError`` that
    /// says what is wrong.
    public init(parsing text: String) throws(SESError) {
        let trimmed = Self.trimmed(text)
        var bare = Substring(trimmed)
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            bare = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        }
        let (localEnd, domainStart) = try Self.check(bare)
        self.text = text
        self.address = String(bare)
        self.localPart = bare[bare.startIndex..<localEnd]
        self.domain = String(bare[domainStart...]).lowercased()
    }

    public var description: String { text }

    /// The address with the local part's `+label` removed: the base
    /// address the mailbox simulator and identity checks look at.
    public var withoutLabel: (localPart: Substring, domain: String) {
        if let plus = localPart.firstIndex(of: "+") {
            return (localPart[localPart.startIndex..<plus], domain)
        }
        return (localPart, domain)
    }

    private static func trimmed(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }

    /// JavaMail's `InternetAddress.checkAddress` rules, returning the end of
    /// the local part and the start of the domain.
    private static func check(_ address: Substring) throws(SESError) -> (String.Index, String.Index) {
        func invalid(_ message: String) -> SESError { SESError(.invalidParameterValue, message) }
        let specials: Set<Character> = ["(", ")", "<", ">", ",", ";", ":", "\\", "\"", "[", "]", "@"]
        guard !address.isEmpty else { throw invalid("Missing final '@domain'") }
        guard let at = address.lastIndex(of: "@") else {
            for character in address where Self.isControlOrWhitespace(character) {
                throw invalid("Local address contains control or whitespace")
            }
            throw invalid("Missing final '@domain'")
        }
        let local = address[address.startIndex..<at]
        let domain = address[address.index(after: at)...]
        if local.isEmpty { throw invalid("Missing local name") }
        for character in local {
            if Self.isControlOrWhitespace(character) {
                throw invalid("Local address contains control or whitespace")
            }
            if specials.contains(character) || !character.isASCII {
                throw invalid("Local address contains illegal character")
            }
        }
        if local.hasPrefix(".") { throw invalid("Local address starts with dot") }
        if local.hasSuffix(".") { throw invalid("Local address ends with dot") }
        if local.contains("..") { throw invalid("Local address contains dot-dot") }
        if domain.isEmpty { throw invalid("Missing domain") }
        if domain.hasPrefix(".") { throw invalid("Domain starts with dot") }
        var previous: Character = " "
        for character in domain {
            if Self.isControlOrWhitespace(character) {
                throw invalid("Domain contains control or whitespace")
            }
            if character == "." && previous == "." { throw invalid("Domain contains dot-dot") }
            if specials.contains(character) || !character.isASCII {
                throw invalid("Domain contains illegal character")
            }
            previous = character
        }
        if domain.hasSuffix(".") { throw invalid("Domain ends with dot") }
        return (at, domain.startIndex)
    }

    private static func isControlOrWhitespace(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
    }
}
