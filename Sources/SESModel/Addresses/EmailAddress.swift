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
        var utf8 = Substring(text).utf8
        while let first = utf8.first, first == 0x20 || first == 0x09 { utf8.removeFirst() }
        while let last = utf8.last, last == 0x20 || last == 0x09 { utf8.removeLast() }
        // A display name: the address is what the last `<…>` holds.
        if utf8.last == UInt8(ascii: ">"), let open = utf8.lastIndex(of: UInt8(ascii: "<")) {
            utf8 = utf8[utf8.index(after: open)..<utf8.index(before: utf8.endIndex)]
        }
        let bare = Substring(utf8)
        let at = try Self.check(bare.utf8)
        self.text = text
        // A plain address shares the text's storage.
        self.address = bare.utf8.count == text.utf8.count ? text : String(bare)
        self.localPart = bare[bare.startIndex..<at]
        let domainStart = bare.utf8.index(after: at)
        let domain = bare[domainStart...]
        self.domain =
            domain.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? domain.lowercased() : String(domain)
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

    /// JavaMail's `InternetAddress.checkAddress` rules over the address's
    /// bytes, in its order, returning the index of the `@`.
    private static func check(_ address: Substring.UTF8View) throws(SESError) -> String.Index {
        func invalid(_ message: String) -> SESError { SESError(.invalidParameterValue, message) }
        guard !address.isEmpty else { throw invalid("Missing final '@domain'") }
        guard let at = address.lastIndex(of: UInt8(ascii: "@")) else {
            if address.contains(where: isControlOrWhitespace) {
                throw invalid("Local address contains control or whitespace")
            }
            throw invalid("Missing final '@domain'")
        }
        let local = address[address.startIndex..<at]
        let domain = address[address.index(after: at)...]
        if local.isEmpty { throw invalid("Missing local name") }
        for byte in local {
            if isControlOrWhitespace(byte) { throw invalid("Local address contains control or whitespace") }
            if isSpecial(byte) || byte >= 0x80 { throw invalid("Local address contains illegal character") }
        }
        let dot = UInt8(ascii: ".")
        if local.first == dot { throw invalid("Local address starts with dot") }
        if local.last == dot { throw invalid("Local address ends with dot") }
        if containsDotDot(local) { throw invalid("Local address contains dot-dot") }
        if domain.isEmpty { throw invalid("Missing domain") }
        if domain.first == dot { throw invalid("Domain starts with dot") }
        var previous: UInt8 = 0
        for byte in domain {
            if isControlOrWhitespace(byte) { throw invalid("Domain contains control or whitespace") }
            if byte == dot && previous == dot { throw invalid("Domain contains dot-dot") }
            if isSpecial(byte) || byte >= 0x80 { throw invalid("Domain contains illegal character") }
            previous = byte
        }
        if domain.last == dot { throw invalid("Domain ends with dot") }
        return at
    }

    /// JavaMail's "specials" other than the dot: `()<>,;:\"[]@`.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x28, 0x29, 0x3C, 0x3E, 0x2C, 0x3B, 0x3A, 0x5C, 0x22, 0x5B, 0x5D, 0x40: true
        default: false
        }
    }

    private static func isControlOrWhitespace(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == 0x7F }

    private static func containsDotDot(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") && previous == UInt8(ascii: ".") { return true }
            previous = byte
        }
        return false
    }
}
