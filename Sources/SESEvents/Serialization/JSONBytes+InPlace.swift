extension JSONBytes {
    // Strings read in place. Passing a string that lives in an array or an
    // object to a function copies it, and a copy is a retain and a release:
    // two atomic writes to the string's storage. The record path reads every
    // string of its message this way instead (about twenty fewer pairs an
    // event); `inout` here only borrows the storage, nothing is changed.

    /// Appends `text` as ``appendString(_:to:)`` does, read in place.
    @usableFromInline @inline(__always)
    static func appendString(inPlace text: inout String, to buffer: inout OutputBuffer) {
        buffer.append(UInt8(ascii: "\""))
        if _fastPath(text.isContiguousUTF8) {
            // Mutating only to make a string contiguous, which this one is.
            text.withUTF8 { appendEscaped(bytes: UnsafeRawBufferPointer($0), to: &buffer) }
        } else {
            appendEscapedNonContiguous(text, to: &buffer)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends `"key":"<escaped text>"` when `text` is not nil, read in place.
    @inline(__always)
    static func appendOptionalField(
        _ key: StaticString, inPlace text: inout String?, to buffer: inout OutputBuffer
    ) {
        guard text != nil else { return }
        appendRaw(key, to: &buffer)
        appendString(inPlace: &text!, to: &buffer)
    }

    /// Appends `values` as a JSON array of strings, read in place.
    @inline(__always)
    static func appendStringArray(inPlace values: inout [String], to buffer: inout OutputBuffer) {
        buffer.append(UInt8(ascii: "["))
        appendStringElements(of: values, to: &buffer)
        buffer.append(UInt8(ascii: "]"))
    }

    /// Appends the elements of `values`, separated by commas, each read in
    /// place in the array's storage.
    @usableFromInline @inline(__always)
    static func appendStringElements(of values: [String], to buffer: inout OutputBuffer) {
        values.withUnsafeBufferPointer { values in
            guard let first = values.baseAddress else { return }
            // Only read: the strings are borrowed for `withUTF8`, not changed.
            let element = UnsafeMutablePointer(mutating: first)
            for index in values.indices {
                if index > 0 { buffer.append(UInt8(ascii: ",")) }
                appendString(inPlace: &element[index], to: &buffer)
            }
        }
    }
}
