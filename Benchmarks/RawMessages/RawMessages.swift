import Benchmark
import MIME
import SESModel
import SimCore

/// A 20 KB raw message as mail software writes it: text and HTML
/// alternatives inside multipart/mixed with a 13 KB PDF (about 18 KB in base64),
/// folded headers and an encoded-word subject — the size of the SMTP
/// throughput target (2,000 messages of 20 KB a second).
enum TwentyKilobyteMessage {
    static let bytes: [UInt8] = {
        var text = """
            From: =?utf-8?q?Example_St=C3=B6re?= <store@example.com>\r
            To: Customer <customer@example.org>\r
            Subject: =?utf-8?b?WW91ciBvcmRlciBoYXMgc2hpcHBlZCDinIU=?=\r
            Date: Tue, 07 Mar 2023 14:42:27 +0000\r
            Message-ID: <order-1001@example.com>\r
            References: <a@example.com> <b@example.com>\r
             <c@example.com>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="outer"\r
            \r
            --outer\r
            Content-Type: multipart/alternative; boundary="inner"\r
            \r
            --inner\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Your order has shipped. Track it at https://example.com/track/1001\r
            --inner\r
            Content-Type: text/html; charset=utf-8\r
            \r

            """
        for index in 0..<12 {
            text +=
                "<p>Line \(index) of the notice, <a href=\"https://example.com/p/\(index)\">item \(index)</a>.</p>\r\n"
        }
        text += "--inner--\r\n--outer\r\nContent-Type: application/pdf; name=\"invoice.pdf\"\r\n"
        text +=
            "Content-Disposition: attachment; filename=\"invoice.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        var bytes = Array(text.utf8)
        let pdf = (0..<13_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        Base64Codec.encode(pdf, into: &bytes)
        bytes += Array("--outer--\r\n".utf8)
        return bytes
    }()
}

let benchmarks: @Sendable () -> Void = {
    // CI gates on mallocs per thousand messages (Benchmarks/Thresholds): about
    // a hundred a message to read it, half as many again to accept and process
    // it; the tolerance covers the pipeline's tables growing as messages accumulate.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .kilo,
        maxDuration: .seconds(5), maxIterations: 50,
        thresholds: [.mallocCountTotal: .init(absolute: [.p90: 2_000])])

    let message = TwentyKilobyteMessage.bytes

    Benchmark("(a) read a 20 KB message: structure, fields, base64 decoded") { benchmark in
        for _ in benchmark.scaledIterations {
            let parsed = try MIMEMessage(parsing: message)
            try parsed.checkTransferEncodings()
            blackHole(parsed.parts.count)
        }
    }

    Benchmark("(b) SendRawEmail of a 20 KB message, accepted and processed") { benchmark in
        let calendar = try SimCalendar(start: "2026-03-02T09:00:00Z")
        let streams = RandomStreams(seed: 1)
        let settings = AccountSettings(
            maximum24HourSend: -1, maximumSendRate: 1_000_000, identities: ["example.com"])
        var service = SESService(
            account: SESAccount(settings: settings, calendar: calendar, streams: streams),
            parameters: DeliveryParameters(), audiences: [], streams: streams)
        var outbox = Outbox()
        var time = SimTime.start
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            time = time + .milliseconds(1)
            _ = try service.sendRawEmail(
                SendRawEmailRequest(rawMessage: message), origin: MessageOrigin(token: 0), at: time)
            service.outbox.drain(into: &outbox)
            // Run the message's processing at once (not its delivery attempts).
            for (_, event) in outbox.scheduled {
                if case .process = event { service.handle(event, at: time) }
            }
            outbox.removeAll()
            service.outbox.removeAll()
        }
    }
}
