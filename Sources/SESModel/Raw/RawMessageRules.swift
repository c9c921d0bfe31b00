import MIME
import SESEvents

/// SES's rules for the content of a raw message, each with SES's error (see
/// docs/raw-email.md for the source of every text).
enum RawMessageRules {
    /// Fields a message may carry only once: RFC 5322 §3.6's single fields,
    /// the MIME fields, and `DKIM-Signature`, a second one of which SES
    /// refuses (observed: `554 Transaction failed: Duplicate header
    /// 'DKIM-Signature'.`; also observed for `Content-Type`).
    static let singleFields = [
        "Date", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Message-ID", "In-Reply-To", "References",
        "Subject", "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition",
        "DKIM-Signature",
    ]

    /// The file extensions SES refuses in attachments (AWS-DG mime-types,
    /// "Amazon SES unsupported attachment types").
    static let blockedExtensions: Set<String> = [
        "ade", "adp", "app", "asp", "bas", "bat", "cer", "chm", "cmd", "com", "cpl", "crt", "csh", "der",
        "exe",
        "fxp", "gadget", "hlp", "hta", "inf", "ins", "isp", "its", "js", "jse", "ksh", "lib", "lnk", "mad",
        "maf", "mag", "mam", "maq", "mar", "mas", "mat", "mau", "mav", "maw", "mda", "mdb", "mde", "mdt",
        "mdw",
        "mdz", "msc", "msh", "msh1", "msh2", "mshxml", "msh1xml", "msh2xml", "msi", "msp", "mst", "ops",
        "pcd",
        "pif", "plg", "prf", "prg", "reg", "scf", "scr", "sct", "shb", "shs", "sys", "ps1", "ps1xml", "ps2",
        "ps2xml", "psc1", "psc2", "tmp", "url", "vb", "vbe", "vbs", "vps", "vsmacros", "vss", "vst", "vsw",
        "vxd", "ws", "wsc", "wsf", "wsh", "xnk",
    ]

    /// The SES headers SES removes before sending (AWS-DG
    /// event-publishing-send-email; API-v1 `SendRawEmail` for the ARN headers).
    static let sesHeaders = [
        "X-SES-CONFIGURATION-SET", "X-SES-MESSAGE-TAGS", "X-SES-SOURCE-ARN", "X-SES-FROM-ARN",
        "X-SES-RETURN-PATH-ARN",
    ]

    /// The HTML bodies open and click tracking rewrites: text/html parts that
    /// are not attachments, at any depth, except inside an attached message
    /// (`message/rfc822`), which is the forwarded message's own content.
    static func htmlBodies(_ message: MIMEMessage) -> [Int] {
        message.parts.indices.filter { index in
            guard message.parts[index].isHTMLBody else { return false }
            var ancestor = message.parts[index].parent
            while let current = ancestor {
                if message.parts[current].structure == .encapsulatedMessage { return false }
                ancestor = message.parts[current].parent
            }
            return true
        }
    }

    /// Refuses a second occurrence of a single field in the message's header.
    static func checkDuplicates(_ message: MIMEMessage) throws(SESError) {
        var seen: [String] = []
        for field in message.header {
            guard let name = singleFields.first(where: { field.hasName($0) }) else { continue }
            if seen.contains(name) {
                throw SESError(.invalidParameterValue, SESErrorMessages.duplicateHeader(field.name))
            }
            seen.append(name)
        }
    }

    /// Refuses a part whose file name has a blocked extension, at any depth.
    static func checkAttachments(_ message: MIMEMessage) throws(SESError) {
        for part in message.parts {
            guard let filename = part.filename, isBlocked(filename) else { continue }
            throw SESError(.invalidParameterValue, SESErrorMessages.illegalFilename(filename))
        }
    }

    /// Whether `filename`'s extension (after the last dot, ignoring case and
    /// surrounding spaces) is one SES refuses.
    static func isBlocked(_ filename: String) -> Bool {
        guard let dot = filename.lastIndex(of: ".") else { return false }
        let trimmed = filename[filename.index(after: dot)...].lowercased().trimmingSpaces()
        return blockedExtensions.contains(trimmed)
    }

    /// The mailboxes of every `name` field of the header, in order.
    static func mailboxes(_ message: MIMEMessage, _ name: String) throws(SESError) -> [Mailbox] {
        var mailboxes: [Mailbox] = []
        for field in message.fields(named: name) {
            do throws(AddressListError) {
                mailboxes.append(contentsOf: try AddressList.parse(message.valueBytes(of: field)))
            } catch {
                throw SESError(.invalidParameterValue, error.message)
            }
        }
        return mailboxes
    }

    /// The mailboxes' addresses, each checked as SES checks an address.
    static func addresses(_ mailboxes: [Mailbox]) throws(SESError) -> [EmailAddress] {
        var addresses: [EmailAddress] = []
        addresses.reserveCapacity(mailboxes.count)
        for mailbox in mailboxes { addresses.append(try EmailAddress(parsing: mailbox.address)) }
        return addresses
    }

    /// The tags of `X-SES-MESSAGE-TAGS` (`name=value, name=value`), every such
    /// field in order. An entry without `=` has an empty value, which the tag
    /// check then refuses.
    static func headerTags(_ message: MIMEMessage) -> [NameValue] {
        var tags: [NameValue] = []
        for field in message.fields(named: "X-SES-MESSAGE-TAGS") {
            for entry in message.value(of: field).split(separator: ",") {
                let text = entry.trimmingSpaces()
                guard !text.isEmpty else { continue }
                if let equals = text.firstIndex(of: "=") {
                    tags.append(
                        NameValue(
                            name: text[..<equals].trimmingSpaces(),
                            value: text[text.index(after: equals)...].trimmingSpaces()))
                } else {
                    tags.append(NameValue(name: text, value: ""))
                }
            }
        }
        return tags
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
