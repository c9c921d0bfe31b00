import SESEvents

/// The last message's published tags (its own tags, then SES's auto-tags)
/// with what they were built from. Consecutive messages of a campaign have
/// the same inputs and so share one array, rather than each building and
/// keeping its own.
struct PublishedTagsCache: Sendable {
    var tags: [NameValue]
    var configurationSet: Int?
    var fromDomain: String
    var operation: SendOperation
    var published: [NameValue]

    /// Whether `message` would publish the same tags.
    func matches(_ message: AcceptedMessage) -> Bool {
        configurationSet == message.configurationSet && operation == message.operation
            && fromDomain == message.fromDomain && tags == message.tags
    }
}
