extension FilterExpression {
    /// Parses `status = pending and (margin < 0.05 or not rule = exact) and text ~ "recipe"`.
    /// Words are case-insensitive except inside quotes; `and` binds tighter than `or`; a
    /// comma-separated value (`status = pending,edited`) matches any of its parts.
    ///
    /// Shorthands: a status or a comma-separated list of them alone (`pending,edited`) means
    /// `status = …`; `review` means `status = pending,streaming`; `fragile` means
    /// `fragility >= fragileAbove`. `has:note`, `has:edit` and `contested` stand alone too.
    public static func parse(_ text: String, fragileAbove: Double = 0.5) throws(FilterSyntaxError) -> FilterExpression {
        var parser = FilterParser(tokens: try FilterTokenizer.tokens(text), fragileAbove: fragileAbove)
        guard parser.current.kind != .end else {
            throw FilterSyntaxError(offset: 0, "the filter is empty")
        }
        let expression = try parser.orExpression()
        guard parser.current.kind == .end else {
            throw FilterSyntaxError(offset: parser.current.offset, "expected \"and\", \"or\" or the end of the filter")
        }
        return expression
    }
}

private struct FilterParser {
    let tokens: [FilterToken]
    let fragileAbove: Double
    var position = 0

    init(tokens: [FilterToken], fragileAbove: Double) {
        self.tokens = tokens
        self.fragileAbove = fragileAbove
    }

    var current: FilterToken { tokens[position] }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    private func isKeyword(_ keyword: String) -> Bool {
        if case .word(let word) = current.kind { return word.lowercased() == keyword }
        return false
    }

    mutating func orExpression() throws(FilterSyntaxError) -> FilterExpression {
        var expression = try andExpression()
        while isKeyword("or") {
            advance()
            expression = .or(expression, try andExpression())
        }
        return expression
    }

    mutating func andExpression() throws(FilterSyntaxError) -> FilterExpression {
        var expression = try notExpression()
        while isKeyword("and") {
            advance()
            expression = .and(expression, try notExpression())
        }
        return expression
    }

    mutating func notExpression() throws(FilterSyntaxError) -> FilterExpression {
        if isKeyword("not") {
            advance()
            return .not(try notExpression())
        }
        return try primary()
    }

    mutating func primary() throws(FilterSyntaxError) -> FilterExpression {
        let token = current
        switch token.kind {
        case .open:
            advance()
            let inner = try orExpression()
            guard current.kind == .close else {
                throw FilterSyntaxError(offset: current.offset, "expected \")\" to close the \"(\" at character \(token.offset + 1)")
            }
            advance()
            return inner
        case .word(let word):
            advance()
            let lowered = word.lowercased()
            if let flag = FilterFlag.allCases.first(where: { $0.spelling == lowered }) { return .has(flag) }
            if lowered.hasPrefix("has:") {
                throw FilterSyntaxError(offset: token.offset, "unknown \"\(word)\" (" + Self.flagSpellings + ")")
            }
            if let shorthand = shorthand(lowered) { return shorthand }
            guard let field = FilterField(rawValue: lowered) else {
                throw FilterSyntaxError(
                    offset: token.offset,
                    "unknown field \"\(word)\" (fields: " + FilterField.allCases.map(\.rawValue).joined(separator: ", ")
                        + ", " + Self.flagSpellings + ")")
            }
            return try comparison(of: field, at: token.offset)
        case .quoted:
            throw FilterSyntaxError(offset: token.offset, "expected a field before a quoted text")
        case .op(let op):
            throw FilterSyntaxError(offset: token.offset, "expected a field before \"\(op.rawValue)\"")
        case .close:
            throw FilterSyntaxError(offset: token.offset, "this \")\" closes nothing")
        case .end:
            throw FilterSyntaxError(offset: token.offset, "the filter ends where a field was expected")
        }
    }

    private static let flagSpellings = FilterFlag.allCases.map(\.spelling).joined(separator: ", ")

    /// What a word means alone, when it is not followed by an operator.
    private func shorthand(_ word: String) -> FilterExpression? {
        if case .op = current.kind { return nil }
        switch word {
        case "fragile": return .comparison(.fragility, .greaterOrEqual, .number(fragileAbove))
        case "review": return .comparison(.status, .equal, .texts(["pending", "streaming"]))
        default: break
        }
        guard case .word(let statuses) = FilterField.status.kind else { return nil }
        let parts = word.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy(statuses.contains) else { return nil }
        return .comparison(.status, .equal, .texts(parts))
    }

    private mutating func comparison(of field: FilterField, at offset: Int) throws(FilterSyntaxError) -> FilterExpression {
        guard case .op(let op) = current.kind else {
            throw FilterSyntaxError(
                offset: current.offset, "expected " + field.operators.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                    + " after \(field.rawValue)")
        }
        guard field.operators.contains(op) else {
            throw FilterSyntaxError(
                offset: current.offset, "\(field.rawValue) takes " + field.operators.map { "\"\($0.rawValue)\"" }
                    .joined(separator: ", ") + ", not \"\(op.rawValue)\"")
        }
        advance()
        let valueToken = current
        let raw: String
        switch valueToken.kind {
        case .word(let word): raw = word
        case .quoted(let text): raw = text
        default:
            throw FilterSyntaxError(offset: valueToken.offset, "expected a value after \"\(op.rawValue)\"")
        }
        advance()
        return .comparison(field, op, try value(raw, isQuoted: valueToken.kind == .quoted(raw), for: field, at: valueToken.offset))
    }

    private func value(_ raw: String, isQuoted: Bool, for field: FilterField, at offset: Int) throws(FilterSyntaxError) -> FilterValue {
        switch field.kind {
        case .word(let allowed):
            let parts = raw.split(separator: ",", omittingEmptySubsequences: false).map { $0.lowercased() }
            for part in parts where !allowed.contains(part) {
                throw FilterSyntaxError(
                    offset: offset, "\(field.rawValue) is one of " + allowed.joined(separator: ", ") + ", not \"\(part)\"")
            }
            return .texts(parts)
        case .text:
            return .texts(isQuoted ? [raw] : raw.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        case .number:
            guard let number = Double(raw), number.isFinite else {
                throw FilterSyntaxError(offset: offset, "\(field.rawValue) compares with a number, not \"\(raw)\"")
            }
            return .number(number)
        case .integer:
            guard let number = Int64(raw) else {
                throw FilterSyntaxError(offset: offset, "\(field.rawValue) compares with a whole number, not \"\(raw)\"")
            }
            return .number(Double(number))
        }
    }
}
