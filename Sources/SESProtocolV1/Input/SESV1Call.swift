import SESModel

/// One v1 operation, decoded: the model's ``SESRequest`` to perform, and how
/// its answer is to be presented in the operation's own output shape (paging,
/// filters, which attributes to describe) — the parts of a v1 operation that
/// the model's request does not carry. ``SESV1Output`` turns the outcome of
/// performing ``request`` into the operation's answer.
public struct SESV1Call: Equatable, Sendable {
    /// The v1 operation's name (`ListIdentities`).
    public let operation: String
    /// What the account performs.
    public let request: SESRequest
    let presentation: Presentation

    init(operation: String, request: SESRequest, presentation: Presentation = .standard) {
        self.operation = operation
        self.request = request
        self.presentation = presentation
    }

    /// How an answer departs from the model's response alone.
    enum Presentation: Hashable, Sendable {
        /// The model's response, encoded as the operation's output.
        case standard
        /// A page of a list: items from `offset`, at most `size`.
        case page(offset: Int, size: Int)
        /// `ListIdentities`: identities of `type` (all when nil), paged.
        case identities(type: IdentityType?, offset: Int, size: Int)
        /// `ListVerifiedEmailAddresses`: the verified addresses.
        case verifiedAddresses
        /// `GetIdentityVerificationAttributes` for these identities.
        case verificationAttributes([String])
        /// `VerifyEmailIdentity`, `VerifyEmailAddress`: an identity that is
        /// already there is verified again (v1 declares no error).
        case verifyEmail
        /// `VerifyDomainIdentity`: as ``verifyEmail``, answering the domain's token.
        case verifyDomain(String)
        /// `DeleteIdentity`, `DeleteVerifiedEmailAddress`, `DeleteTemplate`:
        /// deleting what is not there succeeds (v1 declares no error; SES
        /// answers 200 for a template that does not exist, boto/boto3#3140).
        case deletion
        /// `DescribeConfigurationSet` with the attributes asked for.
        case configurationSet(attributes: Set<String>)
    }
}
