/// A JSON parser purpose-built for template data: one pass, no recursion (an explicit
/// stack of open containers), strict RFC 8259 grammar, UTF-8 validated, into a
/// ``TemplateData``. Reuse one parser and one ``TemplateData`` across recipients and a
/// parse allocates nothing once their capacities have grown.
public struct TemplateDataParser: Sendable {
    /// Containers may nest at most this deep (Jackson's default limit, which SES's
    /// JVM back end most likely shares); deeper data is `InvalidRenderingParameter`.
    public static let maximumDepth = 1_000

    /// `TemplateData` and `ReplacementTemplateData` are at most 262,144 characters
    /// (SES API shapes), counted here in UTF-16 code units as the JVM counts them.
    public static let maximumRenderingDataCharacters = 262_144

    var stack: [UInt32] = []

    public init() {}

    /// Parses SES rendering data into `data`: a JSON object of at most
    /// ``maximumRenderingDataCharacters`` characters; anything else throws
    /// `InvalidRenderingParameter`.
    public mutating func parseRenderingData(_ json: [UInt8], into data: inout TemplateData)
        throws(TemplateError)
    {
        try json.withUnsafeBufferPointer { (buffer) throws(TemplateError) in
            try parseRenderingData(buffer, into: &data)
        }
    }

    /// ``parseRenderingData(_:into:)`` over raw bytes.
    public mutating func parseRenderingData(_ json: UnsafeBufferPointer<UInt8>, into data: inout TemplateData)
        throws(TemplateError)
    {
        if json.count > Self.maximumRenderingDataCharacters
            && Self.utf16Length(json) > Self.maximumRenderingDataCharacters
        {
            throw TemplateError(
                .invalidRenderingParameter,
                "Template data is longer than \(Self.maximumRenderingDataCharacters) characters.")
        }
        try parse(json, into: &data)
        if data.rootKind != .object {
            throw TemplateError(.invalidRenderingParameter, "Template data must be a JSON object.")
        }
    }

    /// Parses any JSON value into `data` (the root need not be an object: the
    /// conformance run renders against strings, numbers and arrays too).
    public mutating func parse(_ json: [UInt8], into data: inout TemplateData) throws(TemplateError) {
        try json.withUnsafeBufferPointer { (buffer) throws(TemplateError) in try parse(buffer, into: &data) }
    }

    /// ``parse(_:into:)`` over raw bytes.
    public mutating func parse(_ json: UnsafeBufferPointer<UInt8>, into data: inout TemplateData)
        throws(TemplateError)
    {
        data.nodes.removeAll(keepingCapacity: true)
        data.storage.removeAll(keepingCapacity: true)
        data.storage.append(contentsOf: json)
        stack.removeAll(keepingCapacity: true)
        do {
            try parseValues(json, into: &data)
        } catch let failure {
            // Leave `data` a valid (empty-object) tree after a failure.
            data.nodes.removeAll(keepingCapacity: true)
            data.nodes.append(
                TemplateData.Node(
                    kind: .object, flag: false, start: 0, count: 0, end: 1, keyStart: 0, keyCount: 0))
            throw failure
        }
    }

}

extension TemplateData {
    /// Parses any JSON value (throws `InvalidRenderingParameter` on invalid JSON).
    public init(json: some Collection<UInt8>) throws(TemplateError) {
        self.init()
        var parser = TemplateDataParser()
        try parser.parse(Array(json), into: &self)
    }

    /// Parses any JSON value from text.
    public init(json: String) throws(TemplateError) {
        try self.init(json: Array(json.utf8))
    }

    /// Parses SES rendering data: a JSON object of at most 262,144 characters, else
    /// `InvalidRenderingParameter`.
    public init(renderingData json: some Collection<UInt8>) throws(TemplateError) {
        self.init()
        var parser = TemplateDataParser()
        try parser.parseRenderingData(Array(json), into: &self)
    }

    /// Parses SES rendering data from text.
    public init(renderingData json: String) throws(TemplateError) {
        try self.init(renderingData: Array(json.utf8))
    }
}
