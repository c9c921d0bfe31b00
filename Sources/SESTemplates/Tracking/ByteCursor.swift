/// Writes bytes forward into memory its user has sized for them (at most the
/// `maximum` given to `Array.append(maximum:_:)`).
struct ByteCursor {
    private let start: UnsafeMutablePointer<UInt8>
    private var end: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>) {
        self.start = start
        self.end = start
    }

    /// What has been written so far.
    var written: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: start, count: start.distance(to: end))
    }

    @inline(__always)
    mutating func write(_ byte: UInt8) {
        end.initialize(to: byte)
        end += 1
    }

    @inline(__always)
    mutating func write(_ text: StaticString) {
        write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        end.update(from: base, count: bytes.count)
        end += bytes.count
    }

    @inline(__always)
    mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    /// Writes the decimal digits of `value` (not negative): at most 19 bytes.
    mutating func writeDecimal(_ value: Int) {
        var divisor = 1
        while divisor <= value / 10 { divisor &*= 10 }
        while divisor > 0 {
            write(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / divisor % 10))
            divisor /= 10
        }
    }

    /// Lets `body` write at the current position; it returns how many bytes it wrote.
    @inline(__always)
    mutating func write(_ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        end += body(end)
    }
}

extension Array where Element == UInt8 {
    /// Appends what `body` writes with a cursor, at most `maximum` bytes, then hands
    /// the written bytes to `use` (they live until it returns). The bytes are written in
    /// temporary memory (on the stack when small) and appended in one copy.
    @inline(__always)
    mutating func append(
        maximum: Int, _ body: (inout ByteCursor) -> Void,
        then use: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximum) { buffer in
            var cursor = ByteCursor(buffer.baseAddress!)
            body(&cursor)
            append(contentsOf: cursor.written)
            use(cursor.written)
        }
    }
}
