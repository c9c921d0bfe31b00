import Hummingbird
import SESModel
import SimJSON

extension V2Routes {
    func registerDedicatedIPs(on group: RouterGroup<ServerContext>) {
        group.get("dedicated-ips") { request, _ in
            let paging = try Paging(request: request, defaultSize: 100, maximum: 1_000)
            let pool = request.uri.queryParameters.get("PoolName")
            guard case .dedicatedIps(let ips) = try await perform(.getDedicatedIps(pool: pool)) else {
                throw V2Error.badRequest("unexpected answer")
            }
            let page = paging.page(ips)
            var members: [String: JSONValue] = ["DedicatedIps": .array(page.items.map(Self.dedicatedIPJSON))]
            if let next = page.nextToken { members["NextToken"] = .string(next) }
            return jsonResponse(.object(members))
        }
        group.get("dedicated-ips/:IP") { _, context in
            guard
                case .dedicatedIp(let ip) = try await perform(
                    .getDedicatedIp(try Self.parameter("IP", of: context)))
            else { throw V2Error.badRequest("unexpected answer") }
            return jsonResponse(.object(["DedicatedIp": Self.dedicatedIPJSON(ip)]))
        }
        group.put("dedicated-ips/:IP/warmup") { request, context in
            let ip = try Self.parameter("IP", of: context)
            let input = try await JSONInput.read(request)
            guard let percentage = try input.integer("WarmupPercentage") else {
                throw input.missing("WarmupPercentage")
            }
            return try await performEmpty(
                .putDedicatedIpWarmupAttributes(ip: ip, warmupPercentage: Int(clamping: percentage)))
        }
        group.get("dedicated-ip-pools") { request, _ in
            let paging = try Paging(request: request, defaultSize: 100, maximum: 1_000)
            guard case .names(let names) = try await perform(.listDedicatedIpPools) else {
                throw V2Error.badRequest("unexpected answer")
            }
            let page = paging.page(names)
            var members: [String: JSONValue] = ["DedicatedIpPools": .array(page.items.map { .string($0) })]
            if let next = page.nextToken { members["NextToken"] = .string(next) }
            return jsonResponse(.object(members))
        }
        group.get("dedicated-ip-pools/:PoolName") { _, context in
            guard
                case .dedicatedIpPool(let pool) = try await perform(
                    .getDedicatedIpPool(try Self.parameter("PoolName", of: context)))
            else { throw V2Error.badRequest("unexpected answer") }
            return jsonResponse(
                .object([
                    "DedicatedIpPool": .object([
                        "PoolName": .string(pool.name), "ScalingMode": .string(pool.scalingMode),
                    ])
                ]))
        }
    }

    static func dedicatedIPJSON(_ ip: DedicatedIPState) -> JSONValue {
        .object([
            "Ip": .string(ip.ip), "WarmupStatus": .string(ip.warmupStatus.rawValue),
            "WarmupPercentage": .int(ip.warmupPercentage), "PoolName": .string(ip.poolName),
        ])
    }
}
