/// What a publisher's record serialisation remembers between events: the
/// bytes of parts of the `mail` object that many messages share, so that
/// they are copied rather than written again.
///
/// Passed to ``EventRecordSerializer/append(_:to:cache:)``; the output is
/// the same bytes as without a cache.
struct RecordSerializationCache {
    /// The `tags` members (`{"name":["value"],…`, still open) by tags array.
    var tags = TagsFragmentCache()
    /// `,"source":…,"sourceArn":…,"sendingAccountId":…` for the last sender.
    var sender = SenderFieldsCache()
}
