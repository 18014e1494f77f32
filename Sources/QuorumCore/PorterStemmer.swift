/// Porter's suffix-stripping stemmer, giving exactly what NLTK 3.9.1 gives with
/// `nltk.stem.porter.PorterStemmer()` (its default mode, NLTK_EXTENSIONS), which is the
/// stemmer rouge-score runs when `use_stemmer=True`.
///
/// NLTK departs from the 1980 paper in several places, and every departure is kept here:
/// - a fixed table of irregular words is answered directly (`skies` → `sky`, `dying` → `die`,
///   `innings` → `inning`, `proceed` → `proceed`, …); the lookup uses the word as given,
///   before lowercasing;
/// - words of one or two characters come back unchanged (only lowercased);
/// - step 1a maps a four-letter word ending in `ies` to `…ie` (`ties` → `tie`);
/// - step 1b maps `ied` to `ie` in a four-letter word and to `i` otherwise, before any other
///   rule of the step;
/// - the `*o` condition (ends consonant-vowel-consonant) also holds for a two-character stem
///   that is vowel-consonant, with no exception for a final w, x or y;
/// - step 1c turns a final `y` into `i` only after a consonant, and only when that consonant is
///   not the first letter (`happy` → `happi`, `enjoy` and `by` stay);
/// - step 2 first rewrites `alli` to `al` (measure > 0) and runs step 2 again; it uses `bli` →
///   `ble` instead of the paper's `abli` → `able`, and adds `fulli` → `ful` and `logi` → `log`,
///   where the measure for `logi` is taken with the `l` kept on the stem;
/// - step 5b measures the word less one `l` rather than the stem.
/// Within a step the first suffix that matches decides: when its condition fails the step
/// leaves the word alone instead of trying a shorter suffix (`ement` before `ment` before `ent`).
///
/// Digits (and any other byte that is not a vowel letter or `y`) count as consonants, as in
/// NLTK. ASCII capitals are lowercased. Bytes above 0x7F are treated as consonants one byte at
/// a time, which differs from Python's per-character view; rouge-score never passes them.
///
/// The work is done in place on the output buffer: a stem is never longer than its word, so one
/// allocation per call suffices.
public struct PorterStemmer: Sendable {
    public init() {}

    public func stem(_ word: [UInt8]) -> [UInt8] {
        let count = word.count
        if count == 0 { return [] }
        return word.withUnsafeBufferPointer { source -> [UInt8] in
            let input = source.baseAddress!
            if let known = PorterWord.irregularStem(input, count) {
                return Array(UnsafeBufferPointer(start: known.utf8Start, count: known.utf8CodeUnitCount))
            }
            return [UInt8](unsafeUninitializedCapacity: count) { output, initialized in
                let bytes = output.baseAddress!
                for i in 0..<count {
                    let byte = input[i]
                    bytes[i] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                }
                var w = PorterWord(bytes: bytes, count: count)
                if count > 2 { w.stemInPlace() }
                initialized = w.count
            }
        }
    }

    public func stem(_ word: String) -> String {
        String(decoding: stem(Array(word.utf8)), as: UTF8.self)
    }
}

/// A word being stemmed: `count` bytes at `bytes`, shortened and rewritten by the steps.
private struct PorterWord {
    let bytes: UnsafeMutablePointer<UInt8>
    var count: Int

    // MARK: Letters

    @inline(__always)
    private static func isVowelLetter(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i")
            || c == UInt8(ascii: "o") || c == UInt8(ascii: "u")
    }

    /// Consonant test at position `i`: a `y` is a consonant at the start or after a vowel, a
    /// vowel after a consonant. Depends only on bytes 0...i.
    @inline(__always)
    private func isConsonant(_ i: Int) -> Bool {
        var j = i
        var flipped = false
        while bytes[j] == UInt8(ascii: "y") {
            if j == 0 { return !flipped }
            j -= 1
            flipped.toggle()
        }
        return Self.isVowelLetter(bytes[j]) == flipped
    }

    /// Porter's m of the first `length` bytes: how many vowel-to-consonant changes they contain.
    @inline(__always)
    private func measure(_ length: Int) -> Int {
        var m = 0
        var previousIsConsonant = true
        for i in 0..<length {
            let c = bytes[i]
            let consonant: Bool
            if Self.isVowelLetter(c) {
                consonant = false
            } else if c == UInt8(ascii: "y") {
                consonant = i == 0 || !previousIsConsonant
            } else {
                consonant = true
            }
            if consonant && !previousIsConsonant { m += 1 }
            previousIsConsonant = consonant
        }
        return m
    }

    @inline(__always)
    private func hasVowel(_ length: Int) -> Bool {
        var previousIsConsonant = true
        for i in 0..<length {
            let c = bytes[i]
            if Self.isVowelLetter(c) { return true }
            if c == UInt8(ascii: "y") {
                if i != 0 && previousIsConsonant { return true }
                previousIsConsonant = true
            } else {
                previousIsConsonant = true
            }
        }
        return false
    }

    /// `*d`: the first `length` bytes end in two equal consonants.
    @inline(__always)
    private func endsDoubleConsonant(_ length: Int) -> Bool {
        length >= 2 && bytes[length - 1] == bytes[length - 2] && isConsonant(length - 1)
    }

    /// `*o` as NLTK has it: consonant-vowel-consonant with the last not w, x or y, or else
    /// exactly two bytes, vowel then consonant (any consonant).
    @inline(__always)
    private func endsCVC(_ length: Int) -> Bool {
        if length >= 3 {
            let last = bytes[length - 1]
            return isConsonant(length - 3) && !isConsonant(length - 2) && isConsonant(length - 1)
                && last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != UInt8(ascii: "y")
        }
        return length == 2 && !isConsonant(0) && isConsonant(1)
    }

    // MARK: Suffixes

    @inline(__always)
    private func ends(_ suffix: StaticString) -> Bool {
        let k = suffix.utf8CodeUnitCount
        guard count >= k else { return false }
        let s = suffix.utf8Start
        let start = count - k
        for i in 0..<k where bytes[start + i] != s[i] { return false }
        return true
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) {
        let s = text.utf8Start
        for i in 0..<text.utf8CodeUnitCount { bytes[count + i] = s[i] }
        count += text.utf8CodeUnitCount
    }

    /// One rule of steps 2–4: when the word ends in `suffix`, the step is decided here; the
    /// suffix becomes `replacement` if the stem's measure exceeds `above`.
    @inline(__always)
    private mutating func rule(_ suffix: StaticString, _ replacement: StaticString, above: Int) -> Bool {
        guard ends(suffix) else { return false }
        let stemLength = count - suffix.utf8CodeUnitCount
        if measure(stemLength) > above {
            count = stemLength
            append(replacement)
        }
        return true
    }

    // MARK: Steps

    mutating func stemInPlace() {
        step1a()
        step1b()
        step1c()
        step2()
        step3()
        step4()
        step5()
    }

    private mutating func step1a() {
        guard bytes[count - 1] == UInt8(ascii: "s") else { return }
        if ends("sses") {
            count -= 2
        } else if ends("ies") {
            count -= count == 4 ? 1 : 2
        } else if !ends("ss") {
            count -= 1
        }
    }

    private mutating func step1b() {
        let stemLength: Int
        if ends("ed") {
            if ends("ied") {
                count -= count == 4 ? 1 : 2
                return
            }
            if ends("eed") {
                if measure(count - 3) > 0 { count -= 1 }
                return
            }
            guard hasVowel(count - 2) else { return }
            stemLength = count - 2
        } else if ends("ing") {
            guard hasVowel(count - 3) else { return }
            stemLength = count - 3
        } else {
            return
        }
        count = stemLength
        if ends("at") || ends("bl") || ends("iz") {
            append("e")
        } else if endsDoubleConsonant(count) {
            let last = bytes[count - 1]
            if last != UInt8(ascii: "l") && last != UInt8(ascii: "s") && last != UInt8(ascii: "z") {
                count -= 1
            }
        } else if measure(count) == 1 && endsCVC(count) {
            append("e")
        }
    }

    private mutating func step1c() {
        if count > 2 && bytes[count - 1] == UInt8(ascii: "y") && isConsonant(count - 2) {
            bytes[count - 1] = UInt8(ascii: "i")
        }
    }

    private mutating func step2() {
        guard count >= 3 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "l"):
            if rule("ational", "ate", above: 0) { return }
            _ = rule("tional", "tion", above: 0)
        case UInt8(ascii: "i"):
            switch bytes[count - 2] {
            case UInt8(ascii: "c"):
                if rule("enci", "ence", above: 0) { return }
                _ = rule("anci", "ance", above: 0)
            case UInt8(ascii: "l"):
                if ends("alli") {
                    // Becomes `…al`, which step 2 may then shorten again via (a)tional.
                    if measure(count - 4) > 0 {
                        count -= 2
                        step2()
                    }
                    return
                }
                if rule("bli", "ble", above: 0) { return }
                if rule("entli", "ent", above: 0) { return }
                if rule("eli", "e", above: 0) { return }
                if rule("ousli", "ous", above: 0) { return }
                _ = rule("fulli", "ful", above: 0)
            case UInt8(ascii: "t"):
                if rule("aliti", "al", above: 0) { return }
                if rule("iviti", "ive", above: 0) { return }
                _ = rule("biliti", "ble", above: 0)
            case UInt8(ascii: "g"):
                // The stem keeps its `l` while being measured.
                if ends("logi") && measure(count - 3) > 0 { count -= 1 }
            default:
                return
            }
        case UInt8(ascii: "r"):
            if rule("izer", "ize", above: 0) { return }
            _ = rule("ator", "ate", above: 0)
        case UInt8(ascii: "n"):
            if rule("ization", "ize", above: 0) { return }
            _ = rule("ation", "ate", above: 0)
        case UInt8(ascii: "m"):
            _ = rule("alism", "al", above: 0)
        case UInt8(ascii: "s"):
            if rule("iveness", "ive", above: 0) { return }
            if rule("fulness", "ful", above: 0) { return }
            _ = rule("ousness", "ous", above: 0)
        default:
            return
        }
    }

    private mutating func step3() {
        guard count >= 3 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "e"):
            if rule("icate", "ic", above: 0) { return }
            if rule("ative", "", above: 0) { return }
            _ = rule("alize", "al", above: 0)
        case UInt8(ascii: "i"):
            _ = rule("iciti", "ic", above: 0)
        case UInt8(ascii: "l"):
            if rule("ical", "ic", above: 0) { return }
            _ = rule("ful", "", above: 0)
        case UInt8(ascii: "s"):
            _ = rule("ness", "", above: 0)
        default:
            return
        }
    }

    private mutating func step4() {
        guard count >= 3 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "l"):
            _ = rule("al", "", above: 1)
        case UInt8(ascii: "e"):
            if rule("ance", "", above: 1) { return }
            if rule("ence", "", above: 1) { return }
            if rule("able", "", above: 1) { return }
            if rule("ible", "", above: 1) { return }
            if rule("ate", "", above: 1) { return }
            if rule("ive", "", above: 1) { return }
            _ = rule("ize", "", above: 1)
        case UInt8(ascii: "r"):
            _ = rule("er", "", above: 1)
        case UInt8(ascii: "c"):
            _ = rule("ic", "", above: 1)
        case UInt8(ascii: "t"):
            if rule("ant", "", above: 1) { return }
            if rule("ement", "", above: 1) { return }
            if rule("ment", "", above: 1) { return }
            _ = rule("ent", "", above: 1)
        case UInt8(ascii: "n"):
            if ends("ion") {
                let stemLength = count - 3
                if measure(stemLength) > 1 {
                    let before = bytes[stemLength - 1]
                    if before == UInt8(ascii: "s") || before == UInt8(ascii: "t") { count = stemLength }
                }
            }
        case UInt8(ascii: "u"):
            _ = rule("ou", "", above: 1)
        case UInt8(ascii: "m"):
            _ = rule("ism", "", above: 1)
        case UInt8(ascii: "i"):
            _ = rule("iti", "", above: 1)
        case UInt8(ascii: "s"):
            _ = rule("ous", "", above: 1)
        default:
            return
        }
    }

    /// Steps 5a (final `e`) and 5b (final `ll`).
    private mutating func step5() {
        guard count > 0 else { return }
        if bytes[count - 1] == UInt8(ascii: "e") {
            let m = measure(count - 1)
            if m > 1 || (m == 1 && !endsCVC(count - 1)) { count -= 1 }
        }
        if ends("ll") && measure(count - 1) > 1 { count -= 1 }
    }

    // MARK: Irregular words

    /// NLTK's table of irregular forms, matched against the word exactly as given.
    static func irregularStem(_ word: UnsafePointer<UInt8>, _ length: Int) -> StaticString? {
        @inline(__always) func isWord(_ s: StaticString) -> Bool {
            let p = s.utf8Start
            for i in 0..<length where word[i] != p[i] { return false }
            return true
        }
        switch length {
        case 3:
            if isWord("sky") { return "sky" }
        case 4:
            if isWord("news") { return "news" }
            if isWord("howe") { return "howe" }
        case 5:
            if isWord("skies") { return "sky" }
            if isWord("dying") { return "die" }
            if isWord("lying") { return "lie" }
            if isWord("tying") { return "tie" }
        case 6:
            if isWord("inning") { return "inning" }
            if isWord("outing") { return "outing" }
            if isWord("exceed") { return "exceed" }
        case 7:
            if isWord("innings") { return "inning" }
            if isWord("outings") { return "outing" }
            if isWord("canning") { return "canning" }
            if isWord("proceed") { return "proceed" }
            if isWord("succeed") { return "succeed" }
        case 8:
            if isWord("cannings") { return "canning" }
        default:
            break
        }
        return nil
    }
}
