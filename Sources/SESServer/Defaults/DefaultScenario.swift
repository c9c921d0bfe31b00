import ScenarioFormat

/// The account `sesim serve` runs when no scenario file is given: useful on
/// its own, and printed by `sesim serve --print-default` as a file to start
/// from (docs/serve.md, "The default account").
public enum DefaultScenario {
    /// The scenario file's text.
    public static let text = """
        # The account `sesim serve` runs when no scenario file is given
        # (`sesim serve --print-default` prints this file). Edit it and run
        # `sesim serve FILE` to change anything; docs/scenario-reference.md
        # lists every key.
        name: default
        description: >-
          A production SES account in us-east-1 that takes mail from any sender:
          the mailbox simulator answers as SES's does, other recipients are
          delivered after a short delay.
        seed: 1
        start: 2026-01-01T00:00:00Z
        # Ten years, the longest a scenario may run: the clock of `sesim serve`
        # can move that far. Leave `duration` out of a file meant only for
        # `sesim serve` to the same effect.
        duration: 3650d
        account:
          region: us-east-1
          accountId: "123456789012"
          sandbox: false
          maxSendRate: 14            # SES's commonly reported starting quota
          max24HourSend: 50000
          # Every sender is accepted as if its identity were verified, then
          # listed by ListEmailIdentities.
          autoVerifySenders: true
          # SES allows one control-plane call a second (CreateEmailTemplate,
          # GetAccount, …). In manual clock mode a test's setup calls all happen
          # at one instant, so the default account lifts that limit; the sending
          # rate and the daily quota still apply.
          controlPlaneRate: unlimited
        delivery:
          recipients:                # recipients other than the mailbox simulator
            deliveryDelay: { median: 1s, p99: 10s }
        output:
          interval: 1h

        """

    /// The default scenario, loaded.
    public static func load() throws -> Scenario {
        try ScenarioLoader(durationOptional: true).load(text: text, file: "<default>")
    }
}
