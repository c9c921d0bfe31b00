/// How an account is set up before a run starts: where it is, who it is, and
/// its sending limits.
public struct AccountSettings: Hashable, Sendable {
    /// The AWS Region, e.g. `us-east-1`; quotas and identities are per Region.
    public var region: String
    /// The 12-digit account ID published in records (`sendingAccountId`).
    public var accountId: String
    /// Whether the account is in the sandbox: 200 messages a day, one a
    /// second, and only verified or simulator recipients.
    public var sandbox: Bool
    /// `Max24HourSend`; nil means the default for the sandbox flag, -1 unlimited.
    public var maximum24HourSend: Double?
    /// `MaxSendRate`, messages per second; nil means the default for the sandbox flag.
    public var maximumSendRate: Double?
    /// How many seconds of tokens the send-rate bucket holds (sesim's model
    /// of SES's "short bursts"; see ``TokenBucket``).
    public var burstSeconds: Double
    /// The verified identities: addresses and domains.
    public var identities: [String]
    /// The IAM identity published as the `ses:caller-identity` auto-tag.
    public var callerIdentity: String
    /// The IP the client calls from (`ses:source-ip`).
    public var sourceIp: String
    /// The TLS version the client uses (`ses:source-tls-version`).
    public var sourceTLSVersion: String
    /// Names of the account's dedicated IP pools (besides SES's built-in ones).
    public var dedicatedIpPools: [String]
    /// Identities whose custom MAIL FROM domain failed verification with the
    /// MX-failure behaviour "reject message": sends from them fail with
    /// `MailFromDomainNotVerified`.
    public var identitiesWithFailedMailFromDomain: [String]
    /// The account-level suppression list as the run starts.
    public var suppressionList = SuppressionList()
    /// Whether every sender is accepted as if its identity were verified,
    /// and then listed as a verified email address identity (for
    /// `sesim serve`'s default account: an app can send from any address
    /// without setting identities up first). Off in SES itself.
    public var autoVerifySenders = false
    /// Calls per second allowed for each control-plane action (everything
    /// but the sending calls); SES allows one ("no more than once per
    /// second", AWS-DG quotas). Nil means no limit.
    public var controlPlaneRate: Double? = 1

    /// SES's sandbox quota: 200 messages per 24 hours (AWS-DG quotas).
    public static let sandboxMaximum24HourSend = 200.0
    /// SES's sandbox rate: one message per second (AWS-DG quotas).
    public static let sandboxMaximumSendRate = 1.0
    /// The commonly reported starting production quota, 50,000 a day
    /// (third-party reports; AWS says it "varies based on your use case").
    public static let productionMaximum24HourSend = 50_000.0
    /// The commonly reported starting production rate, 14 a second (third-party reports).
    public static let productionMaximumSendRate = 14.0

    /// The pools every account has: SES's default dedicated pool and the shared pool.
    public static let builtInPools = ["ses-default-dedicated-pool", "ses-shared-pool"]

    public init(
        region: String = "us-east-1", accountId: String = "123456789012", sandbox: Bool = false,
        maximum24HourSend: Double? = nil, maximumSendRate: Double? = nil, burstSeconds: Double = 1,
        identities: [String] = [], callerIdentity: String = "sesim", sourceIp: String = "192.0.2.10",
        sourceTLSVersion: String = "TLSv1.3", dedicatedIpPools: [String] = [],
        identitiesWithFailedMailFromDomain: [String] = []
    ) {
        self.region = region
        self.accountId = accountId
        self.sandbox = sandbox
        self.maximum24HourSend = maximum24HourSend
        self.maximumSendRate = maximumSendRate
        self.burstSeconds = burstSeconds
        self.identities = identities
        self.callerIdentity = callerIdentity
        self.sourceIp = sourceIp
        self.sourceTLSVersion = sourceTLSVersion
        self.dedicatedIpPools = dedicatedIpPools
        self.identitiesWithFailedMailFromDomain = identitiesWithFailedMailFromDomain
    }

    /// The daily quota in force: the setting, or the default for the sandbox flag.
    public var effectiveMaximum24HourSend: Double {
        maximum24HourSend ?? (sandbox ? Self.sandboxMaximum24HourSend : Self.productionMaximum24HourSend)
    }

    /// The send rate in force: the setting, or the default for the sandbox flag.
    public var effectiveMaximumSendRate: Double {
        maximumSendRate ?? (sandbox ? Self.sandboxMaximumSendRate : Self.productionMaximumSendRate)
    }
}
