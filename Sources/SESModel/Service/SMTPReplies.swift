import SESEvents

/// The SMTP texts that SES events quote: illustrative replies in the shapes
/// real providers use (docs/delivery-model.md lists them).
enum SMTPReplies {
    /// The provider's `250` reply to an accepted message.
    static func accepted(domain: String, unit: DeliveryUnit) -> String {
        switch domain {
        case "gmail.com", "googlemail.com":
            "250 2.0.0 OK  \(1_700_000_000 + Int(unit.member % 100_000_000)) - gsmtp"
        case "outlook.com", "hotmail.com", "live.com":
            "250 2.6.0 Queued mail for delivery"
        case "yahoo.com", "aol.com":
            "250 ok dirdel"
        default:
            "250 2.6.0 Message received"
        }
    }

    /// The enhanced status code of a deferral.
    static func delayStatus(_ type: DelayType) -> String {
        switch type {
        case .mailboxFull: "4.2.2"
        case .recipientServerError: "4.3.0"
        case .transientCommunicationFailure: "4.4.1"
        case .ipFailure, .spamDetected: "4.7.0"
        case .sendingDeferral: "4.7.0"
        case .internalFailure, .undetermined, .byoipHostNameLookupUnavailable: "4.0.0"
        case .general: "4.0.0"
        }
    }

    /// The diagnostic code of a deferral.
    static func delayDiagnostic(_ type: DelayType, outgoingIp: String) -> String {
        switch type {
        case .mailboxFull: "smtp; 452 4.2.2 The recipient's mailbox is full"
        case .recipientServerError: "smtp; 451 4.3.0 Temporary server error. Please try again later"
        case .transientCommunicationFailure: "smtp; 421 4.4.1 Unable to connect to remote host"
        case .ipFailure:
            "smtp; 421 4.7.0 [TSS04] Messages from \(outgoingIp) temporarily deferred due to unexpected volume or user complaints"
        case .spamDetected: "smtp; 421 4.7.0 Our system has detected an unusual rate of unsolicited mail"
        case .sendingDeferral: "Amazon SES has deemed it appropriate to internally defer the message."
        case .general: "smtp; 450 4.0.0 Temporary failure"
        case .internalFailure: "Amazon SES encountered an internal failure."
        case .undetermined: "Amazon SES could not determine the reason for the delay."
        case .byoipHostNameLookupUnavailable: "Amazon SES could not look up the DNS hostname for the IP."
        }
    }

    /// The Transient bounce subtype a message gets when it expires after a deferral of `type`.
    static func bounceSubType(afterDelay type: DelayType) -> BounceSubType {
        switch type {
        case .mailboxFull: .mailboxFull
        case .spamDetected: .contentRejected
        default: .general
        }
    }

    /// The SES host name of an outgoing IP, in SES's `a8-70.smtp-out.amazonses.com` shape.
    static func reportingHost(outgoingIp: String, region: String) -> String {
        let octets = outgoingIp.split(separator: ".")
        let name = octets.count == 4 ? "a\(octets[2])-\(octets[3])" : "a0-0"
        return region == "us-east-1"
            ? "\(name).smtp-out.amazonses.com" : "\(name).smtp-out.\(region).amazonses.com"
    }
}

/// User agents that Open and Click events report.
enum UserAgents {
    static func reader(_ provider: String, draw: UInt64) -> String {
        if provider == "gmail.com" || provider == "googlemail.com" {
            return "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)"
        }
        let agents = [
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
        ]
        return agents[Int(draw % UInt64(agents.count))]
    }

    /// The agent of a provider's feedback-loop report.
    static func feedbackReporter(_ provider: String) -> String {
        switch provider {
        case "yahoo.com", "aol.com": "Yahoo!-Mail-Feedback/2.0"
        case "outlook.com", "hotmail.com", "live.com": "Microsoft Junk Mail Reporting Program"
        default: "Feedback-Loop/1.0"
        }
    }
}

/// Addresses of the readers who open and click: the documentation range
/// 203.0.113.0/24 (RFC 5737).
enum ClientAddresses {
    static func address(for draw: UInt64) -> String { "203.0.113.\(1 + Int(draw % 254))" }
}
