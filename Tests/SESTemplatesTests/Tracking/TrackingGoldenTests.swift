import SESTemplates
import Testing

/// Golden outputs of open and click tracking: the exact bytes and links for varied HTML,
/// recorded from the first (String-based) implementation, so that any rewrite must keep
/// every byte.
@Suite("Tracking golden outputs")
struct TrackingGoldenTests {
    static let messageID = "010001864bcea705-1e6c2bd1-7a3b-4f43-9c4e-1234567890ab-000000"

    /// One document, its options, and what tracking must produce.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var html: [UInt8]
        var options: TrackingOptions
        var testDescription: String { name }
    }

    static let mixedHTML = """
        <!DOCTYPE html><html><body>
        <p>Hello <a href="https://example.com/welcome?utm_source=ses&utm_medium=email">welcome</a></p>
        <A HREF='HTTP://EXAMPLE.COM/UPPER/Path?Q=1'>upper</A>
        <a class="btn" ses:tags="campaign:spring; variant : b ;bad pair;empty:;:novalue;x:y:z;ok_1:v-2;" \
        href="https://shop.example.com/cart/%E2%82%AC?x=%20y#frag" target="_blank">cart</a>
        <a ses:no-track href="http://aws.amazon.com">no-track</a>
        <a href="https://example.com/a" SES:NO-TRACK="yes">no-track, uppercase</a>
        <a href="mailto:someone@example.com">mail</a> <a href="/relative/path">relative</a>
        <a href="https://example.com/has space">space</a> <a href="https://example.com/bad%zzescape">bad</a>
        <a href="https://example.com/trailing%2">trailing</a> <a href="https://example.com/ünïcode">unicode</a>
        <a href="ftp://example.com/file">ftp</a> <a href="http:example.com">no slashes</a>
        <a href="https://">bare scheme</a>
        <a href=https://example.com/unquoted?a=1 title="x">unquoted</a>
        <a title="a>b" href = "https://example.com/spaced" >spaced</a>
        <a\thref="https://example.com/tab"
           data-x='it"s'>tab and newline</a>
        <a href="https://example.com/first" href="https://example.com/second">duplicate href</a>
        <a href>href without value</a> <a name="anchor">no href</a>
        <abbr title="x">abbr</abbr><area href="https://example.com/area"><br/>
        <a/href="https://example.com/slash">slash</a>
        <a href="https://example.com/noSpace"class="x">no space</a>
        <a =weird href="https://example.com/weird">weird</a>
        <a ses:tags="k:v" ses:tags="k2:v2" href="https://example.com/twotags">two tags attributes</a>
        <a ses:tags href="https://example.com/tagsnovalue">tags without value</a>
        <a ses:tags='single:quoted' href='https://example.com/single'>single quotes</a>
        <a href="https://example.com/long" ses:tags="long:\(String(repeating: "x", count: 257));short:ok;\
        max:\(String(repeating: "y", count: 256))">long tag</a>
        <a href="HTTPS://Example.com/Path/To/Page?query=Value&amp;other=1">amp</a>
        <a href="https://example.com/kelvin" ses:no-trac\u{212A}>kelvin sign</a>
        <a href="https://example.com/combining" ses:tags="a:b;\u{301}c:d;e:f">combining</a>
        <a href="https://example.com/crlf" ses:tags="a:b;\r\nc:d; g : h ">crlf</a>
        <a href="https://example.com/é" ses:tags="é:1;ok:2">non-ASCII url</a>
        <a href="https://example.com/brackets/[x]/(y)/!$'*+,;=@~">characters</a>
        <a href="https://example.com/end"/>
        <p>{{ses:openTracker}}</p>
        </body></html>
        """

    static let placeholderHTML = """
        <p>{{{ses:openTracker}}}</p><a title="{{ses:openTracker}}" href="https://x.example/">x</a>
        {{ses:OpenTracker}} {{ses:openTracker}} and {{ses:openTracker}}<a href="https://y.example/">y</a>
        """

    static let malformedHTML = """
        <a title="oops href="https://e.com/1">one</a> <a href="https://e.com/2">two</a>
        <a href='https://e.com/"quoted'>q</a> {{ses:openTrack <p>text <a href="https://e.com/x
        """

    static var manyLinksHTML: String {
        var html = "<html><body>"
        // 260 trackable links, every eleventh anchor being an untracked one in between.
        for k in 0..<285 {
            if k % 11 == 10 {
                html += #"<a ses:no-track href="https://example.com/n/\#(k)">n</a>"#
            } else if k % 7 == 0 {
                html += #"<a ses:tags="n:\#(k);p:q" href="https://example.com/p/\#(k)?a=b">l\#(k)</a>"#
            } else {
                html += #"<A HREF='https://example.com/u/\#(k)'>u</A> "#
            }
        }
        return html + "</body></html>"
    }

    static let invalidUTF8: [UInt8] =
        Array(#"<p>\#u{FF}</p><a href="https://e.com/"#.utf8) + [0xC3, 0x28]
        + Array(#"" ses:tags="a:"#.utf8) + [0xFF] + Array(#";b:c">x</a><a "#.utf8) + [0xE2, 0x82]
        + Array(#"="1" href="https://e.com/ok">y</a>"#.utf8)

    static let cases: [Case] = [
        Case(
            name: "mixed", html: Array(mixedHTML.utf8),
            options: TrackingOptions(messageID: messageID, region: "us-east-1", seed: 7)),
        Case(
            name: "mixed, clicks only", html: Array(mixedHTML.utf8),
            options: TrackingOptions(messageID: "m-1", region: "eu-west-1", tracksOpens: false, seed: 3)),
        Case(
            name: "mixed, opens only", html: Array(mixedHTML.utf8),
            options: TrackingOptions(messageID: "m-2", region: "eu-west-1", tracksClicks: false)),
        Case(
            name: "mixed, neither", html: Array(mixedHTML.utf8),
            options: TrackingOptions(
                messageID: "m-3", region: "eu-west-1", tracksOpens: false, tracksClicks: false)
        ),
        Case(
            name: "placeholders, custom domain", html: Array(placeholderHTML.utf8),
            options: TrackingOptions(
                messageID: messageID, region: "us-west-2", customRedirectDomain: "track.example.com", seed: 1)
        ),
        Case(
            name: "placeholders, no opens", html: Array(placeholderHTML.utf8),
            options: TrackingOptions(messageID: "m-4", region: "us-west-2", tracksOpens: false, seed: 2)),
        Case(
            name: "malformed", html: Array(malformedHTML.utf8),
            options: TrackingOptions(messageID: "m-5", region: "ap-south-1", seed: 99)),
        Case(
            name: "empty", html: [],
            options: TrackingOptions(messageID: "m-6", region: "us-east-1", seed: UInt64.max)),
        Case(
            name: "285 links, 260 trackable", html: Array(manyLinksHTML.utf8),
            options: TrackingOptions(messageID: messageID, region: "sa-east-1", seed: 123_456_789)),
        Case(
            name: "invalid UTF-8", html: invalidUTF8,
            options: TrackingOptions(
                messageID: "m-7", region: "us-east-1", customRedirectDomain: "c.example", seed: 5)),
    ]

    /// Every link as `ordinal url [name=value,…] redirect`.
    static func describe(_ links: TrackedLinks) -> [String] {
        links.map { link in
            "\(link.ordinal) \(link.url) [\(link.tags.map { "\($0.name)=\($0.value)" }.joined(separator: ","))] "
                + link.redirect
        }
    }

    /// 64-bit FNV-1a of the bytes.
    static func digest(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return String(h, radix: 16)
    }

    static func instrument(_ html: [UInt8], _ options: TrackingOptions) -> ([UInt8], TrackedLinks) {
        var instrumenter = TrackingInstrumenter()
        var output: [UInt8] = []
        var links = TrackedLinks()
        instrumenter.instrument(html: html, options: options, into: &output, links: &links)
        return (output, links)
    }

    /// The recorded result of one case: the output's FNV-1a digest and length, the
    /// digest and count of the described links, and the exact HTML and links (for the
    /// long document, only its first and last link).
    struct Expected: Sendable {
        var digest: String
        var byteCount: Int
        var linksDigest: String
        var linkCount: Int
        var html: String?
        var links: [Int: String]
    }

    @Test(arguments: cases)
    func outputIsByteIdenticalToTheRecording(_ golden: Case) throws {
        let expected = try #require(Self.expected[golden.name])
        let (output, links) = Self.instrument(golden.html, golden.options)
        let described = Self.describe(links)
        #expect(output.count == expected.byteCount)
        #expect(Self.digest(output) == expected.digest)
        if let html = expected.html { #expect(String(decoding: output, as: UTF8.self) == html) }
        #expect(links.count == expected.linkCount)
        #expect(Self.digest(Array(described.joined(separator: "\n").utf8)) == expected.linksDigest)
        for (index, link) in expected.links.sorted(by: { $0.key < $1.key }) {
            #expect(described[index] == link)
        }
    }

    @Test func reusedBuffersGiveTheSameResults() {
        var instrumenter = TrackingInstrumenter()
        var output: [UInt8] = []
        var links = TrackedLinks()
        for golden in Self.cases + Self.cases.reversed() {
            instrumenter.instrument(html: golden.html, options: golden.options, into: &output, links: &links)
            #expect(Self.digest(output) == Self.expected[golden.name]?.digest, "\(golden.name)")
            #expect(links.count == Self.expected[golden.name]?.linkCount, "\(golden.name)")
        }
    }
}
