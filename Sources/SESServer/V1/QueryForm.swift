import SESProtocolV1

/// The parameters of a Query request: `application/x-www-form-urlencoded`
/// pairs (`Action=SendEmail&Destination.ToAddresses.member.1=a%40b.net`),
/// from the URL's query string and the body, as AWS's Query protocol allows
/// either (GET with a query string, POST with a form body).
struct QueryForm: Sendable {
    /// Each parameter's value; a later one of the same name replaces an
    /// earlier one, and the body's replace the URL's.
    private(set) var values: [String: String] = [:]

    /// The parameters of `query` (a URL's query string, without `?`) then `body`.
    init(query: Substring?, body: [UInt8]) throws(SESV1Error) {
        if let query { try read(Array(query.utf8)) }
        try read(body)
    }

    subscript(name: String) -> String? { values[name] }

    private mutating func read(_ bytes: [UInt8]) throws(SESV1Error) {
        for pair in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let name = try Self.decode(pair[..<(equals ?? pair.endIndex)])
            let value =
                try equals.map { index throws(SESV1Error) in try Self.decode(pair[(index + 1)...]) } ?? ""
            guard !name.isEmpty else { continue }
            values[name] = value
        }
    }

    /// `bytes` percent-decoded (`+` is a space), as UTF-8 text. A `%` not
    /// followed by two hex digits, or bytes that are not UTF-8, are a
    /// `MalformedQueryString` (AWS-DG api-error-codes: "The query string
    /// contains a syntax error", 404).
    static func decode(_ bytes: ArraySlice<UInt8>) throws(SESV1Error) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "+"):
                output.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard index + 2 < bytes.endIndex,
                    let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else {
                    throw SESV1Error(
                        .malformedQueryString,
                        "The query string contains a syntax error: '%' must be followed by two hexadecimal digits."
                    )
                }
                output.append(high << 4 | low)
                index += 2
            default:
                output.append(byte)
            }
            index += 1
        }
        guard let text = String(validating: output, as: UTF8.self) else {
            throw SESV1Error(
                .malformedQueryString, "The query string contains a syntax error: it is not UTF-8.")
        }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
