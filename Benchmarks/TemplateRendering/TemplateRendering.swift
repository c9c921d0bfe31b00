import Benchmark
import SESTemplates

/// The issue's realistic template: a subject of ~60 characters with 1 variable, a text
/// part of ~1 KB with 8 variables, an HTML part of ~8 KB with 12 variables, one `#if`
/// and one `#each` over 5 items.
enum RealisticTemplate {
    static let subject = "Your {{company}} order has shipped and is on its way to you"

    static let text = """
        Hello {{firstName}} {{lastName}},

        Thank you for shopping with {{company}}. Your order {{orderId}} has left our warehouse \
        and is now on its way. We packed everything with care and handed it to our delivery \
        partner this morning, so you can expect it to arrive within the next few days.

        You can follow your parcel at any time with tracking number {{trackingNumber}}. The \
        carrier updates its status several times a day, and you will receive a message when the \
        driver is close to your address. If nobody is at home, the parcel will be left at the \
        nearest pick-up point and kept there for ten days.

        Delivery address: {{city}}, {{country}}.

        If anything is missing or damaged, reply to this message within thirty days and our \
        support team will make it right, either with a replacement or a full refund. We read \
        every message and usually answer within one working day.

        Your membership level is {{tier}}. Members of this level collect points on every order \
        and receive early access to seasonal sales. Points never expire while your account is \
        active, and you can redeem them at checkout on any future purchase.

        Thank you again for your order, and we hope to see you back soon.
        """

    static var html: String {
        var body = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>{{company}} shipping notice</title>
            <style>body{font-family:Helvetica,Arial,sans-serif;color:#222;background:#f4f4f4;margin:0;padding:0}
            .wrap{max-width:600px;margin:0 auto;background:#fff;padding:24px}.item{border-bottom:1px solid #eee;padding:8px 0}
            .foot{font-size:12px;color:#888}</style></head><body><div class="wrap">
            <h1>Hello {{firstName}} {{lastName}},</h1>
            <p>Thank you for shopping with <strong>{{company}}</strong>. Your order <b>{{orderId}}</b> has shipped.</p>
            <p>Track it here: <a href="https://track.example.com/parcel/{{trackingNumber}}">{{trackingNumber}}</a>.</p>
            {{#if vip}}<p class="vip">As a {{tier}} member you get free returns and priority support.</p>{{/if}}
            <table width="100%" cellpadding="0" cellspacing="0">
            {{#each items}}<tr class="item"><td>{{name}}</td><td align="right">{{quantity}} × {{price}}</td></tr>{{/each}}
            </table>
            <p>Delivering to {{city}}, {{country}}.</p>

            """
        let paragraph = """
            <p>Our delivery partner updates the status of your parcel several times a day. You will \
            receive a message when the driver is close to your address, and if nobody is at home the \
            parcel will be left at the nearest pick-up point and kept there for ten days. If anything \
            is missing or damaged, reply within thirty days and our support team will make it right, \
            either with a replacement or a full refund.</p>

            """
        for _ in 0..<15 { body += paragraph }
        body += """
            <p><a href="https://www.example.com/account">Your account</a> · <a href="https://www.example.com/help">Help</a>
            · <a ses:no-track href="https://www.example.com/unsubscribe?u={{orderId}}">Unsubscribe</a></p>
            <p class="foot">You receive this message because you ordered from {{company}}. {{unsubscribeText}}</p>
            </div></body></html>
            """
        return body
    }

    static let defaults = """
        {"company":"Example Store","country":"France","tier":"Silver","vip":false,\
        "unsubscribeText":"Manage your preferences in your account.",\
        "items":[{"name":"Item","quantity":1,"price":"9.99"}]}
        """

    /// Per-recipient data, varied: names, ids, cities, VIP flags and five items.
    static func recipientJSON(_ index: Int) -> [UInt8] {
        let first = ["Ana", "Bo", "Chen", "Dara", "Émile", "Farah", "Gus", "Hana"][index % 8]
        let last = ["Silva", "Okafor", "Nguyen", "Müller", "Kowalski", "Haddad", "Ito"][index % 7]
        let city = ["Lyon", "Paris", "Marseille", "Lille", "Nantes"][index % 5]
        var items: [String] = []
        for item in 0..<5 {
            items.append(
                "{\"name\":\"Product \(index % 97)-\(item)\",\"quantity\":\(1 + (index + item) % 4),"
                    + "\"price\":\"\(10 + (index * 7 + item) % 90).\((index + item * 13) % 100)\"}")
        }
        let json = """
            {"firstName":"\(first)","lastName":"\(last)","orderId":"ORD-\(100_000 + index)",\
            "trackingNumber":"1Z\(999_000_000 + index * 37)","city":"\(city)","vip":\(index % 3 == 0),\
            "tier":"\(index % 3 == 0 ? "Gold" : "Silver")","items":[\(items.joined(separator: ","))]}
            """
        return Array(json.utf8)
    }
}

let recipientCount = 1_000

let benchmarks: @Sendable () -> Void = {
    let template = try! CompiledTemplate(
        EmailTemplate(
            name: "Shipping", subjectPart: RealisticTemplate.subject, textPart: RealisticTemplate.text,
            htmlPart: RealisticTemplate.html))
    let defaults = try! TemplateData(renderingData: RealisticTemplate.defaults)
    let recipients = (0..<recipientCount).map(RealisticTemplate.recipientJSON)
    let merged = recipients.map { TemplateData.merging(try! TemplateData(renderingData: $0), over: defaults) }

    // Output bytes per render, to turn renders/s into MB/s.
    var renderer = TemplateRenderer()
    var parts = RenderedParts()
    var total = 0
    for data in merged {
        try! template.render(data: data, with: &renderer, into: &parts)
        total += parts.byteCount
    }
    let bytesPerRender = total / recipientCount

    let configuration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .instructions],
        scalingFactor: .kilo,
        maxDuration: .seconds(5),
        maxIterations: 1_000
    )

    Benchmark("(a) render only, \(bytesPerRender) bytes per render", configuration: configuration) {
        benchmark in
        var renderer = TemplateRenderer()
        var parts = RenderedParts()
        try! template.render(data: merged[0], with: &renderer, into: &parts)  // warm the buffers
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            try! template.render(data: merged[index % recipientCount], with: &renderer, into: &parts)
            blackHole(parts.html.count)
        }
        benchmark.stopMeasurement()
    }

    Benchmark(
        "(b) parse JSON, merge, render, \(bytesPerRender) bytes per render", configuration: configuration
    ) {
        benchmark in
        var renderer = TemplateRenderer()
        var parser = TemplateDataParser()
        var replacement = TemplateData()
        var data = TemplateData()
        var parts = RenderedParts()
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            try! parser.parseRenderingData(recipients[index % recipientCount], into: &replacement)
            TemplateData.merge(replacement, over: defaults, into: &data)
            try! template.render(data: data, with: &renderer, into: &parts)
            blackHole(parts.html.count)
        }
        benchmark.stopMeasurement()
    }

    Benchmark("(c) as (b) with open and click tracking", configuration: configuration) { benchmark in
        var renderer = TemplateRenderer()
        var parser = TemplateDataParser()
        var replacement = TemplateData()
        var data = TemplateData()
        var parts = RenderedParts()
        var instrumenter = TrackingInstrumenter()
        var tracked: [UInt8] = []
        var links = TrackedLinks()
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            try! parser.parseRenderingData(recipients[index % recipientCount], into: &replacement)
            TemplateData.merge(replacement, over: defaults, into: &data)
            try! template.render(data: data, with: &renderer, into: &parts)
            let options = TrackingOptions(
                messageID: "0100018f3b2a4c1d-9e8f7a6b-0000-4000-8000-\(100_000_000_000 + index)-000000",
                region: "us-east-1", seed: 42)
            instrumenter.instrument(html: parts.html, options: options, into: &tracked, links: &links)
            blackHole(tracked.count + links.count)
        }
        benchmark.stopMeasurement()
    }

    // Tracking alone, on HTML rendered beforehand and with message IDs made beforehand:
    // what open and click tracking itself costs and allocates.
    let renderedHTML = merged.map { data in
        try! template.render(data: data, with: &renderer, into: &parts)
        return parts.html
    }
    let messageIDs = (0..<recipientCount).map {
        "0100018f3b2a4c1d-9e8f7a6b-0000-4000-8000-\(100_000_000_000 + $0)-000000"
    }

    Benchmark("(d) open and click tracking only", configuration: configuration) { benchmark in
        var instrumenter = TrackingInstrumenter()
        var tracked: [UInt8] = []
        var links = TrackedLinks()
        let warm = TrackingOptions(messageID: messageIDs[0], region: "us-east-1", seed: 42)
        instrumenter.instrument(html: renderedHTML[0], options: warm, into: &tracked, links: &links)
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            let options = TrackingOptions(
                messageID: messageIDs[index % recipientCount], region: "us-east-1", seed: 42)
            instrumenter.instrument(
                html: renderedHTML[index % recipientCount], options: options, into: &tracked, links: &links)
            blackHole(tracked.count + links.count)
        }
        benchmark.stopMeasurement()
    }
}
