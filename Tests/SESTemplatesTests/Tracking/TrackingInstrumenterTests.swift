import SESTemplates
import Testing

@Suite("Open and click tracking")
struct TrackingInstrumenterTests {
    static let messageID = "010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000"

    func instrument(_ html: String, _ options: TrackingOptions) -> (String, TrackedLinks) {
        var instrumenter = TrackingInstrumenter()
        var output: [UInt8] = []
        var links = TrackedLinks()
        instrumenter.instrument(html: Array(html.utf8), options: options, into: &output, links: &links)
        return (String(decoding: output, as: UTF8.self), links)
    }

    @Test func rewritesLinksAndAppendsThePixel() {
        let options = TrackingOptions(messageID: Self.messageID, region: "us-east-1", seed: 7)
        let (html, links) = instrument(
            #"<p><a class="x" href="https://www.amazon.com/" ses:tags="campaign:spring;variant:b;">Shop</a></p>"#,
            options)
        #expect(links.count == 1)
        #expect(links[0].url == "https://www.amazon.com/")
        #expect(
            links[0].tags == [
                LinkTag(name: "campaign", value: "spring"), LinkTag(name: "variant", value: "b"),
            ])
        #expect(links[0].ordinal == 1)
        #expect(
            links[0].redirect.hasPrefix(
                "https://r.us-east-1.awstrack.me/L0/https:%2F%2Fwww.amazon.com%2F/1/\(Self.messageID)/"))
        #expect(links[0].redirect.hasSuffix("=1"))
        let signature = links[0].redirect.split(separator: "/").last!.split(separator: "=").first!
        #expect(signature.count == 27)
        #expect(
            html.hasPrefix(
                #"<p><a class="x" href="\#(links[0].redirect)">Shop</a></p><img alt="" src="https://r.us-east-1.awstrack.me/I0/\#(Self.messageID)/"#
            ))
        #expect(html.hasSuffix(#"=0" style="display: none; width: 1px; height: 1px;">"#))
    }

    @Test func noTrackLinksAreLeftAloneAndTheAttributeStripped() {
        let options = TrackingOptions(messageID: "m", region: "eu-west-1", tracksOpens: false)
        let (html, links) = instrument(#"<a ses:no-track href="http://aws.amazon.com">AWS</a>"#, options)
        #expect(html == #"<a href="http://aws.amazon.com">AWS</a>"#)
        #expect(links.isEmpty)
    }

    @Test func onlyEncodedHTTPLinksAreTrackedAndAtMost250() {
        let options = TrackingOptions(messageID: "m", region: "eu-west-1", tracksOpens: false)
        let (html, links) = instrument(
            #"<a href="mailto:x@y.z">m</a><a href="http://x.com/a b">s</a><A HREF='HTTP://X.COM/Q?a=1&b=%20'>q</a>"#,
            options)
        #expect(links.map(\.url) == ["HTTP://X.COM/Q?a=1&b=%20"])
        #expect(
            html.hasPrefix(
                #"<a href="mailto:x@y.z">m</a><a href="http://x.com/a b">s</a><A HREF='http://r.eu-west-1.awstrack.me/L0/HTTP:%2F%2FX.COM%2FQ%3Fa%3D1%26b%3D%2520/1/m/"#
            ))
        let many = String(repeating: #"<a href="https://example.com/">x</a>"#, count: 260)
        let (_, manyLinks) = instrument(many, options)
        #expect(manyLinks.count == 250)
        #expect(Set(manyLinks.map(\.redirect)).count == 250)
    }

    @Test func thePixelGoesAtTheFirstOpenTrackerAndCustomDomainsAreUsed() {
        let options = TrackingOptions(
            messageID: "m", region: "us-west-2", customRedirectDomain: "track.example.com",
            tracksClicks: false, seed: 1)
        let (html, links) = instrument(
            "<p>{{ses:openTracker}}</p><p>{{ses:openTracker}}</p><a href=\"https://a.b\">", options)
        #expect(links.isEmpty)
        #expect(html.hasPrefix(#"<p><img alt="" src="http://track.example.com/I0/m/"#))
        #expect(html.hasSuffix(#"</p><p>{{ses:openTracker}}</p><a href="https://a.b">"#))
    }

    @Test func outputIsDeterministicAndUniquePerMessage() {
        let html = #"<a href="https://a.example/">a</a><a href="https://a.example/">b</a>"#
        let first = instrument(html, TrackingOptions(messageID: "m1", region: "us-east-1", seed: 9))
        let again = instrument(html, TrackingOptions(messageID: "m1", region: "us-east-1", seed: 9))
        let other = instrument(html, TrackingOptions(messageID: "m2", region: "us-east-1", seed: 9))
        #expect(first.0 == again.0)
        #expect(first.1[0].redirect != first.1[1].redirect)
        #expect(first.1[0].redirect != other.1[0].redirect)
    }

    @Test func everyByteOfAURLIsCheckedAndEncodedAsRFC3986Says() {
        let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        let kept = Set((letters + "-._~:").utf8)
        let allowed = kept.union("/?#[]@!$&'()*+,;=".utf8)
        let options = TrackingOptions(messageID: "m", region: "us-east-1", tracksOpens: false)
        var instrumenter = TrackingInstrumenter()
        var output: [UInt8] = []
        var links = TrackedLinks()
        for value in 0...255 {
            let byte = UInt8(value)
            let quote = byte == UInt8(ascii: "'") ? UInt8(ascii: "\"") : UInt8(ascii: "'")
            let html =
                Array("<a href=".utf8) + [quote] + Array("https://e.com/".utf8) + [byte, quote]
                + Array(">x</a>".utf8)
            instrumenter.instrument(html: html, options: options, into: &output, links: &links)
            #expect(links.count == (allowed.contains(byte) ? 1 : 0), "byte \(value)")
            guard let link = links.first else { continue }
            let encoded =
                kept.contains(byte)
                ? String(UnicodeScalar(byte)) : "%" + String(format2: value)
            #expect(
                link.redirect.hasPrefix(
                    "https://r.us-east-1.awstrack.me/L0/https:%2F%2Fe.com%2F\(encoded)/1/m/"),
                "byte \(value)")
        }
    }

    @Test func aHalfMegabyteLinkIsTrackedWithoutExhaustingTheStack() {
        let options = TrackingOptions(messageID: "m", region: "us-east-1", tracksOpens: false)
        let url = "https://e.com/" + String(repeating: "a/", count: 250_000)
        let (html, links) = instrument(#"<a href="\#(url)">x</a>"#, options)
        #expect(links.count == 1)
        #expect(links.first?.url == url)
        #expect(html.count > 3 * 250_000 + url.count / 2)
    }

    @Test func trackedLinksAreValuesAndTheBufferIsReused() {
        let options = TrackingOptions(messageID: "m", region: "us-east-1", tracksOpens: false)
        var instrumenter = TrackingInstrumenter()
        var output: [UInt8] = []
        var links = TrackedLinks()
        let first =
            #"<a ses:tags="a:1;b:2" href="https://one.example/">1</a><a href="https://two.example/">2</a>"#
        instrumenter.instrument(html: Array(first.utf8), options: options, into: &output, links: &links)
        let kept = links[0]
        let copy = links
        #expect(links.map(\.ordinal) == [1, 2])
        #expect(kept.tags == [LinkTag(name: "a", value: "1"), LinkTag(name: "b", value: "2")])
        #expect(links[1].tags.isEmpty)

        instrumenter.instrument(
            html: Array(#"<a href="https://three.example/">3</a>"#.utf8), options: options, into: &output,
            links: &links)
        #expect(links.map(\.url) == ["https://three.example/"])
        #expect(links[0].ordinal == 1)
        #expect(kept.url == "https://one.example/")
        #expect(copy.map(\.url) == ["https://one.example/", "https://two.example/"])
        #expect(copy != links)
        #expect(copy[0] == kept)
    }
}

extension String {
    /// Two upper-case hex digits.
    fileprivate init(format2 value: Int) {
        let digits = Array("0123456789ABCDEF")
        self = String([digits[value >> 4], digits[value & 15]])
    }
}
