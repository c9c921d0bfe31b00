/// A mailbox named in an address header (`From`, `To`, `Cc`, …).
public struct Mailbox: Hashable, Sendable {
    /// The display name with quotes removed and encoded words decoded; nil
    /// when there is none.
    public var displayName: String?
    /// The address, `local@domain`, as written (without angle brackets,
    /// comments or spaces). It is not checked here.
    public var address: String

    public init(displayName: String?, address: String) {
        self.displayName = displayName
        self.address = address
    }

    /// `Display Name <local@domain>`, or the bare address: the form SES
    /// publishes in `commonHeaders` (its example turns `"Sender Name"
    /// <sender@example.com>` into `Sender Name <sender@example.com>`).
    public var formatted: String {
        guard let displayName else { return address }
        return displayName + " <" + address + ">"
    }
}

/// An address header that cannot be read; the texts are JavaMail's
/// (`InternetAddress.parse`).
public struct AddressListError: Error, Hashable, Sendable {
    public var message: String
}

/// RFC 5322 §3.4 address lists: mailboxes with or without display names,
/// quoted strings, comments (an old-style `addr (Name)` comment becomes the
/// display name), groups (`Team: a@x, b@y;` — their members are listed, an
/// empty group adds none), domain literals and obsolete routes (`<@a:u@d>`).
public enum AddressList {
    /// The mailboxes of `value` (an unfolded header value), in order.
    public static func parse(_ value: [UInt8]) throws(AddressListError) -> [Mailbox] {
        var parser = Parser(bytes: value)
        return try parser.run()
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var mailboxes: [Mailbox] = []
        var inGroup = false
        // The current entry.
        var phrase: [UInt8] = []
        var bare: [UInt8] = []
        var angle: [UInt8]?
        var comment: [UInt8]?

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() throws(AddressListError) -> [Mailbox] {
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    let (raw, content) = try quoted()
                    phrase.append(contentsOf: content)
                    bare.append(contentsOf: raw)
                case UInt8(ascii: "("):
                    let text = try commentText()
                    if comment == nil { comment = text }
                    space()
                case UInt8(ascii: "<"):
                    angle = try angleContent()
                case UInt8(ascii: ","):
                    index += 1
                    endEntry()
                case UInt8(ascii: ":") where angle == nil:
                    index += 1
                    if inGroup { throw AddressListError(message: "Nested group") }
                    inGroup = true
                    reset()
                case UInt8(ascii: ";"):
                    index += 1
                    guard inGroup else { throw AddressListError(message: "Illegal semicolon, not in group") }
                    endEntry()
                    inGroup = false
                case UInt8(ascii: "["):
                    guard let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")) else {
                        throw AddressListError(message: "Missing ']'")
                    }
                    bare.append(contentsOf: bytes[index...close])
                    phrase.append(contentsOf: bytes[index...close])
                    index = close + 1
                case 0x20, 0x09, 0x0D, 0x0A:
                    index += 1
                    space()
                default:
                    phrase.append(byte)
                    bare.append(byte)
                    index += 1
                }
            }
            endEntry()
            return mailboxes
        }

        /// A quoted string at `index`: its raw bytes and its content.
        mutating func quoted() throws(AddressListError) -> (raw: ArraySlice<UInt8>, content: [UInt8]) {
            let start = index
            var content: [UInt8] = []
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { return (bytes[start..<index], content) }
                if byte == UInt8(ascii: "\\") && index < bytes.count {
                    content.append(bytes[index])
                    index += 1
                } else {
                    content.append(byte)
                }
            }
            throw AddressListError(message: "Missing '\"'")
        }

        /// A comment at `index` (nested comments allowed): its text.
        mutating func commentText() throws(AddressListError) -> [UInt8] {
            var depth = 0
            var text: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\\"):
                    if index < bytes.count {
                        text.append(bytes[index])
                        index += 1
                    }
                    continue
                case UInt8(ascii: "("):
                    depth += 1
                    if depth == 1 { continue }
                case UInt8(ascii: ")"):
                    depth -= 1
                    if depth == 0 { return text }
                default:
                    break
                }
                text.append(byte)
            }
            throw AddressListError(message: "Missing ')'")
        }

        /// The content of `<…>` at `index`, without an obsolete route.
        mutating func angleContent() throws(AddressListError) -> [UInt8] {
            index += 1
            var content: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") {
                    index += 1
                    if content.first == UInt8(ascii: "@"),
                        let colon = content.lastIndex(of: UInt8(ascii: ":"))
                    {
                        content.removeSubrange(...colon)
                    }
                    return content
                }
                if byte == UInt8(ascii: "\"") {
                    content.append(contentsOf: try quoted().raw)
                } else if byte == UInt8(ascii: "(") {
                    _ = try commentText()
                } else {
                    if byte != 0x20 && byte != 0x09 && byte != 0x0D && byte != 0x0A { content.append(byte) }
                    index += 1
                }
            }
            throw AddressListError(message: "Missing '>'")
        }

        mutating func space() {
            if let last = phrase.last, last != 0x20 { phrase.append(0x20) }
        }

        mutating func endEntry() {
            if let angle {
                mailboxes.append(Mailbox(displayName: Self.displayName(phrase), address: Self.text(angle)))
            } else if !bare.isEmpty {
                mailboxes.append(
                    Mailbox(displayName: comment.flatMap { Self.displayName($0) }, address: Self.text(bare)))
            }
            reset()
        }

        mutating func reset() {
            phrase.removeAll(keepingCapacity: true)
            bare.removeAll(keepingCapacity: true)
            angle = nil
            comment = nil
        }

        static func displayName(_ bytes: [UInt8]) -> String? {
            let name = EncodedWords.decode(bytes).trimmingSpaces
            return name.isEmpty ? nil : name
        }

        static func text(_ bytes: [UInt8]) -> String { Charsets.headerText(bytes) }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
