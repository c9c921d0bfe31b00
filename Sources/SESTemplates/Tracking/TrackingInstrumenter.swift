/// Open and click tracking as SES applies it to a rendered HTML part: the open pixel
/// at the first `{{ses:openTracker}}` or else at the end of the HTML; each
/// `<a href="http…">` rewritten to a redirect on the tracking domain; `ses:no-track`
/// links left alone; `ses:tags` parsed into link tags; both attributes stripped; at
/// most 250 links tracked. The text part is never touched. The output is a pure
/// function of the input and the options.
///
/// Works on bytes: plain HTML is copied in runs between `<` found with `memchr`,
/// anchors are parsed as byte ranges, redirects, signatures and the pixel are written
/// straight into the output. A reused instrumenter, output and `TrackedLinks`
/// allocate nothing per message once their buffers have grown.
public struct TrackingInstrumenter: Sendable {
    /// SES tracks at most 250 links per email (AWS-DG faqs-metrics).
    public static let maximumTrackedLinks = 250

    private static let placeholder: StaticString = "{{ses:openTracker}}"

    /// The current anchor's attributes.
    private var attributes: [AnchorAttribute] = []
    /// `://` and the tracking domain, for the message being instrumented.
    private var host: [UInt8] = []
    /// The message ID's bytes.
    private var messageID: [UInt8] = []
    /// The signature hash state after the seed and message ID.
    private var messageState: UInt64 = 0

    public init() {}

    /// Writes the instrumented HTML into `output` (emptied first) and the tracked links
    /// into `links` (emptied first).
    public mutating func instrument(
        html: [UInt8], options: TrackingOptions, into output: inout [UInt8], links: inout TrackedLinks
    ) {
        output.removeAll(keepingCapacity: true)
        links.removeAll()
        output.reserveCapacity(html.count + 256)
        prepare(options)
        html.withUnsafeBufferPointer { html in
            let none = html.count
            var copied = 0  // bytes before this are in the output
            var scan = 0  // where to look for the next `<a`
            var placeholder = Self.placeholder(in: html, from: 0)
            var pixelPlaced = false
            while true {
                let open = Self.anchorCandidate(in: html, from: scan)
                if placeholder < open {
                    output.append(html, copied..<placeholder)
                    if options.tracksOpens { appendPixel(options, to: &output) }
                    pixelPlaced = true
                    copied = placeholder + Self.placeholder.utf8CodeUnitCount
                    scan = copied
                    placeholder = none
                    continue
                }
                guard open < none else { break }
                guard let end = Self.anchorEnd(html, at: open) else {
                    scan = open + 1
                    continue
                }
                output.append(html, copied..<open)
                rewriteAnchor(html, open..<end, options: options, into: &output, links: &links)
                copied = end
                scan = end
                // A placeholder inside the anchor tag is not one: look again after it.
                if placeholder < end { placeholder = Self.placeholder(in: html, from: end) }
            }
            output.append(html, copied..<none)
            if options.tracksOpens && !pixelPlaced { appendPixel(options, to: &output) }
        }
    }

    /// Keeps the message's host, ID and signature state for its links and pixel.
    private mutating func prepare(_ options: TrackingOptions) {
        host.removeAll(keepingCapacity: true)
        host.appendASCII("://")
        options.appendTrackingDomain(to: &host)
        messageID.removeAll(keepingCapacity: true)
        messageID.append(contentsOf: options.messageID.utf8)
        messageState = messageID.withUnsafeBufferPointer {
            TrackingSignature.messageState(seed: options.seed, messageID: $0)
        }
    }

    /// The first `{{ses:openTracker}}` at or after `start`, or `html.count`.
    private static func placeholder(in html: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while true {
            index = html.position(of: UInt8(ascii: "{"), from: index)
            if index == html.count || html.hasBytes(placeholder, at: index) { return index }
            index += 1
        }
    }

    /// The first `<a` or `<A` at or after `start` with a byte after it, or `html.count`.
    @inline(__always)
    private static func anchorCandidate(in html: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while true {
            index = html.position(of: UInt8(ascii: "<"), from: index)
            guard index + 2 < html.count else { return html.count }
            if html[index + 1] | 0x20 == UInt8(ascii: "a") { return index }
            index += 1
        }
    }

    /// The index after the `>` closing the `<a` tag at `open` (an `anchorCandidate`),
    /// or nil if `open` does not start an anchor tag that closes.
    @inline(__always)
    private static func anchorEnd(_ html: UnsafeBufferPointer<UInt8>, at open: Int) -> Int? {
        let next = html[open + 2]
        guard AnchorAttribute.isSpace(next) || next == UInt8(ascii: ">") || next == UInt8(ascii: "/") else {
            return nil
        }
        return tagEnd(html, from: open + 2)
    }

    /// The index after the `>` closing a tag, honouring quoted attribute values: a `"`
    /// or `'` anywhere opens a run that only the same quote closes.
    private static func tagEnd(_ html: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < html.count {
            let c = html[index]
            if c == UInt8(ascii: ">") { return index + 1 }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                index = html.position(of: c, from: index + 1)
                guard index < html.count else { return nil }
            }
            index += 1
        }
        return nil
    }

    /// Copies the anchor tag `tag` to `output` without its `ses:no-track` and
    /// `ses:tags` attributes and, when the link is tracked, with its `href` value
    /// replaced by the redirect (quoted if it was not).
    private mutating func rewriteAnchor(
        _ html: UnsafeBufferPointer<UInt8>, _ tag: Range<Int>, options: TrackingOptions,
        into output: inout [UInt8],
        links: inout TrackedLinks
    ) {
        AnchorAttribute.parse(html, (tag.lowerBound + 2)..<(tag.upperBound - 1), into: &attributes)
        var noTrack = false
        var tagsIndex: Int?
        var hrefIndex: Int?
        for index in attributes.indices {
            switch attributes[index].name {
            case .noTrack: noTrack = true
            case .tags: if tagsIndex == nil { tagsIndex = index }
            case .href: if hrefIndex == nil { hrefIndex = index }
            case .other: break
            }
        }
        var scheme: StaticString?
        if !noTrack && options.tracksClicks && links.count < Self.maximumTrackedLinks, let hrefIndex,
            let value = attributes[hrefIndex].value
        {
            scheme = TrackedURL.trackableScheme(UnsafeBufferPointer(rebasing: html[value]))
        }
        guard scheme != nil || noTrack || tagsIndex != nil else {
            output.append(html, tag)
            return
        }
        var copied = tag.lowerBound
        for index in attributes.indices {
            let attribute = attributes[index]
            switch attribute.name {
            case .noTrack, .tags:
                output.append(html, copied..<attribute.segment.lowerBound)
                copied = attribute.segment.upperBound
            case .href where index == hrefIndex:
                guard let scheme, let value = attribute.value else { continue }
                output.append(html, copied..<value.lowerBound)
                if attribute.quote == 0 { output.append(UInt8(ascii: "\"")) }
                let tags = tagsIndex.flatMap { attributes[$0].value }.map {
                    UnsafeBufferPointer(rebasing: html[$0])
                }
                appendRedirect(
                    url: UnsafeBufferPointer(rebasing: html[value]), tags: tags, scheme: scheme, to: &output,
                    links: &links)
                if attribute.quote == 0 { output.append(UInt8(ascii: "\"")) }
                copied = value.upperBound
            case .href, .other:
                continue
            }
        }
        output.append(html, copied..<tag.upperBound)
    }

    /// `<scheme>://<domain>/L0/<percent-encoded URL>/1/<message ID>/<signature>=<ordinal>`,
    /// the shape of SES's observed redirects (ses-facts §9), appended to `output` and
    /// recorded in `links`.
    private func appendRedirect(
        url: UnsafeBufferPointer<UInt8>, tags: UnsafeBufferPointer<UInt8>?, scheme: StaticString,
        to output: inout [UInt8], links: inout TrackedLinks
    ) {
        let ordinal = links.count + 1
        let maximum =
            5 + host.count + 4 + 3 * url.count + 3 + messageID.count + 1 + TrackingSignature.length + 20
        output.append(maximum: maximum) { cursor in
            cursor.write(scheme)
            cursor.write(host)
            cursor.write("/L0/")
            cursor.write { TrackedURL.percentEncode(url, to: $0) }
            cursor.write("/1/")
            cursor.write(messageID)
            cursor.write(UInt8(ascii: "/"))
            let hash = TrackingSignature.hash(messageState: messageState, url: url, ordinal: ordinal)
            cursor.write {
                TrackingSignature.write(hash, to: $0)
                return TrackingSignature.length
            }
            cursor.write(UInt8(ascii: "="))
            cursor.writeDecimal(ordinal)
        } then: { redirect in
            links.append(url: url, tags: tags, redirect: redirect)
        }
    }

    /// `<img alt="" src="<scheme>://<domain>/I0/<message ID>/<signature>=0" style="…">`,
    /// the shape of SES's observed open pixel.
    private func appendPixel(_ options: TrackingOptions, to output: inout [UInt8]) {
        let start: StaticString = #"<img alt="" src=""#
        let end: StaticString = #"=0" style="display: none; width: 1px; height: 1px;">"#
        let maximum =
            start.utf8CodeUnitCount + 5 + host.count + 4 + messageID.count + 1 + TrackingSignature.length
            + end.utf8CodeUnitCount
        output.append(maximum: maximum) { cursor in
            cursor.write(start)
            cursor.write(options.pixelScheme)
            cursor.write(host)
            cursor.write("/I0/")
            cursor.write(messageID)
            cursor.write(UInt8(ascii: "/"))
            let hash = TrackingSignature.hash(
                messageState: messageState, url: UnsafeBufferPointer(start: nil, count: 0), ordinal: 0)
            cursor.write {
                TrackingSignature.write(hash, to: $0)
                return TrackingSignature.length
            }
            cursor.write(end)
        }
    }
}
