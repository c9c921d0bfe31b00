extension TemplateParser {
    // MARK: Expressions

    mutating func expectClose(_ lexer: inout TagLexer, triple: Bool, tagStart: Int)
        throws(TemplateError) -> Bool
    {
        let token = try lexer.next()
        switch token.kind {
        case .close where !triple:
            position = lexer.position
            return token.strip
        case .closeUnescaped where triple:
            position = lexer.position
            return token.strip
        case .end:
            throw error("unclosed tag: expected '\(triple ? "}}}" : "}}")'", at: tagStart)
        default:
            throw error(
                "parse error: expected '\(triple ? "}}}" : "}}")', got \(token.kind.description)",
                at: token.start)
        }
    }

    func parseArguments(_ lexer: inout TagLexer, tagStart: Int, allowBlockParams: Bool)
        throws(TemplateError) -> TagArguments
    {
        let first = try lexer.next()
        var arguments = TagArguments(name: try parseExpression(first, &lexer, tagStart: tagStart))
        while true {
            let save = lexer.position
            let token = try lexer.next()
            switch token.kind {
            case .close, .closeUnescaped, .end:
                lexer.position = save
                return arguments
            case .openBlockParams:
                guard allowBlockParams else {
                    throw error("block parameters outside a block", at: token.start)
                }
                while true {
                    let name = try lexer.next()
                    if name.kind == .closeBlockParams { break }
                    guard name.kind == .identifier else {
                        throw error("invalid block parameter", at: name.start)
                    }
                    arguments.blockParams.append(name.text)
                }
                if arguments.blockParams.isEmpty { throw error("empty block parameters", at: token.start) }
                return arguments
            case .identifier:
                let afterIdentifier = lexer.position
                if (try? lexer.next())?.kind == .equals {
                    let valueToken = try lexer.next()
                    let value = try parseExpression(valueToken, &lexer, tagStart: tagStart)
                    arguments.hash.append(HashPair(key: token.text, value: value))
                    continue
                }
                lexer.position = afterIdentifier
                if !arguments.hash.isEmpty {
                    throw error("a parameter after hash arguments", at: token.start)
                }
                arguments.params.append(try parseExpression(token, &lexer, tagStart: tagStart))
            default:
                if !arguments.hash.isEmpty {
                    throw error("a parameter after hash arguments", at: token.start)
                }
                arguments.params.append(try parseExpression(token, &lexer, tagStart: tagStart))
            }
        }
    }

    func parseExpression(_ token: TagLexer.Token, _ lexer: inout TagLexer, tagStart: Int)
        throws(TemplateError) -> SyntaxExpression
    {
        switch token.kind {
        case .string: return .string(token.text)
        case .number: return .number(token.text)
        case .boolean: return .boolean(token.text == Array("true".utf8))
        case .null: return .null
        case .undefined: return .undefined
        case .identifier: return .path(try parsePath(first: token, &lexer, isData: false))
        case .data:
            let next = try lexer.next()
            guard next.kind == .identifier else { throw error("expected a name after '@'", at: token.start) }
            return .path(try parsePath(first: next, &lexer, isData: true))
        case .openSubexpression:
            throw error("subexpressions ((helper …)) are not supported", at: token.start)
        case .end:
            throw error("unclosed tag", at: tagStart)
        default:
            throw error("parse error: unexpected \(token.kind.description)", at: token.start)
        }
    }

    /// `ID (SEP ID)*`, then Handlebars' rules: `this`, `.` and `..` only at the start.
    private func parsePath(first: TagLexer.Token, _ lexer: inout TagLexer, isData: Bool) throws(TemplateError)
        -> PathExpression
    {
        var segments: [(text: [UInt8], literal: Bool, separator: UInt8?)] = [
            (first.text, first.isLiteral, nil)
        ]
        while true {
            let save = lexer.position
            guard let separator = try? lexer.next(), separator.kind == .separator else {
                lexer.position = save
                break
            }
            let part = try lexer.next()
            guard part.kind == .identifier else {
                throw error("expected a name after a path separator", at: part.start)
            }
            segments.append((part.text, part.isLiteral, separator.text.first))
        }
        var path = PathExpression(isData: isData)
        var original = isData ? "@" : ""
        for (index, segment) in segments.enumerated() {
            if let separator = segment.separator { original.unicodeScalars.append(Unicode.Scalar(separator)) }
            original += String(decoding: segment.text, as: UTF8.self)
            let word = String(decoding: segment.text, as: UTF8.self)
            if !segment.literal && (word == ".." || word == "." || word == "this") {
                if !path.parts.isEmpty {
                    throw error("invalid path: \(original)", at: first.start)
                }
                if word == ".." { path.depth += 1 }
                if index == 0 && word != ".." { path.isScoped = true }
            } else {
                path.parts.append(segment.text)
            }
        }
        path.original = original
        return path
    }

    func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }
}
