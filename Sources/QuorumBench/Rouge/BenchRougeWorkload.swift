import QuorumCore

/// The synthetic, seeded inputs of `quorum bench rouge`, identical on every run.
struct BenchRougeWorkload {
    var pairs: [(a: String, b: String)] = []
    var stream: [String] = []
    var matrices: [[String]] = []

    static func make(streamSize: Int, pairCount: Int, matrixCount: Int, seed: UInt64) -> BenchRougeWorkload {
        var maker = TextMaker(seed: seed)
        var workload = BenchRougeWorkload()
        workload.stream = maker.instructionStream(count: streamSize, nearDuplicateShare: 0.1)
        workload.pairs = maker.pairs(count: pairCount)
        workload.matrices = (0..<matrixCount).map { _ in maker.candidateSet(size: 8, words: 200) }
        return workload
    }
}

/// Instruction-like text: a few frequent function words and a long Zipf tail of content
/// words, some of them real inflected English words so that the stemmer has work.
struct TextMaker {
    private var random: SeededRandom
    private let vocabulary: [String]
    private let cumulativeWeights: [Double]

    private static let verbs = [
        "Write", "Explain", "Classify", "Summarize", "Translate", "Generate", "List", "Describe",
        "Identify", "Rewrite", "Convert", "Find", "Create", "Suggest", "Compare", "Give", "Tell",
        "Determine", "Extract", "Answer", "Outline", "Evaluate", "Design", "Plan", "Correct",
    ]
    private static let functionWords = [
        "the", "a", "of", "to", "and", "in", "for", "is", "that", "with", "on", "as", "this",
        "be", "by", "an", "it", "from", "or", "are", "your", "you", "given", "following", "each",
    ]
    private static let englishWords = [
        "running", "generalization", "generalize", "skies", "dying", "lying", "news", "innings",
        "happiness", "relational", "conditional", "rational", "valenci", "digitizer", "operator",
        "feudalism", "decisiveness", "hopefulness", "callousness", "formality", "sensitivity",
        "sensibility", "triplicate", "formative", "formalize", "electricity", "electrical",
        "hopeful", "goodness", "revival", "allowance", "inference", "airliner", "adjustable",
        "defensible", "irritant", "replacement", "adjustment", "dependent", "adoption", "homologou",
        "communism", "activate", "angulariti", "homologous", "effective", "bowdlerize", "probate",
        "rate", "cease", "controll", "roll", "caresses", "ponies", "ties", "caress", "cats",
        "feed", "agreed", "plastered", "bled", "motoring", "sing", "conflated", "troubled", "sized",
        "hopping", "tanned", "falling", "hissing", "fizzed", "failing", "filing", "happy", "sky",
        "customer", "review", "sentiment", "recipe", "email", "sentence", "paragraph", "article",
        "question", "answers", "students", "teachers", "programming", "functions", "numbers",
        "countries", "cities", "movies", "products", "reasons", "steps", "examples", "ideas",
    ]

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
        var words = Self.functionWords + Self.englishWords
        var syllableRandom = SeededRandom(seed: seed ^ 0x5EED)
        let consonants = Array("bcdfghjklmnprstvwz")
        let vowels = Array("aeiou")
        var seen = Set(words)
        while words.count < 4000 {
            let syllables = Int.random(in: 1...4, using: &syllableRandom)
            var word = ""
            for _ in 0..<syllables {
                word.append(consonants.randomElement(using: &syllableRandom)!)
                word.append(vowels.randomElement(using: &syllableRandom)!)
                if Bool.random(using: &syllableRandom) { word.append(consonants.randomElement(using: &syllableRandom)!) }
            }
            if seen.insert(word).inserted { words.append(word) }
        }
        vocabulary = words
        var total = 0.0
        cumulativeWeights = words.indices.map { rank in
            total += 1 / Double(rank + 1)
            return total
        }
    }

    mutating func word() -> String {
        let target = Double.random(in: 0..<cumulativeWeights.last!, using: &random)
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] > target { high = middle } else { low = middle + 1 }
        }
        return vocabulary[low]
    }

    mutating func words(_ count: Int) -> [String] { (0..<count).map { _ in word() } }

    mutating func instruction() -> String {
        let length = Int.random(in: 8...30, using: &random)
        var words = [Self.verbs.randomElement(using: &random)!] + words(length - 1)
        if Int.random(in: 0..<4, using: &random) == 0 { words[words.count - 1] += "." }
        return words.joined(separator: " ")
    }

    /// Deletes, replaces or inserts a few words, or changes their case and punctuation.
    mutating func edited(_ text: String, edits: Int) -> String {
        var words = text.split(separator: " ").map(String.init)
        for _ in 0..<edits where words.count > 1 {
            let position = Int.random(in: 0..<words.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: words.remove(at: position)
            case 1: words[position] = word()
            case 2: words.insert(word(), at: position)
            default: words[position] = words[position].uppercased() + ","
            }
        }
        return words.joined(separator: " ")
    }

    mutating func instructionStream(count: Int, nearDuplicateShare: Double) -> [String] {
        var stream: [String] = []
        stream.reserveCapacity(count)
        for _ in 0..<count {
            if !stream.isEmpty && Double.random(in: 0..<1, using: &random) < nearDuplicateShare {
                let source = stream.randomElement(using: &random)!
                stream.append(edited(source, edits: Int.random(in: 1...3, using: &random)))
            } else {
                stream.append(instruction())
            }
        }
        return stream
    }

    /// LM outputs to one question: variants of a base answer.
    mutating func candidateSet(size: Int, words count: Int) -> [String] {
        let base = words(count).joined(separator: " ")
        return (0..<size).map { _ in edited(base, edits: Int.random(in: count / 10...count / 3, using: &random)) }
    }

    private static let unicodeFragments = [
        "café", "cafe\u{301}", "naïve", "İstanbul", "\u{212A}elvin", "ıi", "Straße", "STRASSE", "ẞ",
        "ΟΔΟΣ", "東京タワー", "北京", "ＡＢＣ１２３", "👩‍💻", "👍🏽", "🎉", "\u{200D}", "\u{200B}", "שלום",
        "مرحبا", "e\u{301}\u{302}", "Å", "\u{212B}", "x\u{3000}y", "a\u{85}b", "a\u{1C}b", "\u{A0}",
        "don't", "well-known", "snake_case", "3.14", "1,000", "x2ing", "20231", "—", "…", "\t", "\n",
    ]

    mutating func pairs(count: Int) -> [(a: String, b: String)] {
        (0..<count).map { index in
            if index % 50 == 7 {
                let length = Int.random(in: 300...800, using: &random)
                let a = words(length).joined(separator: " ")
                return (a, edited(a, edits: length / 8))
            }
            switch index % 10 {
            case 0...3:
                let a = instruction()
                return (a, edited(a, edits: Int.random(in: 0...6, using: &random)))
            case 4, 5:
                return (instruction(), instruction())
            case 6:
                let mixed = (0..<Int.random(in: 1...20, using: &random)).map { _ in
                    Bool.random(using: &random) ? Self.unicodeFragments.randomElement(using: &random)! : word()
                }
                let a = mixed.joined(separator: " ")
                return (a, edited(a, edits: 2))
            case 7, 8:
                let repeated = Array(repeating: word(), count: Int.random(in: 1...40, using: &random))
                return (repeated.joined(separator: " "), words(Int.random(in: 0...30, using: &random)).joined(separator: " "))
            default:
                let odd = ["", " ", "?!.,;", "\u{3000}", "the", "The THE the", "…"]
                return (odd.randomElement(using: &random)!, Bool.random(using: &random) ? odd.randomElement(using: &random)! : instruction())
            }
        }
    }
}
