/// Numbers in template data print as `JSON.parse` followed by JavaScript's
/// `Number.prototype.toString` print them (the Handlebars behaviour SES follows:
/// `3`, `2.5`, `1e+21`, `1e-7`; `3.0` prints `3`). Most numbers in data are already
/// in that form and are copied as written; the rest go through `Double`.
enum JavaScriptNumberText {
    /// Appends the printed form of a JSON number literal.
    static func append(_ literal: ArraySlice<UInt8>, to output: inout [UInt8]) {
        if isCanonical(literal) {
            output.append(contentsOf: literal)
        } else {
            appendSlow(literal, to: &output)
        }
    }

    /// Whether a JSON number literal is its own JavaScript printed form: no exponent,
    /// at most 15 significant digits (so the double's shortest form has the same
    /// digits), no trailing fraction zero, not negative zero, and not below 1e-6.
    static func isCanonical(_ literal: ArraySlice<UInt8>) -> Bool {
        var digits = 0
        var sawPoint = false
        var last: UInt8 = 0
        var leadingFractionZeros = 0
        var integerIsZero = false
        var index = literal.startIndex
        if index < literal.endIndex && literal[index] == UInt8(ascii: "-") { index += 1 }
        if index < literal.endIndex && literal[index] == UInt8(ascii: "0") { integerIsZero = true }
        var allZero = true
        var fractionSeenNonZero = false
        while index < literal.endIndex {
            let c = literal[index]
            if c == UInt8(ascii: ".") {
                sawPoint = true
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                digits += 1
                if c != UInt8(ascii: "0") { allZero = false }
                if sawPoint && !fractionSeenNonZero {
                    if c == UInt8(ascii: "0") {
                        leadingFractionZeros += 1
                    } else {
                        fractionSeenNonZero = true
                    }
                }
            } else {
                return false  // an exponent
            }
            last = c
            index += 1
        }
        if allZero { return literal.count == 1 }  // "0" only; "-0", "0.0" print "0"
        if digits > 15 { return false }
        if sawPoint && last == UInt8(ascii: "0") { return false }
        if integerIsZero && leadingFractionZeros >= 6 { return false }
        return true
    }

    /// Whether the number is zero (falsy in `#if`).
    static func isZero(_ literal: ArraySlice<UInt8>) -> Bool {
        for c in literal {
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") { return true }
            if c >= UInt8(ascii: "1") && c <= UInt8(ascii: "9") { return false }
        }
        return true
    }

    private static func appendSlow(_ literal: ArraySlice<UInt8>, to output: inout [UInt8]) {
        let value = Double(String(decoding: literal, as: UTF8.self)) ?? 0
        appendNumber(value, to: &output)
    }

    /// ECMAScript Number::toString(10) of a double.
    static func appendNumber(_ value: Double, to output: inout [UInt8]) {
        if value.isNaN {
            output.append(contentsOf: "NaN".utf8)
            return
        }
        if value.isInfinite {
            output.append(contentsOf: (value < 0 ? "-Infinity" : "Infinity").utf8)
            return
        }
        if value == 0 {
            output.append(UInt8(ascii: "0"))
            return
        }
        // Swift's description is the shortest round-tripping decimal: take its digits
        // and decimal exponent, then lay them out as ECMAScript does.
        var digits: [UInt8] = []
        var pointPosition = 0
        var exponent = 0
        var sawPoint = false
        var text = Array(value.magnitude.description.utf8)
        if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") }) {
            exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
            text = Array(text[..<e])
        }
        for c in text {
            if c == UInt8(ascii: ".") {
                sawPoint = true
            } else {
                digits.append(c)
                if !sawPoint { pointPosition += 1 }
            }
        }
        while digits.first == UInt8(ascii: "0") {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let k = digits.count
        let n = pointPosition + exponent
        if value < 0 { output.append(UInt8(ascii: "-")) }
        if k <= n && n <= 21 {
            output.append(contentsOf: digits)
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: n - k))
        } else if 0 < n && n <= 21 {
            output.append(contentsOf: digits[..<n])
            output.append(UInt8(ascii: "."))
            output.append(contentsOf: digits[n...])
        } else if -6 < n && n <= 0 {
            output.append(contentsOf: "0.".utf8)
            output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -n))
            output.append(contentsOf: digits)
        } else {
            output.append(digits[0])
            if k > 1 {
                output.append(UInt8(ascii: "."))
                output.append(contentsOf: digits[1...])
            }
            output.append(UInt8(ascii: "e"))
            output.append(UInt8(ascii: n - 1 < 0 ? "-" : "+"))
            output.append(contentsOf: String((n - 1).magnitude).utf8)
        }
    }
}
