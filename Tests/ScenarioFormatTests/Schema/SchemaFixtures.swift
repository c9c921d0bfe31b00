import Foundation

/// Where the repository's files are, found from this file's path.
enum Repository {
    /// The repository root (this file is Tests/ScenarioFormatTests/Schema/SchemaFixtures.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let schemaFile = root.appendingPathComponent("scenarios/schema.json")
    static let referenceFile = root.appendingPathComponent("docs/scenario-reference.md")

    /// The example scenarios: every `scenarios/*.yaml`, by file name.
    static func exampleScenarios() -> [String] {
        let folder = root.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static func scenarioPath(_ name: String) -> String {
        root.appendingPathComponent("scenarios").appendingPathComponent(name).path
    }

    /// The schema, read as the validator sees it.
    static func schemaValidator() throws -> SchemaValidator {
        let text = try String(contentsOf: schemaFile, encoding: .utf8)
        return SchemaValidator(schema: try JSONInstance(yamlText: text))
    }
}

/// Scenario texts for the schema tests.
enum SchemaFixtures {
    /// The smallest scenario both the schema and the loader accept; the
    /// negative cases add one mistake each to it.
    static let minimal = """
        name: minimal
        start: 2026-03-02T00:00:00Z
        duration: 1h
        """

    /// A scenario that uses every key the loader accepts, each form of every
    /// choice (executors, event destination kinds, template forms, generators,
    /// recipient sources, expectation forms) and every action. `TEMPLATE_FILE`
    /// is replaced with the path of a create-template JSON file.
    static let everyKey = """
        name: every-key_1.0
        description: Every key of the scenario format, for the schema tests.
        seed: 42
        start: 2026-03-02T09:30:00Z
        duration: 3d
        account:
          region: eu-west-1
          accountId: 111122223333
          sandbox: false
          maxSendRate: 20.5
          max24HourSend: -1
          burst: 0
          identities: [example.com, sender@example.org]
          callerIdentity: arn:aws:iam::111122223333:user/app
          sourceIp: 198.51.100.7
          sendingEnabled: true
          mailFromDomainFailures: [broken.example.com]
          suppression:
            enabled: true
            reasons: [BOUNCE]
            addresses: [someone@example.net]
        templates:
          - name: welcome
            subject: "Welcome, {{name}}"
            text: "Hello {{name}}, your code is {{code}}."
            html: "<p>Hello {{name}}</p><a href=\\"https://example.com/a\\" ses:tags=\\"link:a;\\">a</a>"
          - file: TEMPLATE_FILE
        configurationSets:
          - name: marketing
            sendingEnabled: true
            reputationMetrics: true
            sendingPool: promo
            maxDeliveryTime: 6h
            customRedirectDomain: track.example.com
            eventDestinations:
              - name: metrics
                enabled: true
                types: [send, delivery, bounce, complaint, reject, open, click, renderingFailure]
                cloudWatch:
                  dimensions:
                    - { name: campaign, source: messageTag, default: none }
                    - { name: ses:configuration-set, source: messageTag, default: none }
                    - { name: X-Mailer, source: emailHeader, default: unknown }
                    - { name: link, source: linkTag, default: none }
              - name: archive
                types: [bounce, complaint, deliveryDelay, subscription]
                firehose: { deliveryStream: ses-events.archive }
              - name: alerts
                enabled: false
                types: [bounce]
                sns: { topicArn: "arn:aws:sns:eu-west-1:111122223333:ses-alerts" }
              - name: bus
                types: [send]
                eventBridge: { eventBus: default }
          - name: transactional
        audiences:
          - name: subscribers
            size: 20000
            addressPattern: "member.{index}"
            hardBounce: 0.02
            noEmailShare: 0.7
            globalSuppression: 0.001
            deferral: 0.05
            deferralTypes: { MailboxFull: 1, IPFailure: 0.5 }
            complaint: 0.001
            open: 0.3
            repeatOpen: 0.2
            click: 0.05
            repeatClick: 0.1
            unsubscribe: 0.002
            deliveryDelay: { median: 2s, p99: 20s }
            complaintDelay: 4h
            openDelay: { median: 30m, p99: 1d12h }
            clickDelay: { median: 45m, p99: 2d }
            unsubscribeDelay: { median: 1.5h, p99: 3d }
            coldAllowance: 500
            reputationGrowth: 1.5
            overloadDeferral: 0.5
            spamLevel: 4
            spamOpenFactor: 0.1
            spamComplaintFactor: 2.5
            providers:
              - { domain: gmail.com, share: 0.5, feedbackLoop: false }
              - domain: example.org
                share: 0.5
                hardBounce: 0.01
                deferral: 0.1
                deferralTypes: { RecipientServerError: 1 }
        delivery:
          processingTime: { median: 200ms, p99: 2s }
          retrySchedule: [1m, 5m, 30m]
          maxDeliveryTime: 8h
          virusRate: 0.0001
          contactList: newsletter-list
          simulatorDelay: 1500ms
          recipients:
            hardBounce: 0.01
            feedbackLoop: true
            deliveryDelay: 1s
        dedicatedIps:
          autoWarmup: true
          firstTimeLessee: false
          warmupPlan: [100, 400, 1600, 6400, 25600, 50000]
          pools: [promo]
          ips:
            - { address: 192.0.2.20, pool: promo, leased: -30d, warmupPercentage: 40 }
            - { address: 192.0.2.21, pool: ses-default-dedicated-pool, leased: day 2 06:00 }
            - { address: 192.0.2.22 }
        reputation:
          minimumVolume: 500
          representativePeriod: 14d
          reviewPeriod: 7d
          bounceReviewThreshold: 0.04
          bouncePauseThreshold: 0.08
          complaintReviewThreshold: 0.001
          complaintPauseThreshold: 0.004
          pauseImmediately: false
          metricPeriod: 15m
          comparisonWindow: 7d
        alarms:
          - name: marketing-bounces
            metric: Reputation.BounceRate
            configurationSet: marketing
            comparison: GreaterThanOrEqualToThreshold
            threshold: 0.05
            period: 1h
            evaluationPeriods: 3
            datapointsToAlarm: 2
            actions: [pauseConfigurationSet]
          - name: account-complaints
            metric: Reputation.ComplaintRate
            comparison: GreaterThanThreshold
            threshold: 0.001
            actions: [pauseAccount]
        traffic:
          - name: newsletter
            api: SendBulkTemplatedEmail
            from: "Example News <news@example.com>"
            configurationSet: marketing
            template: welcome
            destinationsPerCall: 25
            recipientsPerMessage: 1
            tags: { campaign: spring, wave: 1 }
            defaultTemplateData: { name: friend, code: none }
            templateData:
              name: { oneOf: [Ann, Bob, Cy] }
              code: { sequence: "C-{index}", missing: 0.01 }
              vip: false
              profile: { fixed: { tier: gold } }
            recipients: { audience: subscribers, from: 0, count: 10000 }
            schedule: { executor: repeating, start: day 1 10:00, every: 1d, times: 2, callRate: 14 }
            retry:
              maxAttempts: 6
              backoff: 500ms
              maxBackoff: 30s
              multiplier: 3
              jitter: equal
              pauseRestOfSecond: true
          - name: receipts
            api: SendTemplatedEmail
            from: sender@example.org
            configurationSet: transactional
            template: receipt
            recipientsPerMessage: 2
            templateData: { order: { sequence: "order-{index}" } }
            recipients: { list: [success@simulator.amazonses.com, bounce@simulator.amazonses.com] }
            schedule: { executor: constant-arrival-rate, start: +2h, rate: 30, timeUnit: 1m, duration: 6h, arrivals: poisson }
          - name: alerts
            api: SendEmail
            from: sender@example.org
            content: { subject: Alert, text: Something happened., html: "<b>Something</b>" }
            recipients: { audience: subscribers, from: 10000 }
            schedule:
              executor: ramping-arrival-rate
              start: 2026-03-03T00:00:00Z
              startRate: 1
              timeUnit: 1s
              stages: [{ target: 5, duration: 10m }, { target: 0, duration: 5m }]
              arrivals: uniform
          - name: once
            api: SendEmail
            from: sender@example.org
            content: { subject: Hi, text: Hello }
            recipients: { list: [ooto@simulator.amazonses.com] }
            schedule: { executor: once, start: start }
            retry: {}
          - name: invoices
            api: SendRawEmail
            configurationSet: transactional
            message:
              text: "From: billing@example.org\r\nTo: {{recipients}}\r\nSubject: Invoice {{invoice}}\r\n\r\nAttached.\r\n"
              attachments:
                - { name: invoice.pdf, contentType: application/pdf, size: 20KB }
                - { name: terms.txt, size: 1500 }
              recipientsIn: headers
            templateData: { invoice: { sequence: "INV-{index}" } }
            recipients: { list: [success@simulator.amazonses.com] }
            schedule: { executor: once, start: +1h }
          - name: forwarded
            api: SendRawEmail
            from: sender@example.org
            message: { file: MESSAGE_FILE, recipientsIn: destinations }
            recipients: { list: [success@simulator.amazonses.com] }
            schedule: { executor: once, start: +1h }
        actions:
          - { at: +1h, call: UpdateAccountSendingEnabled, enabled: true }
          - { at: +1h, call: UpdateConfigurationSetSendingEnabled, configurationSet: marketing, enabled: true }
          - { at: +1h, call: UpdateConfigurationSetReputationMetricsEnabled, configurationSet: transactional, enabled: true }
          - at: +1h
            call: CreateTemplate
            template: { name: receipt, subject: "Order {{order}}", text: "Thanks for order {{order}}." }
          - { at: +3h, call: UpdateTemplate, template: { file: TEMPLATE_FILE } }
          - { at: day 3, call: DeleteTemplate, name: welcome }
          - { at: day 2 12:00:30, call: PutDedicatedIpWarmupAttributes, ip: 192.0.2.22, warmupPercentage: 50 }
          - { at: day 2, call: PutAccountDedicatedIpWarmupAttributes, autoWarmupEnabled: false }
          - { at: day 2, call: MarkDedicatedIpWarmupComplete, ip: 192.0.2.21 }
          - { at: day 2, call: ResetDedicatedIpWarmup, ip: 192.0.2.20 }
        expect:
          - metric: events.send
            atLeast: 1
          - { metric: api.SendEmail.calls, below: 1e9, at: +1d, description: not too many calls }
          - { metric: 'dedicatedIps.ips["192.0.2.20"].days[0].cap', atMost: 50000 }
          - { metric: account.status, equals: HEALTHY, at: end, over: each }
          - { metric: events.bounce, above: -1, over: p(95) }
          - { metric: passed, equals: true }
          - { metric: events.delivery, equals: 0, over: mean }
          - { campaign: newsletter, completesWithin: 2d, over: ci95.upper }
          - { campaign: alerts, completesWithin: 1d, description: the alerts finish }
        output:
          interval: 15m
          events: false
        """

    /// An AWS CLI create-template input file.
    static let templateFile = """
        {"Template": {"TemplateName": "from-file", "SubjectPart": "Hi {{name}}", "TextPart": "Hello {{name}}"}}
        """

    /// A mistake, where the schema must report it, and a name for messages.
    struct Mistake: CustomStringConvertible, Sendable {
        var description: String
        /// YAML added to ``SchemaFixtures/minimal``.
        var yaml: String
        /// A JSON pointer at which the schema must report a failure.
        var pointer: String
    }

    static let mistakes: [Mistake] = [
        Mistake(description: "an unknown top-level key", yaml: "seeed: 3", pointer: "/seeed"),
        Mistake(
            description: "an unknown nested key", yaml: "account: { maxSendRat: 5 }",
            pointer: "/account/maxSendRat"),
        Mistake(description: "a seed that is not a number", yaml: "seed: abc", pointer: "/seed"),
        Mistake(description: "a fractional whole number", yaml: "seed: 2.5", pointer: "/seed"),
        Mistake(
            description: "a send rate out of range", yaml: "account: { maxSendRate: 0 }",
            pointer: "/account/maxSendRate"),
        Mistake(
            description: "a probability above 1", yaml: "delivery: { recipients: { hardBounce: 1.5 } }",
            pointer: "/delivery/recipients/hardBounce"),
        Mistake(
            description: "a duration without a unit", yaml: "output: { interval: 90 }",
            pointer: "/output/interval"),
        Mistake(
            description: "a misspelt duration unit", yaml: "output: { interval: 15x }",
            pointer: "/output/interval"),
        Mistake(
            description: "an unknown suppression reason",
            yaml: "account: { suppression: { reasons: [BOUNCES] } }",
            pointer: "/account/suppression/reasons/0"),
        Mistake(
            description: "a list where a mapping is expected", yaml: "reputation: [1, 2]",
            pointer: "/reputation"),
        Mistake(
            description: "an unknown event type",
            yaml: """
                configurationSets:
                  - name: cs
                    eventDestinations: [{ name: d, types: [bounced], sns: { topicArn: "arn:aws:sns:us-east-1:123456789012:t" } }]
                """,
            pointer: "/configurationSets/0/eventDestinations/0/types/0"),
        Mistake(
            description: "an event destination of two kinds",
            yaml: """
                configurationSets:
                  - name: cs
                    eventDestinations:
                      - name: d
                        types: [bounce]
                        firehose: { deliveryStream: s }
                        eventBridge: { eventBus: default }
                """,
            pointer: "/configurationSets/0/eventDestinations/0"),
        Mistake(
            description: "DeliveryDelay events to CloudWatch",
            yaml: """
                configurationSets:
                  - name: cs
                    eventDestinations:
                      - { name: d, types: [deliveryDelay], cloudWatch: { dimensions: [{ name: a, source: messageTag, default: b }] } }
                """,
            pointer: "/configurationSets/0/eventDestinations/0/types/0"),
        Mistake(
            description: "a key that does not apply to the executor",
            yaml: """
                traffic:
                  - name: c
                    api: SendEmail
                    from: a@example.com
                    content: { subject: s, text: t }
                    recipients: { list: [success@simulator.amazonses.com] }
                    schedule: { executor: once, every: 1d }
                """,
            pointer: "/traffic/0/schedule/every"),
        Mistake(
            description: "no retry attempts",
            yaml: """
                traffic:
                  - name: c
                    api: SendEmail
                    from: a@example.com
                    content: { subject: s, text: t }
                    recipients: { list: [success@simulator.amazonses.com] }
                    schedule: { executor: once }
                    retry: { maxAttempts: 0 }
                """,
            pointer: "/traffic/0/retry/maxAttempts"),
        Mistake(
            description: "content with SendRawEmail",
            yaml: """
                traffic:
                  - name: c
                    api: SendRawEmail
                    message: { text: "From: a@example.com\\n\\nx" }
                    content: { subject: s, text: t }
                    recipients: { list: [success@simulator.amazonses.com] }
                    schedule: { executor: once }
                """,
            pointer: "/traffic/0/content"),
        Mistake(
            description: "an attachment size in gigabytes",
            yaml: """
                traffic:
                  - name: c
                    api: SendRawEmail
                    message: { text: "From: a@example.com\\n\\nx", attachments: [{ name: a.bin, size: 1GB }] }
                    recipients: { list: [success@simulator.amazonses.com] }
                    schedule: { executor: once }
                """,
            pointer: "/traffic/0/message/attachments/0/size"),
        Mistake(
            description: "a template with SendEmail",
            yaml: """
                templates: [{ name: t, subject: s, text: x }]
                traffic:
                  - name: c
                    api: SendEmail
                    from: a@example.com
                    template: t
                    content: { subject: s, text: t }
                    recipients: { list: [success@simulator.amazonses.com] }
                    schedule: { executor: once }
                """,
            pointer: "/traffic/0/template"),
        Mistake(
            description: "recipients from a list and an audience",
            yaml: """
                traffic:
                  - name: c
                    api: SendEmail
                    from: a@example.com
                    content: { subject: s, text: t }
                    recipients: { list: [success@simulator.amazonses.com], audience: a }
                    schedule: { executor: once }
                """,
            pointer: "/traffic/0/recipients"),
        Mistake(
            description: "an expectation with two comparisons",
            yaml: "expect: [{ metric: events.send, below: 3, above: 1 }]",
            pointer: "/expect/0"),
        Mistake(
            description: "a bad metric path",
            yaml: "expect: [{ metric: 'ips[x]', equals: 1 }]",
            pointer: "/expect/0/metric"),
        Mistake(
            description: "an unknown over",
            yaml: "expect: [{ metric: events.send, equals: 1, over: median }]",
            pointer: "/expect/0/over"),
        Mistake(
            description: "a key that does not apply to the call",
            yaml:
                "actions: [{ at: +1m, call: UpdateAccountSendingEnabled, enabled: false, configurationSet: cs }]",
            pointer: "/actions/0/configurationSet"),
        Mistake(
            description: "an instant that is not one",
            yaml: "actions: [{ at: tomorrow, call: UpdateAccountSendingEnabled, enabled: false }]",
            pointer: "/actions/0/at"),
        Mistake(
            description: "a warm-up plan of one day",
            yaml: "dedicatedIps: { warmupPlan: [50000] }",
            pointer: "/dedicatedIps/warmupPlan"),
        Mistake(
            description: "an audience without providers",
            yaml: "audiences: [{ name: a, size: 10 }]",
            pointer: "/audiences/0"),
    ]
}
