/// handlebars.js's `escapeExpression`: `& < > " ' \` =` become entities.
enum HTMLEscaping {
    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
            UInt8(ascii: "`"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// Appends `bytes`, escaped.
    static func append(_ bytes: some Collection<UInt8>, to output: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#x27;".utf8)
            case UInt8(ascii: "`"): output.append(contentsOf: "&#x60;".utf8)
            case UInt8(ascii: "="): output.append(contentsOf: "&#x3D;".utf8)
            default: output.append(byte)
            }
        }
    }
}
