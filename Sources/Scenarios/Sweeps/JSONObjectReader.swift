/// Reads the members of a JSON object strictly: each member by name and
/// type, and ``finish()`` reports any member not read (an unknown key).
struct JSONObjectReader {
    private let members: [String: JSONValue]
    private var read: Set<String> = []
    private let what: String
    private let isObject: Bool

    /// A reader of `value`, described as `what` (`a replication`) in errors.
    init(_ value: JSONValue, what: String) {
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
    init(parsing text: some StringProtocol, what: String) throws(SweepError) {
        do {
            self.init(try JSONParser.parse(text), what: what)
        } catch {
            throw SweepError("\(what) is not JSON: \(error)")
        }
    }

    /// The member `key`, if present.
    mutating func optional(_ key: String) -> JSONValue? {
        read.insert(key)
        return members[key]
    }

    mutating func required(_ key: String) throws(SweepError) -> JSONValue {
        guard isObject else { throw SweepError("\(what) is not a JSON object") }
        guard let value = optional(key) else { throw SweepError("\(what) has no '\(key)'") }
        return value
    }

    private func mistyped(_ key: String, _ expected: String) -> SweepError {
        SweepError("\(what): '\(key)' is not \(expected)")
    }

    mutating func integer(_ key: String, in range: ClosedRange<Int>) throws(SweepError) -> Int {
        guard case .integer(let number) = try required(key), let value = Int(exactly: number),
            range.contains(value)
        else { throw mistyped(key, "a whole number from \(range.lowerBound) to \(range.upperBound)") }
        return value
    }

    mutating func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws(SweepError) -> Int? {
        members[key] == nil ? nil : try integer(key, in: range)
    }

    mutating func number(_ key: String) throws(SweepError) -> Double {
        guard let number = try required(key).numberValue else { throw mistyped(key, "a number") }
        return number
    }

    mutating func string(_ key: String) throws(SweepError) -> String {
        guard case .string(let text) = try required(key) else { throw mistyped(key, "a string") }
        return text
    }

    mutating func optionalString(_ key: String) throws(SweepError) -> String? {
        members[key] == nil ? nil : try string(key)
    }

    mutating func bool(_ key: String) throws(SweepError) -> Bool {
        guard case .bool(let flag) = try required(key) else { throw mistyped(key, "true or false") }
        return flag
    }

    mutating func array(_ key: String) throws(SweepError) -> [JSONValue] {
        guard case .array(let items) = try required(key) else { throw mistyped(key, "a list") }
        return items
    }

    mutating func object(_ key: String) throws(SweepError) -> [String: JSONValue] {
        guard case .object(let object) = try required(key) else { throw mistyped(key, "an object") }
        return object
    }

    /// An object whose members are all strings.
    mutating func stringMap(_ key: String) throws(SweepError) -> [String: String] {
        var result: [String: String] = [:]
        for (name, member) in try object(key) {
            guard case .string(let text) = member else { throw mistyped("\(key).\(name)", "a string") }
            result[name] = text
        }
        return result
    }

    /// An object whose members are all numbers.
    mutating func numberMap(_ key: String) throws(SweepError) -> [String: Double] {
        var result: [String: Double] = [:]
        for (name, member) in try object(key) {
            guard let number = member.numberValue else { throw mistyped("\(key).\(name)", "a number") }
            result[name] = number
        }
        return result
    }

    /// Reports a member that was never read.
    func finish() throws(SweepError) {
        guard isObject else { throw SweepError("\(what) is not a JSON object") }
        if let unknown = members.keys.sorted().first(where: { !read.contains($0) }) {
            throw SweepError("\(what) has an unknown member '\(unknown)'")
        }
    }
}
