/// Why ``SESV1Input`` refused an operation's parameters before they reached
/// the account: the v1 error SES answers with, and where the problem is.
public struct SESV1InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The error as SES answers it (`ValidationError`, `InvalidParameterValue`,
    /// `InvalidAction`).
    public var error: SESV1Error
    /// The first member the problem is at, named as boto3's parameters name
    /// it (`Destinations[0].Destination.ToAddresses`); empty when the problem
    /// is the call itself (an unknown operation).
    public var memberPath: String

    public init(_ error: SESV1Error, at memberPath: String = "") {
        self.error = error
        self.memberPath = memberPath
    }

    /// `memberPath: Code: message`.
    public var description: String {
        memberPath.isEmpty ? error.description : "\(memberPath): \(error.description)"
    }
}
