import Foundation

/// Tiny scenarios written to temporary folders, for sweep tests.
enum SweepFixtures {
    /// A scenario of 40 recipients over 30 simulated minutes: a throttled
    /// campaign with retries, some hard bounces, and expectations of each kind.
    static func scenario(name: String = "tiny", sendRate: Double = 14, extraExpectations: String = "")
        -> String
    {
        """
        name: \(name)
        seed: 7
        start: 2026-03-01T09:00:00Z
        duration: 30m
        account:
          maxSendRate: \(sendRate)
          identities: [example.com]
        audiences:
          - name: list
            size: 40
            hardBounce: 0.05
            providers:
              - { domain: gmail.com, share: 3 }
              - { domain: yahoo.com, share: 1 }
        traffic:
          - name: promo
            api: SendEmail
            from: news@example.com
            content: { subject: Hi, text: Hello }
            recipients: { audience: list }
            schedule: { executor: once, start: +1m }
            retry: { maxAttempts: 10, backoff: 1s }
        expect:
          - { metric: events.bounce, below: 8 }
          - { metric: events.bounce, below: 5, over: ci95.upper }
          - { campaign: promo, completesWithin: 20m, over: p(95) }
        \(extraExpectations)
        """
    }

    /// A new empty temporary folder.
    static func temporaryDirectory() -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent(
            "sesim-sweeps-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to `name` in a new temporary folder; returns its path.
    static func write(_ text: String, named name: String = "scenario.yaml", in directory: String? = nil)
        -> String
    {
        let folder = directory ?? temporaryDirectory()
        let path = (folder as NSString).appendingPathComponent(name)
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The bytes of `name` in `directory`.
    static func contents(_ directory: String, _ name: String) -> Data? {
        FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(name))
    }

    /// The names of the files in `directory`, sorted.
    static func files(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}
