import SESEvents

/// The recipients of one message: To, Cc and Bcc addresses.
public struct Destination: Hashable, Sendable {
    public var toAddresses: [String]
    public var ccAddresses: [String]
    public var bccAddresses: [String]

    public init(toAddresses: [String] = [], ccAddresses: [String] = [], bccAddresses: [String] = []) {
        self.toAddresses = toAddresses
        self.ccAddresses = ccAddresses
        self.bccAddresses = bccAddresses
    }

    /// Every recipient, To then Cc then Bcc.
    public var allAddresses: [String] { toAddresses + ccAddresses + bccAddresses }

    /// The most recipients one message may have (To, Cc and Bcc together).
    public static let maximumRecipients = 50

    /// The number of recipients (SES's quota unit).
    public var recipientCount: Int { toAddresses.count + ccAddresses.count + bccAddresses.count }
}

/// The API that sent a message; published as the `ses:operation` auto-tag.
public enum SendOperation: String, Hashable, Sendable, CaseIterable {
    case sendEmail = "SendEmail"
    case sendTemplatedEmail = "SendTemplatedEmail"
    case sendBulkTemplatedEmail = "SendBulkTemplatedEmail"
    case sendRawEmail = "SendRawEmail"
}

/// A message's content given whole (SendEmail's `Message`).
public struct SimpleContent: Hashable, Sendable {
    public var subject: String
    public var text: String?
    public var html: String?

    public init(subject: String, text: String? = nil, html: String? = nil) {
        self.subject = subject
        self.text = text
        self.html = html
    }
}

/// `SendEmail`.
public struct SendEmailRequest: Hashable, Sendable {
    public var source: String
    public var destination: Destination
    public var message: SimpleContent
    public var configurationSetName: String?
    public var tags: [NameValue]

    public init(
        source: String, destination: Destination, message: SimpleContent, configurationSetName: String? = nil,
        tags: [NameValue] = []
    ) {
        self.source = source
        self.destination = destination
        self.message = message
        self.configurationSetName = configurationSetName
        self.tags = tags
    }
}

/// `SendTemplatedEmail`.
public struct SendTemplatedEmailRequest: Hashable, Sendable {
    public var source: String
    public var destination: Destination
    public var template: String
    /// The template data, a JSON object as text.
    public var templateData: String
    public var configurationSetName: String?
    public var tags: [NameValue]

    public init(
        source: String, destination: Destination, template: String, templateData: String,
        configurationSetName: String? = nil, tags: [NameValue] = []
    ) {
        self.source = source
        self.destination = destination
        self.template = template
        self.templateData = templateData
        self.configurationSetName = configurationSetName
        self.tags = tags
    }
}

/// One destination of a `SendBulkTemplatedEmail` call.
public struct BulkEmailDestination: Hashable, Sendable {
    public var destination: Destination
    /// Tags for this destination's message; they replace default tags of the same name.
    public var replacementTags: [NameValue]
    /// Template data merged over the call's default data; nil means the defaults alone.
    public var replacementTemplateData: String?

    public init(
        destination: Destination, replacementTags: [NameValue] = [], replacementTemplateData: String? = nil
    ) {
        self.destination = destination
        self.replacementTags = replacementTags
        self.replacementTemplateData = replacementTemplateData
    }
}

/// `SendBulkTemplatedEmail`.
public struct SendBulkTemplatedEmailRequest: Hashable, Sendable {
    public var source: String
    public var template: String
    public var defaultTemplateData: String?
    public var defaultTags: [NameValue]
    public var destinations: [BulkEmailDestination]
    public var configurationSetName: String?

    public init(
        source: String, template: String, defaultTemplateData: String? = nil, defaultTags: [NameValue] = [],
        destinations: [BulkEmailDestination], configurationSetName: String? = nil
    ) {
        self.source = source
        self.template = template
        self.defaultTemplateData = defaultTemplateData
        self.defaultTags = defaultTags
        self.destinations = destinations
        self.configurationSetName = configurationSetName
    }

    /// The most destinations one call may carry.
    public static let maximumDestinations = 50
}
