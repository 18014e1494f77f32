/// The words of a filter: bare words, quoted texts, operators and parentheses, each with the
/// character offset it starts at.
struct FilterToken: Equatable {
    enum Kind: Equatable {
        case word(String)
        case quoted(String)
        case op(FilterOperator)
        case open, close
        case end
    }

    var kind: Kind
    var offset: Int
}

enum FilterTokenizer {
    static func tokens(_ text: String) throws(FilterSyntaxError) -> [FilterToken] {
        let characters = Array(text)
        var tokens: [FilterToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
                continue
            }
            let start = index
            switch character {
            case "(":
                tokens.append(FilterToken(kind: .open, offset: start))
                index += 1
            case ")":
                tokens.append(FilterToken(kind: .close, offset: start))
                index += 1
            case "\"":
                index += 1
                var value = ""
                while true {
                    guard index < characters.count else {
                        throw FilterSyntaxError(offset: start, "this quote is never closed")
                    }
                    let next = characters[index]
                    index += 1
                    if next == "\"" { break }
                    if next == "\\" {
                        guard index < characters.count else {
                            throw FilterSyntaxError(offset: index - 1, "a backslash ends the filter")
                        }
                        value.append(characters[index])
                        index += 1
                    } else {
                        value.append(next)
                    }
                }
                tokens.append(FilterToken(kind: .quoted(value), offset: start))
            case "=", "~", "<", ">", "!":
                let followedByEqual = index + 1 < characters.count && characters[index + 1] == "="
                let symbol = String(character) + (followedByEqual && character != "=" && character != "~" ? "=" : "")
                guard let op = FilterOperator(rawValue: symbol) else {
                    throw FilterSyntaxError(offset: start, "\"!\" must be followed by \"=\"")
                }
                tokens.append(FilterToken(kind: .op(op), offset: start))
                index += symbol.count
            default:
                var word = ""
                while index < characters.count, Self.isWordCharacter(characters[index]) {
                    word.append(characters[index])
                    index += 1
                }
                tokens.append(FilterToken(kind: .word(word), offset: start))
            }
        }
        tokens.append(FilterToken(kind: .end, offset: characters.count))
        return tokens
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        !character.isWhitespace && !"()\"=~<>!".contains(character)
    }
}
