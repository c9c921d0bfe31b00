import CJSONEscaping
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The JSON escaping kernel: its wide (SSE2) path and its byte-at-a-time
/// path write exactly RFC 8259's escaping, stay inside the room they are
/// given, and never read past their input. Lengths cover every path of the
/// wide one: under 4, 4–7 and 8–15 (overlapping words), whole blocks of 16,
/// and a partial last block of every length.
@Suite("JSON escaping kernel")
struct EscapeKernelTests {
    /// `bytes` escaped one byte at a time, as RFC 8259 §7 says: the reference.
    static func referenceEscaped(_ bytes: [UInt8]) -> [UInt8] {
        let hex = Array("0123456789abcdef".utf8)
        var escaped: [UInt8] = []
        for byte in bytes {
            switch byte {
            case 0x22, 0x5C: escaped += [0x5C, byte]
            case 0x08: escaped += Array("\\b".utf8)
            case 0x0C: escaped += Array("\\f".utf8)
            case 0x0A: escaped += Array("\\n".utf8)
            case 0x0D: escaped += Array("\\r".utf8)
            case 0x09: escaped += Array("\\t".utf8)
            case 0..<0x20: escaped += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: escaped.append(byte)
            }
        }
        return escaped
    }

    /// The sentinel written after the kernel's room, to catch a store past it.
    static let sentinel: UInt8 = 0xA5

    /// The kernels: the wide one callers use and the byte-at-a-time one
    /// (which targets without SSE2 use).
    enum Kernel: String, CaseIterable, CustomTestStringConvertible {
        case wide, bytewise

        var testDescription: String { rawValue }

        func escape(_ source: UnsafePointer<UInt8>?, _ count: Int, _ target: UnsafeMutablePointer<UInt8>?)
            -> Int
        {
            switch self {
            case .wide: cjson_escape(source, count, target)
            case .bytewise: cjson_escape_bytewise(source, count, target)
            }
        }
    }

    /// `bytes` escaped by `kernel`, which must not write past its room.
    static func escaped(_ bytes: [UInt8], by kernel: Kernel) -> [UInt8] {
        let room = cjson_escape_capacity(bytes.count)
        var target = [UInt8](repeating: sentinel, count: room + 32)
        let written = bytes.withUnsafeBufferPointer { source in
            target.withUnsafeMutableBufferPointer {
                kernel.escape(source.baseAddress, bytes.count, $0.baseAddress)
            }
        }
        #expect(target[room...].allSatisfy { $0 == sentinel }, "wrote past its room for \(bytes.count) bytes")
        return Array(target[..<written])
    }

    /// A deterministic byte stream (SplitMix64).
    struct Bytes {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    /// Bytes that escape differently, and plain ones on either side of them.
    static let specials: [UInt8] = [
        0x22, 0x5C, 0x08, 0x0C, 0x0A, 0x0D, 0x09, 0x00, 0x01, 0x1F, 0x20, 0x7F, 0x80, 0xC3, 0xFF,
    ]

    /// Texts of every length 0…130, with special bytes from none to most.
    static func randomTexts() -> [[UInt8]] {
        var stream = Bytes(state: 2026)
        var texts: [[UInt8]] = []
        for round in 0..<60 {
            for length in 0...130 {
                let density = UInt64(round % 8)  // eighths of the bytes that are special
                texts.append(
                    (0..<length).map { _ in
                        let draw = stream.next()
                        return draw % 8 < density
                            ? specials[Int(draw >> 8 % UInt64(specials.count))]
                            : UInt8(ascii: "a") + UInt8(draw >> 16 % 26)
                    })
            }
        }
        return texts
    }

    @Test(arguments: Kernel.allCases)
    func randomTextEscapesAsTheReferenceDoes(kernel: Kernel) {
        for text in Self.randomTexts() {
            #expect(Self.escaped(text, by: kernel) == Self.referenceEscaped(text), "\(text)")
        }
    }

    @Test(arguments: Kernel.allCases)
    func everySpecialByteAtEveryPositionOfABlockEscapesAsTheReferenceDoes(kernel: Kernel) {
        for length in [15, 16, 17, 23, 24, 25, 31, 32, 33, 47, 48] {
            let plain = Array(repeating: UInt8(ascii: "x"), count: length)
            for position in 0..<length {
                for special in Self.specials {
                    var text = plain
                    text[position] = special
                    #expect(
                        Self.escaped(text, by: kernel) == Self.referenceEscaped(text),
                        "\(special) at \(position) of \(length)")
                }
            }
        }
    }

    @Test(arguments: Kernel.allCases)
    func everyByteValueEscapesAsTheReferenceDoes(kernel: Kernel) {
        let all = (0...255).map { UInt8($0) }
        #expect(Self.escaped(all, by: kernel) == Self.referenceEscaped(all))
        #expect(Self.escaped(all.reversed(), by: kernel) == Self.referenceEscaped(all.reversed()))
    }

    /// Text that ends on a page boundary, before a page that may not be read:
    /// a read past the text's end would crash the test.
    @Test(arguments: Kernel.allCases)
    func neverReadsPastItsInput(kernel: Kernel) throws {
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let mapping = try #require(
            mmap(nil, 2 * pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        #expect(mapping != MAP_FAILED)
        defer { munmap(mapping, 2 * pageSize) }
        #expect(mprotect(mapping + pageSize, pageSize, PROT_NONE) == 0)
        let pageEnd = mapping.assumingMemoryBound(to: UInt8.self) + pageSize
        var stream = Bytes(state: 7)
        for length in 0...64 {
            for quoted in [false, true] {
                let text: [UInt8] = (0..<length).map { index in
                    quoted && stream.next() % 3 == 0 ? 0x22 : UInt8(ascii: "a") + UInt8(index % 26)
                }
                let source = pageEnd - length
                for (index, byte) in text.enumerated() { source[index] = byte }
                var target = [UInt8](repeating: 0, count: cjson_escape_capacity(length))
                let written = target.withUnsafeMutableBufferPointer {
                    kernel.escape(source, length, $0.baseAddress)
                }
                #expect(Array(target[..<written]) == Self.referenceEscaped(text), "length \(length)")
            }
        }
    }
}
