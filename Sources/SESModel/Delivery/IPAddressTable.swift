import SimCore

/// The IP addresses SES sends from — its shared pool, and later the
/// account's dedicated IPs — each with the host name SES reports for it,
/// computed once. Messages refer to them by index.
struct IPAddressTable: Sendable {
    private(set) var addresses: [String] = []
    private(set) var hosts: [String] = []
    /// The shared pool's slice of the table.
    private(set) var sharedPool: Range<Int32> = 0..<0

    /// SES's shared pool as sesim shows it: 16 addresses of the documentation
    /// range 198.51.100.0/24 (RFC 5737), so that no real SES address is implied.
    mutating func addSharedPool(region: String) {
        let first = Int32(addresses.count)
        for host in 10..<26 { add("198.51.100.\(host)", region: region) }
        sharedPool = first..<Int32(addresses.count)
    }

    /// Adds `address`, returning its index.
    @discardableResult
    mutating func add(_ address: String, region: String) -> Int32 {
        addresses.append(address)
        hosts.append(SMTPReplies.reportingHost(outgoingIp: address, region: region))
        return Int32(addresses.count - 1)
    }

    /// A shared-pool address for message `serial` (SES spreads shared sends).
    func sharedPoolAddress(for serial: UInt64) -> Int32 {
        sharedPool.lowerBound + Int32(SplitMix64.mix(serial) % UInt64(sharedPool.count))
    }

    func address(_ index: Int32) -> String { addresses[Int(index)] }
    func host(_ index: Int32) -> String { hosts[Int(index)] }
}
