/// A JSON object kept as its members' JSON texts, in order: template data
/// from a scenario file, ready to be written out or merged key by key.
public struct JSONObjectText: Hashable, Sendable {
    /// Each member's key and its value as JSON text.
    public var members: [Member]

    public struct Member: Hashable, Sendable {
        public var key: String
        public var json: String

        public init(key: String, json: String) {
            self.key = key
            self.json = json
        }
    }

    public init(members: [Member]) {
        self.members = members
    }

    /// The object as JSON text.
    public var text: String {
        var output = "{"
        for (index, member) in members.enumerated() {
            if index > 0 { output += "," }
            JSONValue.writeString(member.key, to: &output)
            output += ":"
            output += member.json
        }
        return output + "}"
    }

    /// This object with `other`'s members added, replacing members of the same key.
    public func merging(_ other: [Member]) -> JSONObjectText {
        var merged = members.filter { member in !other.contains { $0.key == member.key } }
        merged.append(contentsOf: other)
        return JSONObjectText(members: merged)
    }
}
