/// The fuzzer's mutations: byte flips, truncations, boundary damage, header
/// folding damage, huge headers, deep nesting and splices.
enum Mutator {
    /// Bytes that matter to a MIME reader, preferred over arbitrary ones.
    static let interesting: [UInt8] =
        Array("-\r\n:=?\"<>();, \t@[]\\*'%_".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xFF]

    static func apply(_ bytes: inout [UInt8], seeds: [[UInt8]], random: inout SplitMix64) {
        switch random.next(below: 100) {
        case 0..<30: flip(&bytes, &random)
        case 30..<40: truncate(&bytes, &random)
        case 40..<62: damageBoundary(&bytes, &random)
        case 62..<82: damageFolding(&bytes, &random)
        case 82..<85: hugeHeader(&bytes, &random)
        case 85..<88: nest(&bytes, &random)
        default: splice(&bytes, seeds: seeds, &random)
        }
    }

    static func position(_ bytes: [UInt8], _ random: inout SplitMix64) -> Int {
        bytes.isEmpty ? 0 : Int(random.next(below: UInt64(bytes.count)))
    }

    static func flip(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        guard !bytes.isEmpty else { return }
        let byte =
            random.chance(3, in: 4)
            ? interesting[Int(random.next(below: UInt64(interesting.count)))]
            : UInt8(truncatingIfNeeded: random.next())
        bytes[position(bytes, &random)] = byte
    }

    static func truncate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        bytes.removeSubrange(position(bytes, &random)...)
    }

    /// The starts of lines beginning with `--`.
    static func delimiterLines(_ bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            var starts: [Int] = []
            var index = 0
            let count = buffer.count
            while index < count {
                if index + 1 < count && buffer[index] == 0x2D && buffer[index + 1] == 0x2D {
                    starts.append(index)
                }
                while index < count && buffer[index] != 0x0A { index += 1 }
                index += 1
            }
            return starts
        }
    }

    static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
    }

    static func damageBoundary(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let lines = delimiterLines(bytes)
        guard !lines.isEmpty else { return flip(&bytes, &random) }
        let start = lines[Int(random.next(below: UInt64(lines.count)))]
        let end = lineEnd(bytes, from: start)
        let line = Array(bytes[start..<end])
        switch random.next(below: 6) {
        case 0: bytes.removeSubrange(start..<end)
        case 1: bytes.insert(contentsOf: line, at: position(bytes, &random))
        case 2: bytes.insert(contentsOf: Array("--".utf8), at: max(start, end - 2))
        case 3:
            if line.count > 3 { bytes[start + 2 + Int(random.next(below: UInt64(line.count - 3)))] ^= 0x01 }
        case 4: bytes.insert(contentsOf: Array(" \t".utf8), at: max(start, end - 2))
        default:
            // The same delimiter, repeated: many empty parts.
            let copies = Array(repeating: line, count: 1 + Int(random.next(below: 50))).flatMap { $0 }
            bytes.insert(contentsOf: copies, at: end)
        }
    }

    static func headerEnd(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A && (bytes[index + 1] == 0x0A || bytes[index + 1] == 0x0D) { return index }
            index += 1
        }
        return bytes.count
    }

    static func damageFolding(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let end = headerEnd(bytes)
        let at = end == 0 ? 0 : Int(random.next(below: UInt64(end)))
        switch random.next(below: 5) {
        case 0: bytes.insert(contentsOf: Array("\r\n ".utf8), at: at)
        case 1: bytes.insert(contentsOf: Array("\n\t".utf8), at: at)
        case 2: bytes.insert(0x0D, at: at)
        case 3: bytes.insert(contentsOf: Array("\r\n\r\n".utf8), at: at)
        default:
            if let lineBreak = bytes[at..<end].firstIndex(of: 0x0A) { bytes.remove(at: lineBreak) }
        }
    }

    static func hugeHeader(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let patterns = [
            "Subject: ", "=?utf-8?q?", "To: ", "a@b.c, ", "To: ", "((((", "Content-Type: multipart/mixed",
            "; a*0*=x%", "X-Long: ", "x", "X-Folded: a", "\r\n b", "From: ", "\"<\\", "To: ", "G: ",
            "Content-Disposition: attachment", "; filename*9=z", "Subject: ", "=?utf-8?b?QQ",
        ]
        let pick = Int(random.next(below: UInt64(patterns.count / 2))) * 2
        let size = random.chance(1, in: 50) ? 262_144 : 1_024 + Int(random.next(below: 32_768))
        let unit = Array(patterns[pick + 1].utf8)
        var header = Array(patterns[pick].utf8)
        header.reserveCapacity(size + 2)
        while header.count < size { header.append(contentsOf: unit) }
        header.append(contentsOf: Array("\r\n".utf8))
        bytes.insert(contentsOf: header, at: 0)
    }

    static func nest(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let depth = 1 + Int(random.next(below: 200))
        var prefix: [UInt8] = []
        var suffix: [UInt8] = []
        for level in 0..<depth {
            prefix.append(
                contentsOf: Array(
                    "Content-Type: multipart/mixed; boundary=\"n\(level)\"\r\n\r\n--n\(level)\r\n".utf8))
            if random.chance(1, in: 2) {
                suffix.insert(contentsOf: Array("\r\n--n\(level)--\r\n".utf8), at: 0)
            }
        }
        bytes = prefix + bytes + suffix
    }

    static func splice(_ bytes: inout [UInt8], seeds: [[UInt8]], _ random: inout SplitMix64) {
        let other = seeds[Int(random.next(below: UInt64(seeds.count)))]
        guard !other.isEmpty else { return }
        let start = position(other, &random)
        let length = min(other.count - start, 1 + Int(random.next(below: 512)))
        bytes.insert(contentsOf: other[start..<(start + length)], at: position(bytes, &random))
    }
}
