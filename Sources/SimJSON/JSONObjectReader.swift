/// Reads the members of a JSON object strictly: each member by name and
/// type, and ``finish()`` reports any member not read (an unknown key).
package struct JSONObjectReader {
    private let members: [String: JSONValue]
    private var read: Set<String> = []
    private let what: String
    private let isObject: Bool

    /// A reader of `value`, described as `what` (`a replication`) in errors.
    package init(_ value: JSONValue, what: String) {
        if case .object(let members) = value {
            self.members = members
            isObject = true
        } else {
            members = [:]
            isObject = false
        }
        self.what = what
    }

    /// A reader of the JSON object in `text`.
    package init(parsing text: some StringProtocol, what: String) throws(JSONReadError) {
        do {
            self.init(try JSONParser.parse(text), what: what)
        } catch {
            throw JSONReadError("\(what) is not JSON: \(error)")
        }
    }

    /// The member `key`, if present.
    package mutating func optional(_ key: String) -> JSONValue? {
        read.insert(key)
        return members[key]
    }

    package mutating func required(_ key: String) throws(JSONReadError) -> JSONValue {
        guard isObject else { throw JSONReadError("\(what) is not a JSON object") }
        guard let value = optional(key) else { throw JSONReadError("\(what) has no '\(key)'") }
        return value
    }

    private func mistyped(_ key: String, _ expected: String) -> JSONReadError {
        JSONReadError("\(what): '\(key)' is not \(expected)")
    }

    package mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(JSONReadError) -> Int {
        guard case .integer(let number) = try required(key), let value = Int(exactly: number),
            range.contains(value)
        else { throw mistyped(key, "a whole number from \(range.lowerBound) to \(range.upperBound)") }
        return value
    }

    package mutating func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws(JSONReadError)
        -> Int?
    {
        members[key] == nil ? nil : try integer(key, in: range)
    }

    package mutating func number(_ key: String) throws(JSONReadError) -> Double {
        guard let number = try required(key).numberValue else { throw mistyped(key, "a number") }
        return number
    }

    package mutating func string(_ key: String) throws(JSONReadError) -> String {
        guard case .string(let text) = try required(key) else { throw mistyped(key, "a string") }
        return text
    }

    package mutating func optionalString(_ key: String) throws(JSONReadError) -> String? {
        members[key] == nil ? nil : try string(key)
    }

    package mutating func bool(_ key: String) throws(JSONReadError) -> Bool {
        guard case .bool(let flag) = try required(key) else { throw mistyped(key, "true or false") }
        return flag
    }

    package mutating func array(_ key: String) throws(JSONReadError) -> [JSONValue] {
        guard case .array(let items) = try required(key) else { throw mistyped(key, "a list") }
        return items
    }

    package mutating func object(_ key: String) throws(JSONReadError) -> [String: JSONValue] {
        guard case .object(let object) = try required(key) else { throw mistyped(key, "an object") }
        return object
    }

    /// An object whose members are all strings.
    package mutating func stringMap(_ key: String) throws(JSONReadError) -> [String: String] {
        var result: [String: String] = [:]
        for (name, member) in try object(key) {
            guard case .string(let text) = member else { throw mistyped("\(key).\(name)", "a string") }
            result[name] = text
        }
        return result
    }

    /// An object whose members are all numbers.
    package mutating func numberMap(_ key: String) throws(JSONReadError) -> [String: Double] {
        var result: [String: Double] = [:]
        for (name, member) in try object(key) {
            guard let number = member.numberValue else { throw mistyped("\(key).\(name)", "a number") }
            result[name] = number
        }
        return result
    }

    /// Reports a member that was never read.
    package func finish() throws(JSONReadError) {
        guard isObject else { throw JSONReadError("\(what) is not a JSON object") }
        if let unknown = members.keys.sorted().first(where: { !read.contains($0) }) {
            throw JSONReadError("\(what) has an unknown member '\(unknown)'")
        }
    }
}

/// Why a JSON document could not be read as the object expected: names the
/// document (`a replication`) and the member.
package struct JSONReadError: Error, Sendable, CustomStringConvertible {
    package let message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
