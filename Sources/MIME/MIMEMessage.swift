/// A message read as RFC 5322 and MIME (RFC 2045–2049): its header fields and
/// its entities, as positions in its bytes.
///
/// Reading never copies a body: values are unfolded and bodies decoded only
/// when asked for. Reading is lenient where mail readers are (a line that is
/// not a header field is skipped, a missing close delimiter is accepted, an
/// unknown transfer encoding is taken as it is) and strict where JavaMail is
/// (a multipart without any delimiter line, a base64 body cut short): those
/// throw ``MIMEError``. Line breaks may be CRLF or a bare LF.
public struct MIMEMessage: Sendable {
    /// The message as given.
    public let bytes: [UInt8]
    /// Every entity's header fields, entity by entity, each in its order.
    public let headerFields: [HeaderField]
    /// The entities: 0 is the message, then its parts depth first.
    public let parts: [MIMEPart]
    /// The reading's work (see `MIMEScanner.steps`), for tests of its bound.
    package let scanSteps: Int

    /// Reads `bytes`.
    ///
    /// - Throws: ``MIMEError`` for a multipart with no delimiter line, or
    ///   when the message has more entities or fields than `limits` allow.
    ///   Bodies are not decoded here (see ``checkTransferEncodings()``).
    public init(parsing bytes: [UInt8], limits: MIMELimits = MIMELimits()) throws(MIMEError) {
        let scanned = bytes.withUnsafeBufferPointer { buffer in
            var scanner = MIMEScanner(bytes: buffer, limits: limits)
            return Result { () throws(MIMEError) in
                try scanner.run()
                return (scanner.fields, scanner.parts, scanner.steps)
            }
        }
        let (fields, parts, steps) = try scanned.get()
        self.bytes = bytes
        self.headerFields = fields
        self.parts = parts
        self.scanSteps = steps
    }

    /// The message's own header fields, in order.
    public var header: ArraySlice<HeaderField> { headerFields[parts[0].fields] }

    /// The header fields of entity `part`, in order.
    public func fields(of part: Int) -> ArraySlice<HeaderField> { headerFields[parts[part].fields] }

    /// The first field of entity `part` named `name` (ignoring case).
    public func field(named name: String, in part: Int = 0) -> HeaderField? {
        fields(of: part).first { $0.hasName(name) }
    }

    /// Every field of entity `part` named `name` (ignoring case), in order.
    public func fields(named name: String, in part: Int = 0) -> [HeaderField] {
        fields(of: part).filter { $0.hasName(name) }
    }

    /// The field's value: unfolded (line breaks removed, the spaces after them
    /// kept), without the spaces around it; UTF-8 text, or ISO-8859-1 when the
    /// bytes are not UTF-8. Encoded words are left as written.
    public func value(of field: HeaderField) -> String {
        Charsets.headerText(valueBytes(of: field))
    }

    /// The field's value as bytes, unfolded as ``value(of:)`` does.
    public func valueBytes(of field: HeaderField) -> [UInt8] {
        bytes.withUnsafeBufferPointer { Self.unfold($0, field.valueRange) }
    }

    /// The field's value with its encoded words decoded: for unstructured
    /// fields such as `Subject`.
    public func decodedValue(of field: HeaderField) -> String {
        EncodedWords.decode(valueBytes(of: field))
    }

    /// The indices of the children of entity `part`, in order.
    public func children(of part: Int) -> [Int] {
        var children: [Int] = []
        var index = part + 1
        while index < parts.count && parts[index].depth > parts[part].depth {
            if parts[index].parent == part { children.append(index) }
            index += 1
        }
        return children
    }

    /// Appends the body of entity `part` with its transfer encoding undone.
    ///
    /// - Throws: ``MIMEError/invalidBase64(part:detail:)`` with JavaMail's text.
    public func decodedBody(of part: Int, into output: inout [UInt8]) throws(MIMEError) {
        let entity = parts[part]
        let body = entity.body
        switch entity.transferEncoding {
        case .base64:
            let result = bytes.withUnsafeBufferPointer { buffer in
                Result { () throws(Base64Error) in
                    try Base64Codec.decode(UnsafeBufferPointer(rebasing: buffer[body]), into: &output)
                }
            }
            do throws(Base64Error) {
                try result.get()
            } catch {
                throw .invalidBase64(part: part, detail: error.detail)
            }
        case .quotedPrintable:
            QuotedPrintableCodec.decode(bytes[body], into: &output)
        case .sevenBit, .eightBit, .binary, .other:
            output.append(contentsOf: bytes[body])
        }
    }

    /// Decodes every base64 leaf, as a mail service that reads each part
    /// does, and throws the first failure.
    public func checkTransferEncodings() throws(MIMEError) {
        var scratch: [UInt8] = []
        for index in parts.indices where parts[index].isLeaf && parts[index].transferEncoding == .base64 {
            scratch.removeAll(keepingCapacity: true)
            try decodedBody(of: index, into: &scratch)
        }
    }

    /// `range` of `bytes` with folding line breaks removed and the spaces
    /// around the value trimmed.
    static func unfold(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var start = range.lowerBound
        var end = range.upperBound
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        return [UInt8](unsafeUninitializedCapacity: end - start) { output, count in
            var written = 0
            var index = start
            while index < end {
                let byte = bytes[index]
                if byte != 0x0D && byte != 0x0A {
                    output[written] = byte
                    written += 1
                }
                index += 1
            }
            count = written
        }
    }
}

extension MIMEMessage: Hashable {
    public static func == (lhs: MIMEMessage, rhs: MIMEMessage) -> Bool { lhs.bytes == rhs.bytes }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.count)
        hasher.combine(headerFields.count)
        hasher.combine(parts.count)
    }
}
