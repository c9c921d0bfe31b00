/// The texts of SES's error messages, in one place so that each one's source
/// is documented once (docs/ses-api.md). Texts marked "observed" were seen in
/// real SES responses; the others follow the API reference's wording.
public enum SESErrorMessages {
    /// Observed: `Maximum sending rate exceeded.`
    public static let maximumSendingRateExceeded = "Maximum sending rate exceeded."
    /// Observed (SMTP 454 and API): `Daily message quota exceeded.`
    public static let dailyMessageQuotaExceeded = "Daily message quota exceeded."
    /// Generic AWS throttling of control-plane actions (once per second).
    public static let rateExceeded = "Rate exceeded"
    /// Observed: `Recipient count exceeds 50.`
    public static let recipientCountExceeds50 = "Recipient count exceeds 50."
    /// Assumed wording; SES documents the limit of 50 destinations per call.
    public static let tooManyDestinations =
        "Too many destinations: SendBulkTemplatedEmail accepts at most 50 destinations per call."
    /// Assumed wording for a destination with no To, Cc or Bcc address.
    public static let noRecipients = "Missing required parameter: the destination has no recipients."
    /// Assumed wording for an empty Destinations list.
    public static let noDestinations =
        "Missing required parameter: Destinations must contain at least one destination."
    /// Assumed wording for a missing Source.
    public static let missingSource = "Missing required parameter: Source."

    /// Observed: `Configuration set <name> does not exist.`
    public static func configurationSetDoesNotExist(_ name: String) -> String {
        "Configuration set <\(name)> does not exist."
    }

    /// Follows `Configuration set <name> does not exist.`
    public static func configurationSetAlreadyExists(_ name: String) -> String {
        "Configuration set <\(name)> already exists."
    }

    /// Observed: `Template foobar does not exist.`
    public static func templateDoesNotExist(_ name: String) -> String {
        "Template \(name) does not exist."
    }

    /// Observed: `Invalid tag name <x>: only alphanumeric ASCII characters, '_', and '-' are allowed.`
    public static func invalidTagName(_ name: String) -> String {
        "Invalid tag name <\(name)>: only alphanumeric ASCII characters, '_', and '-' are allowed."
    }

    /// Observed: `Invalid tag value <x>: only alphanumeric ASCII characters, '_', and '-' are allowed.`
    public static func invalidTagValue(_ value: String) -> String {
        "Invalid tag value <\(value)>: only alphanumeric ASCII characters, '_', and '-' are allowed."
    }

    /// Assumed wording for the documented 256-character limit.
    public static func tagNameTooLong(_ name: String) -> String {
        "Invalid tag name <\(name)>: the name must be 256 characters or fewer."
    }

    /// Assumed wording for the documented 256-character limit.
    public static func tagValueTooLong(_ value: String) -> String {
        "Invalid tag value <\(value)>: the value must be 256 characters or fewer."
    }

    /// Observed: `Email address is not verified. The following identities
    /// failed the check in region US-EAST-1: a, b` (the region in capitals).
    public static func notVerified(region: String, identities: [String]) -> String {
        "Email address is not verified. The following identities failed the check in region "
            + "\(region.uppercased()): \(identities.joined(separator: ", "))"
    }

    /// The API reference's description of MailFromDomainNotVerified.
    public static let mailFromDomainNotVerified =
        "The message couldn't be sent because Amazon SES could not read the MX record required to use "
        + "the specified MAIL FROM domain."

    /// The API reference's description of AccountSendingPausedException.
    public static let accountSendingPaused = "Email sending is disabled for your entire Amazon SES account."

    /// The API reference's description of ConfigurationSetSendingPausedException, with the set's name.
    public static func configurationSetSendingPaused(_ name: String) -> String {
        "Email sending is disabled for the configuration set <\(name)>."
    }

    /// Observed when SES has paused an account: the text its senders see.
    public static let accountSuspended =
        "Sending paused for this account. For more information, please check the inbox of the email "
        + "address associated with your AWS account."

    /// Assumed wording, after CloudFormation's observed `SendingPool <pool1> doesn't exist`.
    public static func sendingPoolDoesNotExist(_ name: String) -> String {
        "SendingPool <\(name)> doesn't exist."
    }

    // MARK: Raw messages (docs/raw-email.md)

    /// Observed (v1 `SendRawEmail` through boto3, `InvalidParameterValue`):
    /// `Message length is more than 10485760 bytes long: '24081986'.` The
    /// v2 and SMTP limit, 41943040, is put in the same words (assumed).
    public static func messageTooLong(limit: Int, size: Int) -> String {
        "Message length is more than \(limit) bytes long: '\(size)'."
    }

    /// Verified against SES by a third-party emulator (floci): a raw
    /// message with neither a Source nor a From header.
    public static let missingFromHeader = "Missing required header 'From'."

    /// Observed over SMTP: `554 Transaction failed: Duplicate header
    /// 'DKIM-Signature'.` and `… 'Content-Type'.`
    public static func duplicateHeader(_ name: String) -> String {
        "Duplicate header '\(name)'."
    }

    /// Assumed, in the words of SES's observed refusal of an attachment type,
    /// `Illegal content type 'text/csv'` (2011, before the list of blocked
    /// extensions replaced content types).
    public static func illegalFilename(_ name: String) -> String {
        "Illegal filename '\(name)'"
    }

    /// Assumed wording: a raw message with no Destinations and no To, Cc or
    /// Bcc address (the Developer Guide lists the case as "There are no
    /// recipients specified").
    public static let noRawRecipients = "There are no recipients specified."
}
