/// What open and click tracking needs for one message: which events the
/// configuration set publishes, where the redirects point and what makes them unique.
public struct TrackingOptions: Sendable, Equatable {
    /// The message's SES message ID, part of every pixel and redirect.
    public var messageID: String
    /// The Region, for the default tracking domain `r.<region>.awstrack.me`.
    public var region: String
    /// The configuration set's `TrackingOptions.CustomRedirectDomain`, if any.
    public var customRedirectDomain: String?
    /// Insert the open pixel (the configuration set publishes Open events).
    public var tracksOpens: Bool
    /// Rewrite links (the configuration set publishes Click events).
    public var tracksClicks: Bool
    /// Seeds the redirects' signatures, so that runs with the same seed give the same
    /// bytes and different messages get different links.
    public var seed: UInt64

    public init(
        messageID: String, region: String, customRedirectDomain: String? = nil, tracksOpens: Bool = true,
        tracksClicks: Bool = true, seed: UInt64 = 0
    ) {
        self.messageID = messageID
        self.region = region
        self.customRedirectDomain = customRedirectDomain
        self.tracksOpens = tracksOpens
        self.tracksClicks = tracksClicks
        self.seed = seed
    }

    /// The host of pixels and redirects: the custom redirect domain, else
    /// `r.<region>.awstrack.me`.
    public var trackingDomain: String { customRedirectDomain ?? "r.\(region).awstrack.me" }

    /// Appends `trackingDomain` to `output` without building it.
    func appendTrackingDomain(to output: inout [UInt8]) {
        if let customRedirectDomain {
            output.append(contentsOf: customRedirectDomain.utf8)
        } else {
            output.appendASCII("r.")
            output.append(contentsOf: region.utf8)
            output.appendASCII(".awstrack.me")
        }
    }

    /// Opens on a custom domain are HTTP only (AWS-DG configure-custom-open-click-domains).
    var pixelScheme: StaticString { customRedirectDomain == nil ? "https" : "http" }
}
