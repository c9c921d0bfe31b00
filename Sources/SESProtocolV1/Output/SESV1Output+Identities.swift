import SESModel
import SimJSON

extension SESV1Output {
    /// The answers made from the account's identities: `ListIdentities`,
    /// `ListVerifiedEmailAddresses` and `GetIdentityVerificationAttributes`.
    static func identities(_ identities: [EmailIdentityInfo], _ presentation: SESV1Call.Presentation)
        -> JSONValue?
    {
        switch presentation {
        case .identities(let type, let offset, let size):
            let names = identities.filter { type == nil || $0.type == type }.map(\.name)
            let page = page(names, offset: offset, size: size)
            return list("Identities", page.items.map { .string($0) }, next: page.next)
        case .verifiedAddresses:
            return .object([
                "VerifiedEmailAddresses": .array(
                    identities.filter { $0.type == .emailAddress }.map { .string($0.name) })
            ])
        case .verificationAttributes(let asked):
            // Identities the account does not have are left out of the map.
            let known = Set(identities.map(\.name))
            var attributes: [String: JSONValue] = [:]
            for identity in asked where known.contains(identity.lowercased()) {
                let info = EmailIdentityInfo(name: identity)
                var members: [String: JSONValue] = ["VerificationStatus": .string("Success")]
                if info.type == .domain {
                    members["VerificationToken"] = .string(VerificationToken.token(forDomain: info.name))
                }
                attributes[identity] = .object(members)
            }
            return .object(["VerificationAttributes": .object(attributes)])
        default:
            return nil
        }
    }
}

/// The TXT record value `VerifyDomainIdentity` asks a domain to publish.
///
/// sesim verifies domains at once and checks no DNS, so the token only has
/// to look like SES's (44 characters of base64, 32 bytes) and be the same
/// for a domain on every run: it is a function of the lowercased name (an
/// FNV-1a hash spread by SplitMix64), not random.
public enum VerificationToken {
    /// The token of `domain`.
    public static func token(forDomain domain: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in domain.lowercased().utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for _ in 0..<4 {
            hash = hash &+ 0x9e37_79b9_7f4a_7c15
            var mixed = hash
            mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
            mixed ^= mixed >> 31
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(mixed >> UInt64(shift) & 0xFF))
            }
        }
        return base64(bytes)
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let triple =
                UInt32(bytes[index]) << 16 | (remaining > 1 ? UInt32(bytes[index + 1]) << 8 : 0)
                | (remaining > 2 ? UInt32(bytes[index + 2]) : 0)
            output.append(alphabet[Int(triple >> 18 & 63)])
            output.append(alphabet[Int(triple >> 12 & 63)])
            output.append(remaining > 1 ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            output.append(remaining > 2 ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
