import Hummingbird

/// The credential scope of a request signed with AWS Signature Version 4:
/// `AKID/20260101/us-east-1/ses/aws4_request`, from the `Authorization`
/// header (`AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`)
/// or a presigned URL's `X-Amz-Credential`. sesim checks no signature: it
/// reads the Region, so that a client configured for another Region is
/// refused as SES would refuse it.
public struct CredentialScope: Sendable, Equatable {
    public var accessKeyId: String
    public var date: String
    public var region: String
    public var service: String

    /// The scope of `request`; nil for an unsigned request or one whose
    /// scope does not read as SigV4's five parts.
    public init?(request: Request) {
        if let authorization = request.headers[.authorization] {
            guard let credential = Self.credential(inAuthorization: authorization) else { return nil }
            self.init(credential: credential)
        } else if let credential = request.uri.queryParameters.get("X-Amz-Credential") {
            self.init(credential: credential)
        } else {
            return nil
        }
    }

    /// Reads `AKID/date/region/service/aws4_request`.
    public init?(credential: some StringProtocol) {
        let parts = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[4] == "aws4_request", !parts[2].isEmpty else { return nil }
        accessKeyId = String(parts[0])
        date = String(parts[1])
        region = String(parts[2])
        service = String(parts[3])
    }

    /// The `Credential=` value of an `AWS4-HMAC-SHA256` Authorization header.
    static func credential(inAuthorization header: String) -> Substring? {
        guard header.hasPrefix("AWS4-HMAC-SHA256") else { return nil }
        for part in header.dropFirst("AWS4-HMAC-SHA256".count).split(separator: ",") {
            let trimmed = part.drop { $0 == " " }
            if trimmed.hasPrefix("Credential=") { return trimmed.dropFirst("Credential=".count) }
        }
        return nil
    }
}
