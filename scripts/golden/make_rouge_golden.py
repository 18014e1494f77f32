#!/usr/bin/env python3
"""Golden test vectors for Quorum's text core, produced by the real packages.

Writes three fixtures (default directory: Tests/QuorumCoreTests/Fixtures):

  rouge_pairs.jsonl     Rouge-L F of (target a, prediction b) from rouge-score
                        0.1.2, without and with the Porter stemmer, plus the
                        tokens rouge-score's own tokenizer produces.
  porter_words.tsv      word<TAB>stem from NLTK 3.9.1's PorterStemmer
                        (mode NLTK_EXTENSIONS) for lowercase [a-z0-9]+ words.
  consensus_sets.jsonl  the project's consensus rule (DESIGN.md, section 1)
                        over candidate sets, computed by the reference
                        implementation below on top of rouge-score.

Floats are written as the 16 hex digits of their IEEE-754 binary64 bits,
big-endian (struct.pack(">d", x).hex()), so the Swift tests compare bit for
bit. Everything is generated from fixed seeds: two runs give identical bytes.

Run:  "$(scripts/python-venv.sh)" scripts/golden/make_rouge_golden.py [--out DIR]

porter_words.tsv also reads Debian's word lists (packages wamerican,
wbritish, wamerican-large) from /usr/share/dict.
"""

import argparse
import hashlib
import json
import math
import multiprocessing
import os
import random
import re
import string
import struct
import sys
from fractions import Fraction
from importlib import metadata
from pathlib import Path

PINNED = {"rouge-score": "0.1.2", "nltk": "3.9.1"}
for _name, _version in PINNED.items():
    _got = metadata.version(_name)
    if _got != _version:
        sys.exit(f"make_rouge_golden: {_name} {_got} is installed, {_version} is required "
                 f"(use scripts/python-venv.sh)")

from nltk.stem.porter import PorterStemmer  # noqa: E402
from rouge_score import rouge_scorer, tokenizers  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = REPO_ROOT / "Tests" / "QuorumCoreTests" / "Fixtures"
DICT_FILES = [
    "/usr/share/dict/american-english",
    "/usr/share/dict/british-english",
    "/usr/share/dict/american-english-large",
]

SCORER_PLAIN = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=False)
SCORER_STEM = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)
TOKENIZER_PLAIN = tokenizers.DefaultTokenizer(use_stemmer=False)
TOKENIZER_STEM = tokenizers.DefaultTokenizer(use_stemmer=True)
STEMMER = PorterStemmer()  # default mode: NLTK_EXTENSIONS
assert STEMMER.mode == PorterStemmer.NLTK_EXTENSIONS

MIN_AGREEMENT = 0.01


def log(msg):
    print(f"make_rouge_golden: {msg}", file=sys.stderr, flush=True)


def hx(x):
    """IEEE-754 binary64 bits, big-endian, as 16 hex digits."""
    return struct.pack(">d", float(x)).hex()


def check_text(s):
    assert isinstance(s, str)
    s.encode("utf-8")  # raises on lone surrogates
    return s


# ---------------------------------------------------------------------------
# Word banks (written for this script)
# ---------------------------------------------------------------------------

FUNCTION_WORDS = """the a an of to in and or for with on by from that this these those is
are was were be been it its as at into each every any some all no not than then so but if
when while which who whom whose what where why how about over under after before between
through during without within""".split()

NOUNS = """sentence paragraph story poem email letter recipe list reason example question
answer word article review summary plan tweet title headline product customer company
teacher student friend city country river mountain book movie song game team market budget
report meeting schedule project problem solution idea argument opinion fact number table
chart date price policy law rule habit goal skill job interview garden kitchen animal plant
ocean forest weather season holiday language dialogue character scene essay speech slogan
advertisement description definition instruction task input output category label topic
keyword phrase window bridge engine station village island desert harbor lantern blanket
pencil ladder mirror carpet wallet helmet bottle candle basket rocket violin""".split()

VERBS = """write describe explain list summarize classify translate identify generate rewrite
compose suggest compare find create give convert determine name provide outline analyze edit
predict recommend calculate sort extract count design draft propose evaluate correct simplify
expand paraphrase categorize rank estimate answer choose detect decide improve organize plan
build paint borrow carry gather measure polish repair whisper wander""".split()

ADJECTIVES = """short brief formal polite funny detailed simple clear positive negative
neutral creative persuasive informative interesting important healthy cheap expensive modern
ancient popular famous quick slow happy sad angry calm young old new small large long main
common rare useful difficult easy friendly professional casual purple silent golden
crooked fragile hollow""".split()

TOPICS = """climate history music travel cooking sports science technology education health
finance politics art nature space energy transport medicine psychology economics literature
photography gardening fitness nutrition astronomy chemistry physics biology geography""".split()

INSTRUCTIONS = [
    "Write a short poem about the changing seasons.",
    "Summarize the following article in three sentences.",
    "Classify the sentiment of the given movie review as positive or negative.",
    "Translate the sentence into French and explain any idioms you used.",
    "List five ways to reduce energy use at home.",
    "Explain why the sky appears blue during the day.",
    "Generate a catchy slogan for a new brand of running shoes.",
    "Rewrite the paragraph so that it sounds more formal.",
    "Give three examples of renewable energy sources and describe each one.",
    "Identify the main character in the story and describe their goals.",
    "Suggest a healthy breakfast for someone who is always in a hurry.",
    "Compare the advantages of living in a city with living in the countryside.",
    "Find the grammatical errors in the following sentence and correct them.",
    "Create a weekly study schedule for a student preparing for final exams.",
    "Convert the given temperature from Celsius to Fahrenheit.",
    "Determine whether the given number is prime.",
    "Name the planets of the solar system in order from the sun.",
    "Provide a brief definition of machine learning for a general audience.",
    "Outline the steps required to plant a vegetable garden.",
    "Analyze the tone of the email and suggest a more polite reply.",
    "Predict what will happen next in the story.",
    "Recommend a book for a teenager who enjoys science fiction.",
    "Calculate the total cost of the items in the shopping list.",
    "Sort the following words in alphabetical order.",
    "Extract all of the dates mentioned in the text.",
    "Count how many times the letter e appears in the sentence.",
    "Design a simple board game that teaches children about money.",
    "Draft a cover letter for a junior software developer position.",
    "Propose a name for a coffee shop that also sells used books.",
    "Evaluate the argument and point out any logical fallacies.",
    "Simplify the following sentence so that a child can understand it.",
    "Expand the outline into a full paragraph.",
    "Paraphrase the quote without changing its meaning.",
    "Categorize each animal in the list as a mammal, bird or reptile.",
    "Rank the following cities by population from largest to smallest.",
    "Estimate how long it would take to walk across the country.",
    "Answer the trivia question and explain your reasoning.",
    "Choose the best title for the news article from the options below.",
    "Detect whether the review was written by a customer or a bot.",
    "Decide if the statement is a fact or an opinion.",
    "Improve the opening line of the story to make it more engaging.",
    "Organize the following tasks by priority.",
    "Plan a three day trip to a city you have never visited.",
    "Describe the process of photosynthesis in simple terms.",
    "Tell me a joke about computers that a child would understand.",
    "Write a product description for a waterproof hiking backpack.",
    "Explain the difference between weather and climate.",
    "Give me a list of questions to ask during a job interview.",
    "Generate a recipe that uses only five ingredients.",
    "Write a haiku about the ocean at night.",
]

PROSE = [
    "The committee met on Tuesday to review the budget for the coming year.",
    "Most of the members agreed that the current plan was too expensive.",
    "A smaller proposal was drafted and sent to the board for approval.",
    "Photosynthesis converts light energy into chemical energy stored in sugar.",
    "Plants absorb carbon dioxide from the air and release oxygen.",
    "The process takes place mainly in the leaves, inside small structures called chloroplasts.",
    "Regular exercise improves both physical health and mental wellbeing.",
    "Even a short walk every day can lower the risk of heart disease.",
    "Experts recommend at least one hundred and fifty minutes of activity each week.",
    "The river flooded after three days of heavy rain.",
    "Several roads were closed and hundreds of families left their homes.",
    "Volunteers handed out food, blankets and drinking water.",
    "Machine learning systems learn patterns from examples rather than explicit rules.",
    "A model is trained on data and then evaluated on examples it has not seen.",
    "Overfitting happens when a model memorizes the training set instead of generalizing.",
    "The museum opened a new exhibition about ancient trade routes.",
    "Visitors can see coins, maps and pottery from many different regions.",
    "The exhibition will remain open until the end of the summer.",
    "Good sleep is essential for memory and concentration.",
    "Adults usually need between seven and nine hours of sleep each night.",
    "Screens and caffeine late in the evening can make it harder to fall asleep.",
    "The company announced that profits rose by ten percent in the last quarter.",
    "Sales grew fastest in online stores and in overseas markets.",
    "Analysts expect the growth to slow down next year.",
    "To make the sauce, melt the butter and stir in the flour.",
    "Slowly add the milk while whisking until the mixture thickens.",
    "Season with salt and pepper and serve immediately.",
    "The team won the championship after a dramatic final match.",
    "Their captain scored the winning goal in the last minute.",
    "Thousands of fans celebrated in the streets until late at night.",
    "Learning a new language takes time, patience and regular practice.",
    "Speaking with native speakers is one of the fastest ways to improve.",
    "Short daily lessons are often more effective than long weekly ones.",
    "The library will be closed on Monday for maintenance.",
    "Books can still be returned using the drop box near the entrance.",
    "Online services will remain available during the closure.",
    "Solar panels turn sunlight directly into electricity.",
    "Their efficiency depends on the angle, the temperature and the amount of shade.",
    "Batteries can store the extra energy for use at night.",
    "I think the answer is correct, but the explanation could be clearer.",
    "In summary, the proposal is sound and should be accepted with minor changes.",
    "However, there are a few risks that we should consider before we begin.",
]

# Groups of word forms that (mostly) share a Porter stem; includes NLTK's
# irregular-forms pool and tokens of 3 and 4 characters (rouge-score stems
# only tokens longer than 3 characters).
INFLECTIONS = [
    ("run", "running", "runs", "ran", "runner"),
    ("generalize", "generalization", "generalizations", "generalizing", "generalized", "general"),
    ("sky", "skies"), ("die", "dying", "dies", "died"), ("lie", "lying", "lies", "lied"),
    ("tie", "tying", "ties", "tied"), ("news",), ("inning", "innings"), ("outing", "outings"),
    ("canning", "cannings"), ("howe",), ("proceed", "proceeding", "proceeds", "proceeded"),
    ("exceed", "exceeding", "exceeded"), ("succeed", "succeeding", "succeeded"),
    ("connect", "connected", "connecting", "connection", "connections"),
    ("happy", "happiness", "happily", "happier", "happiest"),
    ("relate", "relational", "relation", "relativity", "related"),
    ("hope", "hoping", "hoped", "hopeful", "hopefulness"),
    ("agree", "agreed", "agreement", "agreeing"), ("feed", "feeds", "fed"),
    ("hop", "hopping", "hopped"), ("fall", "falling", "falls", "fell"),
    ("hiss", "hissing", "hissed"), ("fizz", "fizzed"), ("fail", "failing"),
    ("file", "filing", "filed"), ("cry", "cries", "cried", "crying"),
    ("formal", "formalize", "formality", "formally"),
    ("electric", "electrical", "electricity"), ("adjust", "adjustable", "adjustment"),
    ("adopt", "adoption", "adopted"), ("sense", "sensible", "sensibility"),
    ("nation", "national", "nationally", "nationalism"), ("triplicate", "triplicating"),
    ("sing", "sang", "sung", "singing", "singer"), ("eye", "eyes", "eying", "eyeing"),
    ("aye", "ayes"), ("cat", "cats"), ("bus", "buses"), ("gas", "gases"),
    ("this", "these"), ("use", "uses", "used", "using", "useful", "usefulness"),
    ("care", "careful", "carefully", "carefulness", "careless", "carelessly"),
    ("decide", "decision", "decisive", "decisiveness"),
    ("analyze", "analysis", "analyzer", "analytical"),
    ("organize", "organization", "organizer", "organizational"),
    ("summarize", "summary", "summarization", "summaries"),
    ("classify", "classification", "classified", "classifier"),
    ("write", "writes", "writing", "written", "wrote", "writer"),
    ("day", "days", "daily"), ("study", "studies", "studied", "studying"),
    ("city", "cities"), ("play", "plays", "played", "playing", "player"),
    ("fly", "flies", "flying"), ("dry", "dries", "dried"), ("say", "says", "said"),
    ("logic", "logical", "logically"), ("biology", "biological", "biologically"),
    ("size", "sized", "sizing"), ("conflate", "conflated"),
    ("trouble", "troubled", "troubling"), ("motor", "motoring"), ("plaster", "plastered"),
    ("mess", "messes", "messy"), ("dog", "dogs"), ("box", "boxes"), ("go", "goes", "going"),
]


def stem_key(token):
    """What rouge-score compares a token as when the stemmer is on."""
    return STEMMER.stem(token) if len(token) > 3 else token


def lcs_len(x, y):
    """Length of a longest common subsequence (used only to select inputs)."""
    if not x or not y:
        return 0
    prev = [0] * (len(y) + 1)
    for xi in x:
        cur = [0]
        for j, yj in enumerate(y):
            cur.append(prev[j] + 1 if xi == yj else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def f_of(target_tokens, prediction_tokens):
    """rouge-score's formula, used only to select inputs; the recorded values
    always come from the package itself."""
    if not target_tokens or not prediction_tokens:
        return 0.0
    lcs = lcs_len(target_tokens, prediction_tokens)
    p = lcs / len(prediction_tokens)
    r = lcs / len(target_tokens)
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def bank_words():
    words = set(FUNCTION_WORDS) | set(NOUNS) | set(VERBS) | set(ADJECTIVES) | set(TOPICS)
    for s in INSTRUCTIONS + PROSE:
        words.update(re.findall(r"[a-z]+", s.lower()))
    return sorted(words)


VOCAB = bank_words()
CONTENT_VOCAB = sorted(set(NOUNS) | set(VERBS) | set(ADJECTIVES) | set(TOPICS))


def partition_vocab():
    """Split the word bank into three pools whose stem keys are disjoint, so
    that a pair built from shared words plus pool-private fillers has a known
    LCS both without and with the stemmer. Inflection groups go to the shared
    pool (they provide same-stem, different-spelling substitutes)."""
    groups = {}
    for w in VOCAB:
        groups.setdefault(stem_key(w), set()).add(w)
    infl_keys = set()
    for g in INFLECTIONS:
        for w in g:
            infl_keys.add(stem_key(w))
    # any surface form whose stem key or raw spelling touches an inflection
    # group is kept out of the private pools
    infl_words = {w for g in INFLECTIONS for w in g}
    keys = sorted(k for k in groups if k not in infl_keys
                  and not (groups[k] & infl_words))
    rng = random.Random(7001)
    rng.shuffle(keys)
    pools = ([], [], [])
    for i, k in enumerate(keys):
        pools[i % 3].extend(sorted(groups[k]))
    shared, only_a, only_b = (sorted(p) for p in pools)
    # words of the pools must never coincide with any surface form or key of
    # another pool, raw or stemmed
    def keyset(ws):
        return {w for w in ws} | {stem_key(w) for w in ws}
    assert not (keyset(only_a) & keyset(only_b))
    assert not (keyset(only_a) & keyset(shared))
    assert not (keyset(only_b) & keyset(shared))
    assert not (keyset(only_a) & keyset(infl_words)) and not (keyset(only_b) & keyset(infl_words))
    return shared, only_a, only_b


SHARED_POOL, A_POOL, B_POOL = partition_vocab()

# same-stem, different-spelling pairs usable as substitutes (both forms > 3
# characters or both <= 3 with identical key).
SAME_STEM_PAIRS = sorted({(x, y) for g in INFLECTIONS for x in g for y in g
                          if x != y and stem_key(x) == stem_key(y)})


# ---------------------------------------------------------------------------
# Surface helpers
# ---------------------------------------------------------------------------

def words_of(sentence):
    return sentence.split()


def surface(words, rng, case=True, punct=True):
    """Join words, with random capitalisation and trailing punctuation that
    never changes rouge-score's tokens."""
    out = []
    for w in words:
        if case:
            r = rng.random()
            if r < 0.08:
                w = w.upper()
            elif r < 0.2:
                w = w[:1].upper() + w[1:]
        if punct and rng.random() < 0.08:
            w += rng.choice([",", ";", ":", "!", "?", "."])
        out.append(w)
    text = " ".join(out)
    if punct and text and rng.random() < 0.6:
        text += rng.choice([".", "?", "!", ""])
    return text


def mutate(words, rate, rng, vocab=VOCAB):
    out = []
    for w in words:
        if rng.random() < rate:
            op = rng.randrange(4)
            if op == 0:
                continue
            if op == 1:
                out.append(rng.choice(vocab))
            elif op == 2:
                out.append(w)
                out.append(rng.choice(vocab))
            else:
                out.append(w)
                if len(out) >= 2:
                    out[-1], out[-2] = out[-2], out[-1]
        else:
            out.append(w)
    return out


def random_text(rng, n_words, sentences=PROSE + INSTRUCTIONS):
    words = []
    while len(words) < n_words:
        words.extend(words_of(rng.choice(sentences)))
    return words[:n_words]


def merge_keep_order(xs, ys, rng):
    """Random interleaving of two sequences, each keeping its order."""
    out = []
    i = j = 0
    while i < len(xs) or j < len(ys):
        if j >= len(ys) or (i < len(xs) and rng.random() < len(xs) / (len(xs) + len(ys))):
            out.append(xs[i])
            i += 1
        else:
            out.append(ys[j])
            j += 1
    return out


def lcs_pair(m, n, lcs, rng, stem_variant=False):
    """Target of m tokens and prediction of n tokens whose LCS is exactly lcs
    (without and with the stemmer; with stem_variant some shared words are
    spelt differently in the prediction but share the stem)."""
    common = [rng.choice(SHARED_POOL) for _ in range(lcs)]
    common_b = list(common)
    if stem_variant and lcs:
        # substitute same-stem spellings for some shared words
        for k in range(lcs):
            if rng.random() < 0.4:
                x, y = rng.choice(SAME_STEM_PAIRS)
                common[k], common_b[k] = x, y
    a = merge_keep_order(common, [rng.choice(A_POOL) for _ in range(m - lcs)], rng)
    b = merge_keep_order(common_b, [rng.choice(B_POOL) for _ in range(n - lcs)], rng)
    return a, b


# ---------------------------------------------------------------------------
# Unicode and separator material
# ---------------------------------------------------------------------------

UNICODE_GROUPS = [
    ["café", "cafe\u0301", "CAFÉ", "CAFE\u0301", "cafe"],
    ["naïve", "nai\u0308ve", "naive", "NAÏVE"],
    ["résumé", "re\u0301sume\u0301", "resume", "RÉSUMÉ"],
    ["Zürich", "Zu\u0308rich", "Zurich", "ZÜRICH"],
    ["Ångström", "\u212Bngstro\u0308m", "A\u030Angstro\u0308m", "angstrom", "\u212B"],
    ["İstanbul", "ISTANBUL", "istanbul", "ıstanbul", "i\u0307stanbul", "İSTANBUL"],
    ["DİYARBAKIR", "diyarbakir", "Dİyarbakır", "DIYARBAKIR"],
    ["\u212Aelvin", "Kelvin", "kelvin", "KELVIN", "\u212AELVIN"],
    ["300\u212A", "300K", "300k", "300 K", "300\u212A\u212A"],
    ["Straße", "STRASSE", "STRA\u1E9EE", "strasse", "strae", "\u1E9E"],
    ["ΟΔΟΣ", "οδος", "οδοσ", "Σίσυφος", "ΣΊΣΥΦΟΣ", "ΟΔΟΣ.Α", "ΟΔΟΣ,Α"],
    ["日本語", "日本語のテキスト", "中文文本", "你好世界", "한국어", "GPT4は", "テスト123"],
    ["ＡＢＣ１２３", "ABC123", "abc123", "Ｈｅｌｌｏ", "hello", "ｈｅｌｌｏ１"],
    ["\U0001F44D", "\U0001F44D\U0001F3FD", "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466",
     "\U0001F3F3\uFE0F\u200D\U0001F308", "\U0001F1FA\U0001F1F8", "1\uFE0F\u20E3", "#\uFE0F\u20E3",
     "\U0001F44B\U0001F3FF", "ok\U0001F44Dok"],
    ["co\u200Bop", "coop", "co op", "zero\u200Dwidth", "zero width", "soft\u00ADhyphen",
     "softhyphen", "word\uFEFFjoin", "a\u2060b"],
    ["مرحبا", "שלום", "\u202Eevil\u202C", "\u200Eleft\u200F", "evil", "abc\u05D0def",
     "\u0627\u0644\u0633\u0644\u0627\u0645 123"],
    ["e\u0301\u0302", "a\u0308", "Z\u0324\u0354\u0367\u0311a\u0308\u0356\u032D\u0308lgo", "zalgo",
     "n\u0303o", "x\u20DD"],
    ["\U0001D407\U0001D41E\U0001D425\U0001D425\U0001D428", "Hello", "x\u00B2", "H\u2082O", "H2O",
     "\u216B", "XII", "\u24B6", "\uFB01le", "file", "\u01C5emal", "dzemal", "\u00BD"],
    ["\uFB00", "\uFB03", "office", "o\uFB03ce", "\u0130\u0130", "\u0131\u0131"],
    ["\uFF21\uFF22", "\uFF41\uFF42", "ab", "\uFF10\uFF19", "09", "\u0660\u0669", "\u0966"],
    # whitespace followed by a combining mark is one Swift Character, not whitespace
    ["yes \u0301no", "yes no", "tea\u3000\u0301time", "a\u00A0\u0308b", "\r\n\u0301x", "x\u0085\u0301y"],
    # canonically equivalent spellings that differ in code points
    ["\u1112\u1161\u11AB\uAD6D\uC5B4", "\uD55C\uAD6D\uC5B4", "a\u0301\u0323", "a\u0323\u0301",
     "\u1EA1\u0301", "\u2126", "\u03A9", "\u03C9"],
]

SEPARATOR_WORDS = [
    "snake_case_name", "don't", "it\u2019s", "state-of-the-art", "well\u2014known", "abc123",
    "3.14", "1,000", "v2.0.1", "2023-10-05", "e-mail", "C++", "#hashtag", "@user",
    "https://example.com/a_b?q=1&r=2", "x2ing", "a.b.c", "O'Neil", "rock'n'roll", "__init__",
    "foo/bar", "key=value", "(parenthesised)", "[1]", "\"quoted\"", "100%", "$5.99", "f(x)",
    "user@example.com", "a\\b", "tab\there", "10:30", "3rd", "1990s", "mp3", "h264", "p\u2011q",
    "well\u2013known", "it''s", "'quoted'", "_leading", "trailing_", "--flag", "x--y", "0x1F",
]

SEPARATORS = [" ", "  ", "\t", "\n", "\r\n", "\r", "\u00A0", "\u3000", "\u2028", "\u2029", "\u0085",
              "\u001C", "\u001D", "\u001E", "\u001F", "\u000B", "\u000C", "\u2009", "\u200A",
              "\u1680", "\u202F", "\u205F", "\u2003", "_", "-", "'", "/", ",", ".", "\u200B",
              "\u00B7", "\u2026", "\u3001", "\u3002", "\x00", "\x7f", "\x1b"]

PUNCT_CHARS = string.punctuation + "\u2026\u2014\u2013\u00A1\u00BF\u00AB\u00BB\u3002\u3001\u300C\u300D\u2018\u2019\u201C\u201D\u00B7\u2022"

WHITESPACE_VARIANTS = ["", " ", "\t", "\n\n", "\u3000", "\u00A0", "\u200B", " \r\n ", "\u0085",
                       "\u001C", "\u2028", "\u000B\u000C"]


def random_scalar(rng):
    """A random Unicode scalar (never a surrogate), favouring the BMP."""
    r = rng.random()
    if r < 0.15:
        cp = rng.randrange(0x00, 0x80)
    elif r < 0.3:
        cp = rng.randrange(0x80, 0x800)
    elif r < 0.8:
        cp = rng.randrange(0x800, 0x10000)
    else:
        cp = rng.randrange(0x10000, 0x110000)
    if 0xD800 <= cp <= 0xDFFF:
        cp = 0xFFFD
    return chr(cp)


# ---------------------------------------------------------------------------
# rouge_pairs.jsonl
# ---------------------------------------------------------------------------

def gen_plain(rng, count):
    out = []
    for i in range(count):
        mode = rng.random()
        base = words_of(rng.choice(INSTRUCTIONS))
        if rng.random() < 0.3:
            base += words_of(rng.choice(INSTRUCTIONS + PROSE))
        if mode < 0.05:
            b = list(base)  # identical words
        elif mode < 0.12:
            b = words_of(rng.choice(INSTRUCTIONS))  # unrelated (mostly)
        else:
            b = mutate(base, rng.random(), rng)
        if rng.random() < 0.5:
            a_text, b_text = surface(base, rng), surface(b, rng)
        else:
            a_text, b_text = " ".join(base), " ".join(b)
        if rng.random() < 0.5:
            a_text, b_text = b_text, a_text
        out.append(("plain", a_text, b_text))
    return out


def threshold_triples(limit):
    """All (m, n, lcs) with 2*lcs/(m+n) == 7/10 exactly and m+n <= limit."""
    triples = []
    for total in range(20, limit + 1, 20):
        lcs = total * 7 // 20
        for m in range(lcs, total - lcs + 1):
            triples.append((m, total - m, lcs))
    return triples


def gen_threshold_exact(rng):
    out = []
    for (m, n, lcs) in threshold_triples(200):
        for variant in range(3):
            a, b = lcs_pair(m, n, lcs, rng, stem_variant=(variant == 2))
            if variant == 0:
                a_text, b_text = " ".join(a), " ".join(b)
            else:
                a_text, b_text = surface(a, rng), surface(b, rng)
            ta = TOKENIZER_PLAIN.tokenize(a_text)
            tb = TOKENIZER_PLAIN.tokenize(b_text)
            assert len(ta) == m and len(tb) == n, (a_text, b_text)
            if m + n <= 80:
                assert lcs_len(TOKENIZER_STEM.tokenize(a_text), TOKENIZER_STEM.tokenize(b_text)) == lcs
                if variant != 2:
                    assert lcs_len(ta, tb) == lcs
            out.append(("threshold_exact", a_text, b_text))
    return out


def gen_threshold_near(rng, count):
    cands = []
    for m in range(1, 61):
        for n in range(1, 61):
            for lcs in range(0, min(m, n) + 1):
                q = Fraction(2 * lcs, m + n)
                if Fraction(66, 100) <= q <= Fraction(74, 100) and q != Fraction(7, 10):
                    cands.append((m, n, lcs))
    picks = rng.sample(cands, min(count // 2, len(cands)))
    out = []
    for (m, n, lcs) in picks:
        a, b = lcs_pair(m, n, lcs, rng, stem_variant=rng.random() < 0.3)
        out.append(("threshold_near", surface(a, rng), surface(b, rng)))
    # mutated natural sentences whose F lands near 0.7
    tries = 0
    while len(out) < count and tries < 200000:
        tries += 1
        base = words_of(rng.choice(INSTRUCTIONS))
        if rng.random() < 0.5:
            base += words_of(rng.choice(PROSE))
        b = mutate(base, rng.uniform(0.1, 0.4), rng)
        a_text, b_text = surface(base, rng), surface(b, rng)
        f = f_of(TOKENIZER_PLAIN.tokenize(a_text), TOKENIZER_PLAIN.tokenize(b_text))
        if 0.67 <= f <= 0.73:
            out.append(("threshold_near", a_text, b_text))
    return out


def gen_stemmer(rng, count):
    out = []
    for _ in range(count):
        k = rng.randint(1, 8)
        groups = [rng.choice(INFLECTIONS) for _ in range(k)]
        fillers = random_text(rng, rng.randint(0, 12), INSTRUCTIONS)
        a_forms = [rng.choice(g) for g in groups]
        b_forms = [rng.choice(g) if rng.random() < 0.8 else f for g, f in zip(groups, a_forms)]
        order = rng.random()
        a = merge_keep_order(a_forms, fillers, rng)
        b = merge_keep_order(b_forms, mutate(fillers, 0.15, rng), rng)
        if order < 0.2:
            b = list(reversed(b))
        out.append(("stemmer", surface(a, rng), surface(b, rng)))
    return out


def unicode_text(rng, pieces_per_text):
    words = random_text(rng, rng.randint(0, 10))
    choices = []
    for _ in range(pieces_per_text):
        g = rng.choice(UNICODE_GROUPS)
        choices.append(g)
        words.insert(rng.randint(0, len(words)), rng.choice(g))
    return words, choices


def gen_unicode(rng, count):
    out = []
    for _ in range(count):
        words, _groups = unicode_text(rng, rng.randint(1, 5))
        # the prediction swaps each special piece for another member of its group
        b = []
        for w in words:
            g = next((g for g in UNICODE_GROUPS if w in g), None)
            b.append(rng.choice(g) if g is not None and rng.random() < 0.8 else w)
        joiner_a = rng.choice([" ", " ", " ", "", "\u3000"])
        joiner_b = rng.choice([" ", " ", " ", "", "\u00A0"])
        out.append(("unicode", joiner_a.join(words), joiner_b.join(b)))
    # every single group member against every other member of its group
    for g in UNICODE_GROUPS:
        for x in g:
            for y in g:
                if rng.random() < 0.5:
                    out.append(("unicode", x, y))
    return out


def gen_random_unicode(rng, count):
    out = []
    for _ in range(count):
        texts = []
        for _side in range(2):
            parts = []
            for _k in range(rng.randint(0, 20)):
                if rng.random() < 0.5:
                    parts.append(rng.choice(VOCAB))
                else:
                    parts.append("".join(random_scalar(rng) for _ in range(rng.randint(1, 6))))
            texts.append("".join(p if rng.random() < 0.5 else p + " " for p in parts))
        out.append(("random_unicode", texts[0], texts[1]))
    return out


def gen_separators(rng, count):
    out = []
    for _ in range(count):
        words = [rng.choice(SEPARATOR_WORDS) if rng.random() < 0.5 else rng.choice(VOCAB)
                 for _ in range(rng.randint(1, 15))]
        b_words = [w if rng.random() < 0.85 else rng.choice(SEPARATOR_WORDS) for w in words]
        a = "".join(w + rng.choice(SEPARATORS) for w in words)
        b = "".join(w + rng.choice(SEPARATORS) for w in b_words)
        if rng.random() < 0.3:
            a = rng.choice(SEPARATORS) + a
        out.append(("separators", a, b))
    for w in SEPARATOR_WORDS:
        for sep in SEPARATORS[:20]:
            if rng.random() < 0.25:
                out.append(("separators", w.replace("_", sep).replace("-", sep), w))
    return out


def gen_punct_only(rng, count):
    out = []
    for _ in range(count):
        a = "".join(rng.choice(PUNCT_CHARS + " ") for _ in range(rng.randint(1, 20)))
        r = rng.random()
        if r < 0.4:
            b = "".join(rng.choice(PUNCT_CHARS + " ") for _ in range(rng.randint(1, 20)))
        elif r < 0.7:
            b = surface(words_of(rng.choice(INSTRUCTIONS)), rng)
        else:
            b = a
        if rng.random() < 0.5:
            a, b = b, a
        out.append(("punct_only", a, b))
    out.append(("punct_only", string.punctuation, string.punctuation))
    out.append(("punct_only", string.punctuation, "word"))
    return out


def gen_empty(rng, count):
    others = ["word", "hello world", "...", "\U0001F642", "A", "a b c", "é", "1"]
    pool = WHITESPACE_VARIANTS + others
    out = [("empty", x, y) for x in pool for y in pool if x.strip() == "" or y.strip() == ""]
    while len(out) < count:
        x = rng.choice(WHITESPACE_VARIANTS) * rng.randint(1, 5)
        y = surface(random_text(rng, rng.randint(0, 6)), rng) if rng.random() < 0.6 else \
            rng.choice(WHITESPACE_VARIANTS)
        out.append(("empty", x, y) if rng.random() < 0.5 else ("empty", y, x))
    return out


def gen_repeated(rng, count):
    out = [("repeated", "the the the", "the"), ("repeated", "the", "the the the"),
           ("repeated", "the the the", "the the the"), ("repeated", "a a a a b", "b a a a a")]
    while len(out) < count:
        r = rng.random()
        if r < 0.3:
            w = rng.choice(VOCAB)
            a = " ".join([w] * rng.randint(1, 40))
            b = " ".join([w] * rng.randint(1, 40))
        elif r < 0.7:
            period = [rng.choice(VOCAB[:40]) for _ in range(rng.randint(1, 5))]
            n = rng.randint(5, 600)
            a_words = [period[i % len(period)] for i in range(n)]
            shift = rng.randint(0, len(period))
            m = rng.randint(5, 600)
            b_words = [period[(i + shift) % len(period)] for i in range(m)]
            b_words = mutate(b_words, rng.choice([0.0, 0.02, 0.1]), rng, VOCAB[:40])
            a, b = " ".join(a_words), " ".join(b_words)
        else:
            small = [rng.choice(VOCAB) for _ in range(3)]
            a = " ".join(rng.choice(small) for _ in range(rng.randint(1, 120)))
            b = " ".join(rng.choice(small) for _ in range(rng.randint(1, 120)))
        out.append(("repeated", a, b))
    return out


SHORT_TOKENS = """runs ran run eyes eye this thi bus buses gas less abcd ties dies lies sees
cats cat news yes was has his its does goes tree trees free sky skys ayes aye dying lying
tying ones ion ions sing song used uses user care cars boxes box ally ably ment ness able
ible ship shipped feed need seed eed ied ies sses ss ing ings""".split()


def gen_short_tokens(rng, count):
    out = []
    for _ in range(count):
        a = [rng.choice(SHORT_TOKENS) for _ in range(rng.randint(1, 10))]
        b = mutate(a, rng.uniform(0, 0.6), rng, SHORT_TOKENS)
        out.append(("short_tokens", surface(a, rng), surface(b, rng)))
    return out


DIGIT_WORDS = """20231 1234 123 12 1 0 00000 12345678901234567890 2023 1990s 3rd 2nd 1st 4th
x2ing abc1 1abc 10000ing 99ers mp3 h264 v2 3d 4k 1080p 7eleven 2ing 1ed 3ies 42nd a1b2c3 0x1f
9999 31415926535 2718 1000000""".split()


def gen_digits(rng, count):
    out = []
    for _ in range(count):
        a = [rng.choice(DIGIT_WORDS) if rng.random() < 0.6 else rng.choice(VOCAB)
             for _ in range(rng.randint(1, 12))]
        b = mutate(a, rng.uniform(0, 0.5), rng, DIGIT_WORDS)
        seps = [" ", ".", ",", "-", ":", "/"]
        a_text = "".join(w + rng.choice(seps) for w in a).strip()
        b_text = "".join(w + rng.choice(seps) for w in b).strip()
        out.append(("digits", a_text, b_text))
    return out


def gen_long(rng, kind, count, lo, hi):
    out = []
    for _ in range(count):
        n = rng.randint(lo, hi)
        base = random_text(rng, n)
        r = rng.random()
        if r < 0.75:
            b = mutate(base, rng.uniform(0.02, 0.6), rng)
        elif r < 0.9:
            b = random_text(rng, rng.randint(lo, hi))
        else:
            b = random_text(rng, rng.randint(1, 40))
        a_text = surface(base, rng)
        b_text = surface(b, rng)
        if rng.random() < 0.5:
            a_text = a_text.replace(". ", ".\n", rng.randint(0, 30))
        out.append((kind, a_text, b_text))
    return out


def rouge_inputs():
    sections = [
        ("plain", lambda r: gen_plain(r, 3300)),
        ("threshold_exact", gen_threshold_exact),
        ("threshold_near", lambda r: gen_threshold_near(r, 1200)),
        ("stemmer", lambda r: gen_stemmer(r, 1200)),
        ("unicode", lambda r: gen_unicode(r, 700)),
        ("random_unicode", lambda r: gen_random_unicode(r, 300)),
        ("separators", lambda r: gen_separators(r, 700)),
        ("punct_only", lambda r: gen_punct_only(r, 200)),
        ("empty", lambda r: gen_empty(r, 250)),
        ("repeated", lambda r: gen_repeated(r, 400)),
        ("short_tokens", lambda r: gen_short_tokens(r, 400)),
        ("digits", lambda r: gen_digits(r, 400)),
        ("long", lambda r: gen_long(r, "long", 160, 301, 900)),
        ("very_long", lambda r: gen_long(r, "very_long", 30, 1000, 3000)),
        ("huge", lambda r: gen_long(r, "huge", 4, 5000, 5600)),
    ]
    items = []
    for i, (name, fn) in enumerate(sections):
        # one seed per section: editing one section leaves the others alone
        rng = random.Random(f"quorum-rouge-{name}")
        items.extend(fn(rng))
    for _kind, a, b in items:
        check_text(a)
        check_text(b)
    return items


def score_pair(item):
    kind, a, b = item
    f = SCORER_PLAIN.score(a, b)["rougeL"].fmeasure
    f_stem = SCORER_STEM.score(a, b)["rougeL"].fmeasure
    return {
        "a": a, "b": b, "f": hx(f), "f_stem": hx(f_stem),
        "ta": TOKENIZER_PLAIN.tokenize(a), "tb": TOKENIZER_PLAIN.tokenize(b),
        "sa": TOKENIZER_STEM.tokenize(a), "sb": TOKENIZER_STEM.tokenize(b),
        "kind": kind,
    }


# ---------------------------------------------------------------------------
# porter_words.tsv
# ---------------------------------------------------------------------------

PORTER_SUFFIXES = """s ss sses ies ied ed eed ing ings y ies ly ily
ational tional enci anci izer iser bli abli alli entli eli ousli ization isation ation ator
alism iveness fulness ousness aliti iviti biliti fulli lessli logi icate ative alize alise
iciti ical ful ness al ance ence er ic able ible ant ement ment ent ion sion tion ou ism ate
iti ous ive ize ise e ll at bl iz ated ating ately ization izations ingly edly ers ements
nesses fulnesses alities ibilities ousness ously ively ations ators alisms""".split()

PORTER_STEMS = """gener relat condit hop fil run sky cr tr gen abc x y yy ay ey oy uy happ
nation ration sens connect electr adjust depend adopt formal rational valen hesit digit
conform radic differ vietnam predic triplic form hope elect caus agre feed plast bled motor
sing conflat troubl siz hiss fizz fail tann fall fil bak cat dog bus mess pass class
spec analy organ summar classif writ stud play fl dr s z lov mov ston prov""".split()

PORTER_EXTRA = """skies sky dying lying tying news innings inning outings outing cannings
canning howe proceed exceed succeed yyyy ayes eying eyeing ying yying aying oing ees eed eeds
feed feeds agreed agree bleed speed seeded y yy yyy ies ied sses ss s is as us was
generalization generalizations generalize oscillators relativity hopefulness formaliti
electriciti sensibiliti triplicate conditional rational valenci hesitanci digitizer
conformabli radicalli differentli vileli analogousli vietnamization predication operator
feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti
revival allowance inference airliner gyroscopic adjustable defensible irritant replacement
adjustment dependent adoption homologou communism activate angulariti homologous effective
bowdlerize probate rate cease controll roll caresses ponies ties caress cats feed agreed
plastered bled motoring sing conflated troubled sized hopping tanned falling hissing fizzed
failing filing happy sky enerei eying idly ugly early only lying dying tying dies lies ties
sties spies abc1 1234 x2ing 12ing 1ed 1s s1 a1 1a 123s ing ings eing oing bing sing king
ring thing things bring during nothing anything morning evening hoping hopping eating ate
abies abys ably ableness ability bilities logies logy ology analogy apology""".split()


def dict_tokens():
    words = set()
    for path in DICT_FILES:
        if not os.path.exists(path):
            sys.exit(f"make_rouge_golden: {path} is missing (apt-get install wamerican wbritish "
                     f"wamerican-large)")
        with open(path, encoding="utf-8") as fh:
            data = fh.read()
        log(f"word list {path}: sha256 {hashlib.sha256(data.encode('utf-8')).hexdigest()}")
        for line in data.splitlines():
            for tok in re.split(r"[^a-z0-9]+", line.lower()):
                if tok:
                    words.add(tok)
    return words


def porter_words():
    words = dict_tokens()
    log(f"{len(words)} distinct tokens from the word lists")
    words.update(PORTER_EXTRA)
    for g in INFLECTIONS:
        words.update(g)
    words.update(SHORT_TOKENS)
    words.update(w for w in DIGIT_WORDS if re.fullmatch(r"[a-z0-9]+", w))
    words.update(w for w in VOCAB)
    # stems x suffixes, and stems x suffix x suffix
    for st in PORTER_STEMS:
        for sf in PORTER_SUFFIXES:
            words.add(st + sf)
            words.add(st + "e" + sf)
            words.add(st + st[-1:] + sf)
    rng = random.Random("quorum-porter")
    for _ in range(6000):
        st = rng.choice(PORTER_STEMS)
        words.add(st + rng.choice(PORTER_SUFFIXES) + rng.choice(PORTER_SUFFIXES))
    for sf in PORTER_SUFFIXES:
        words.add(sf)
        for c in "abcdefghijklmnopqrstuvwxyz0123456789":
            words.add(c + sf)
    # all words of one or two characters, and all three-letter ones
    alnum = string.ascii_lowercase + string.digits
    for c in alnum:
        words.add(c)
        for d in alnum:
            words.add(c + d)
    for c in string.ascii_lowercase:
        for d in string.ascii_lowercase:
            for e in string.ascii_lowercase:
                words.add(c + d + e)
    # random short words over a vowel/y/s-heavy alphabet
    alphabet = "aeiouysbcdlnt"
    for _ in range(6000):
        words.add("".join(rng.choice(alphabet) for _ in range(rng.randint(4, 9))))
    # words with digits
    for _ in range(1500):
        w = list(rng.choice(PORTER_STEMS) + rng.choice(PORTER_SUFFIXES))
        w.insert(rng.randint(0, len(w)), rng.choice(string.digits))
        words.add("".join(w))
    for _ in range(300):
        words.add(str(rng.randrange(10 ** rng.randint(1, 12))))
    # a few long words
    for _ in range(50):
        words.add("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(20, 60))))
    words = sorted(w for w in words if re.fullmatch(r"[a-z0-9]+", w))
    lines = []
    for w in words:
        s = STEMMER.stem(w)
        assert re.fullmatch(r"[a-z0-9]*", s), (w, s)
        lines.append(f"{w}\t{s}")
    return lines


# ---------------------------------------------------------------------------
# consensus_sets.jsonl: reference implementation of DESIGN.md's rule
# ---------------------------------------------------------------------------

_PUNCT_TABLE = str.maketrans("", "", string.punctuation)


def norm(text):
    return " ".join(text.strip().lower().translate(_PUNCT_TABLE).split())


def consensus(candidates):
    k = len(candidates)
    assert 2 <= k <= 8
    norms = [norm(c) for c in candidates]
    matrix = [[1.0] * k for _ in range(k)]
    for i in range(k):
        for j in range(k):
            if i != j:
                matrix[i][j] = float(SCORER_STEM.score(norms[i], norms[j])["rougeL"].fmeasure)
    for i in range(k):
        for j in range(i + 1, k):
            assert hx(matrix[i][j]) == hx(matrix[j][i]), (norms[i], norms[j])
    scores = []
    for i in range(k):
        s = 0.0
        for j in range(k):
            if j != i:
                s += matrix[i][j]
        scores.append(s)
    ordered = sorted(scores)
    margin = ordered[-1] - ordered[-2] if k >= 2 else 0.0

    counts, first = {}, {}
    for i, n in enumerate(norms):
        if n:
            counts[n] = counts.get(n, 0) + 1
            first.setdefault(n, i)
    choice, discard = None, None
    best_count = max(counts.values(), default=0)
    if best_count >= 2:
        rule = "exact"
        choice = min(first[n] for n in counts if counts[n] == best_count)
    else:
        rule = "rouge"
        lowest = min(matrix[i][j] for i in range(k) for j in range(i + 1, k))
        if lowest <= MIN_AGREEMENT:
            discard = "no_agreement"
        else:
            choice = 0
            for i in range(1, k):
                if scores[i] > scores[choice]:
                    choice = i
    if choice is not None and candidates[choice].strip() == "":
        choice, discard = None, "empty_choice"
    return {
        "candidates": candidates, "norm": norms, "choice": choice, "rule": rule,
        "scores": [hx(s) for s in scores], "margin": hx(margin),
        "matrix": [[hx(x) for x in row] for row in matrix], "discard": discard,
    }


SHORT_ANSWERS = [
    ["Positive", "positive.", "The sentiment is positive.", "Negative", "POSITIVE!", "Sentiment: positive",
     "positive", "It is a positive review."],
    ["Paris", "Paris.", "The capital of France is Paris.", "paris", "Lyon", "It's Paris!", "PARIS"],
    ["4", "4.", "The answer is 4.", "2 + 2 = 4", "Four", "four", "The answer is four."],
    ["Yes", "yes.", "Yes, it is.", "No", "no", "YES", "Yes!"],
    ["Mammal", "mammal", "It is a mammal.", "Reptile", "Bird", "A dolphin is a mammal."],
    ["Fact", "fact.", "This statement is a fact.", "Opinion", "opinion", "It is an opinion."],
    ["The quick brown fox jumps over the lazy dog.", "the quick brown fox jumped over the lazy dog",
     "A quick brown fox jumps over a lazy dog.", "The fox jumps.", "the quick brown fox jumps over the lazy dog"],
    ["Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus, Neptune",
     "Mercury Venus Earth Mars Jupiter Saturn Uranus Neptune",
     "The planets are Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus and Neptune.",
     "Mercury, Venus, Earth, Mars", "Earth"],
    ["77°F", "77 °F", "25°C is 77°F.", "77 degrees Fahrenheit", "77F", "77 F"],
    ["The word 'e' appears 5 times.", "5", "five", "5 times", "The letter e appears five times."],
    ["Bonjour le monde", "bonjour le monde!", "Bonjour, le monde.", "Salut tout le monde", "Hello world"],
    ["Tokyo", "東京", "Tokyo (東京)", "tokyo.", "Kyoto"],
    ["It's raining cats and dogs.", "its raining cats and dogs", "It is raining heavily.",
     "It's raining cat and dog.", "Its raining cats & dogs!"],
    ["1,000", "1000", "1 000", "one thousand", "1.000"],
    ["Prime", "prime.", "The number is prime.", "Not prime", "It is not a prime number.", "composite"],
    ["Running shoes: run faster, go further.", "Run faster, go further!", "Running faster, going further.",
     "Shoes for runners who run.", "Go further."],
]

GREEK_SETS = [
    ["ΟΔΟΣ", "οδος", "οδοσ", "Οδος."],
    ["ΟΔΟΣ", "ΟΔΟΣ.", "οδοσ", "road"],
    ["ΟΔΟΣ.Α", "ΟΔΟΣ,Α", "οδοσα", "οδοςα"],
    ["Η ΟΔΟΣ road", "η οδος road", "η οδοσ road"],
    ["ΣΊΣΥΦΟΣ myth", "σίσυφος myth", "Σίσυφος myth"],
    ["ΌΣΟΣ", "όσος", "όσοσ", "ΌΣΟΣ ΌΣΟΣ"],
    ["Σ", "σ", "ς", "Σ."],
    ["ΑΣ'Α", "ασ'α", "ας'α", "ασα"],
]

CASE_SETS = [
    ["İstanbul", "istanbul", "ISTANBUL", "i\u0307stanbul"],
    ["İSTANBUL is big", "istanbul is big", "Istanbul is big"],
    ["I visited İzmir", "i visited izmir", "I VISITED IZMIR", "i visited i\u0307zmir"],
    ["ıstanbul", "Istanbul", "ISTANBUL"],
    ["Straße", "STRASSE", "STRA\u1E9EE", "strasse"],
    ["die Straße ist lang", "DIE STRA\u1E9EE IST LANG", "die strasse ist lang"],
    ["300\u212A", "300K", "300 k", "300k"],
    ["\u212Aelvin scale", "Kelvin scale", "KELVIN SCALE", "kelvin scale."],
    ["\u212Bngström", "Ångström", "A\u030Angstro\u0308m", "angstrom"],
    ["café", "cafe\u0301", "CAFÉ", "cafe"],
    ["ＡＢＣ", "abc", "ABC", "ａｂｃ"],
    ["Ｈｅｌｌｏ world", "hello world", "ｈｅｌｌｏ world", "HELLO WORLD"],
    ["ǅemal", "ǆemal", "Ǆemal", "dzemal"],
    ["\uFB01le", "file", "FILE", "\uFB01LE"],
]

# Python compares norms code point by code point; Swift's String == compares
# canonical equivalence. These sets choose differently under the two.
CANONICAL_SETS = [
    ["cafe\u0301", "caf\u00e9", "tea time", "tea time"],
    ["caf\u00e9", "cafe\u0301", "CAF\u00c9"],
    ["A\u030Angstro\u0308m", "\u00C5ngstr\u00f6m", "\u212Bngstr\u00f6m", "angstrom"],
    ["\u1112\u1161\u11AB\uAD6D\uC5B4", "\uD55C\uAD6D\uC5B4", "Korean", "korean"],
    ["a\u0301\u0323 test", "a\u0323\u0301 test", "\u1EA1\u0301 test", "other answer", "other answer"],
    ["\u2126 ohm", "\u03A9 ohm", "\u03C9 ohm", "ohm"],
    ["\u212B", "\u00C5", "A\u030A", "\u00E5", "a\u030A"],
    ["e\u0301 e\u0301", "\u00e9 \u00e9", "yes", "yes"],
    ["A\u0308pfel", "\u00C4pfel", "\u00e4pfel", "a\u0308pfel", "apples"],
    ["n\u0303", "\u00f1", "N\u0303", "\u00d1", "n"],
]

# whitespace followed by a combining mark (or ZWJ) forms one grapheme
# cluster in Swift, which is not whitespace; Python's split() still splits
# there. U+001C..U+001F are whitespace for Python but not Unicode White_Space.
GRAPHEME_SETS = [
    ["yes \u0301no", "yes \u0301no", "yes no"],
    ["yes \u0301no", "yes no", "yes no."],
    [" \u0301leading", "\u0301leading", "leading", "\u0301 leading"],
    ["tea\u3000\u0301time", "tea \u0301time", "tea time", "tea\u0301 time"],
    ["ok\r\nok", "ok\nok", "ok ok", "ok\r\n\u0301ok"],
    ["\u200Dzwj after", " \u200Dzwj after", "zwj after", "zwj \u200Dafter"],
    ["flag \U0001F1FA\U0001F1F8 here", "flag \U0001F1FA\U0001F1F8here", "flag here", "flag  here"],
    ["word\u0085\u0301next", "word next", "word\u0301 next", "word\u0085next"],
    ["\u001Cseparated\u001Dwords\u001E", "separated words", "separated\u001Fwords", "separated\u200Bwords"],
    ["a\u00A0\u0308b", "a b", "a\u0308 b", "a\u00A0b"],
    ["end \u0301", "end", "end \u0301 ", "END."],
    ["\u3000\u0301", "\u0301", " ", "\u0301\u0301"],
]

WS_CHARS = ["\u3000", "\u0085", "\u001C", "\u001D", "\u001E", "\u001F", "\u00A0", "\u2028",
            "\u2029", "\u2003", "\u202F", "\u1680", "\t", "\n", "\r", "\x0b", "\x0c"]
NOT_WS_CHARS = ["\u200B", "\uFEFF", "\u2060", "\u180E", "\u00AD"]


def variant_of(text, rng):
    """Same norm as text (case, ASCII punctuation, whitespace variants)."""
    words = text.split()
    out = []
    for w in words:
        r = rng.random()
        if r < 0.2:
            w = w.upper()
        elif r < 0.4:
            w = w.lower()
        if rng.random() < 0.2:
            w = w + rng.choice(list(".,;:!?"))
        if rng.random() < 0.05:
            w = rng.choice(list("\"'(*")) + w
        out.append(w)
    text = ""
    for i, w in enumerate(out):
        if i:
            text += rng.choice([" ", " ", " ", "  "] + WS_CHARS)
        text += w
    if rng.random() < 0.3:
        text = rng.choice(WS_CHARS) + text + rng.choice(WS_CHARS + ["."])
    return text


def paragraph(rng, n_sentences, bank=PROSE):
    start = rng.randrange(len(bank))
    return " ".join(bank[(start + i) % len(bank)] for i in range(n_sentences))


def inflect(text, rng, rate=0.6):
    forms = {w: g for g in INFLECTIONS for w in g}
    out = []
    for w in text.split():
        core = w.strip(".,;:!?").lower()
        g = forms.get(core)
        if g is not None and rng.random() < rate:
            out.append(rng.choice(g))
        else:
            out.append(w)
    return " ".join(out)


def inflection_sentence(rng):
    k = rng.randint(3, 10)
    groups = [rng.choice(INFLECTIONS) for _ in range(k)]
    fill = random_text(rng, rng.randint(0, 8), INSTRUCTIONS)
    return " ".join(merge_keep_order([rng.choice(g) for g in groups], fill, rng))


def tiny_candidate(rng, vocab):
    return " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 6)))


def float_order_sets(rng, want):
    """Candidate sets whose two best scores are mathematically equal or within
    a few ulps, so that the summation order and the tie rule decide."""
    found_order, found_tie = [], []
    vocab = ["red", "blue", "green", "gold", "gray", "pink", "teal"]
    tries = 0
    while (len(found_order) < want or len(found_tie) < want) and tries < 400000:
        tries += 1
        k = rng.randint(3, 6)
        cands = [tiny_candidate(rng, vocab) for _ in range(k)]
        if len(set(cands)) < k:
            continue
        toks = [c.split() for c in cands]
        fr = [[None] * k for _ in range(k)]
        fl = [[1.0] * k for _ in range(k)]
        for i in range(k):
            for j in range(k):
                if i != j:
                    lcs = lcs_len(toks[i], toks[j])
                    fr[i][j] = Fraction(2 * lcs, len(toks[i]) + len(toks[j]))
                    fl[i][j] = f_of(toks[i], toks[j])
        if min(fl[i][j] for i in range(k) for j in range(i + 1, k)) <= MIN_AGREEMENT:
            continue
        exact = [sum((fr[i][j] for j in range(k) if j != i), Fraction(0)) for i in range(k)]
        flt = []
        for i in range(k):
            s = 0.0
            for j in range(k):
                if j != i:
                    s += fl[i][j]
            flt.append(s)
        top = max(exact)
        tied = [i for i in range(k) if exact[i] == top]
        if len(tied) < 2:
            continue
        if len({flt[i] for i in tied}) > 1:
            if len(found_order) < want:
                found_order.append(cands)
        elif len(found_tie) < want:
            found_tie.append(cands)
    return found_order, found_tie


def near_min_sets(rng):
    """Two or three long candidates whose lowest pairwise F is about 0.01."""
    out = []
    specs = []
    for total, lcs in [(200, 1), (199, 1), (201, 1), (400, 2), (398, 2), (402, 2), (600, 3)]:
        for m in sorted({total // 2, total // 2 + 1, total // 3, lcs + 1, total - lcs - 1, 50, 150}):
            n = total - m
            if m >= lcs and n >= lcs and m > 0 and n > 0:
                specs.append((m, n, lcs))
    for (m, n, lcs) in specs:
        a, b = lcs_pair(m, n, lcs, rng)
        cands = [" ".join(a), " ".join(b)]
        if rng.random() < 0.5:
            cands.append(" ".join(a[: len(a) // 2] + b[: len(b) // 2]))
        out.append(cands)
    return out


def consensus_inputs():
    rng = random.Random("quorum-consensus")
    sets = []

    def add(kind, cands):
        assert 2 <= len(cands) <= 8, cands
        for c in cands:
            check_text(c)
        sets.append((kind, list(cands)))

    # exact matches hidden behind case, punctuation and whitespace variants
    for _ in range(300):
        base = rng.choice(INSTRUCTIONS + PROSE + [a for g in SHORT_ANSWERS for a in g])
        k = rng.randint(2, 8)
        cands = [variant_of(base, rng) for _ in range(rng.randint(2, min(k, 4)))]
        while len(cands) < k:
            cands.append(surface(mutate(words_of(base), rng.uniform(0.1, 0.8), rng), rng))
        rng.shuffle(cands)
        add("exact_variants", cands)
    # ties in exact counts
    for _ in range(200):
        x = rng.choice(INSTRUCTIONS)
        y = rng.choice(PROSE)
        z = rng.choice(PROSE + INSTRUCTIONS)
        per = rng.randint(2, 3)
        cands = [variant_of(x, rng) for _ in range(per)] + [variant_of(y, rng) for _ in range(per)]
        if rng.random() < 0.5 and len(cands) < 8:
            cands.append(z)
        rng.shuffle(cands)
        add("exact_ties", cands)
    # identical but for punctuation
    for _ in range(100):
        base = rng.choice(INSTRUCTIONS + PROSE)
        k = rng.randint(2, 5)
        cands = [base.replace(",", rng.choice(["", ",", ";", "!"])).replace(".", rng.choice(["", ".", "!", "?", "..."]))
                 for _ in range(k)]
        add("punct_only_diff", cands)
    # Unicode whitespace (Python's split treats U+3000, U+0085, U+001C..1F, U+00A0 as spaces)
    for _ in range(150):
        base = rng.choice(INSTRUCTIONS + PROSE).split()
        cands = []
        for _c in range(rng.randint(2, 5)):
            sep = [rng.choice(WS_CHARS + [" "] + (NOT_WS_CHARS if rng.random() < 0.3 else []))
                   for _ in base]
            cands.append("".join(w + s for w, s in zip(base, sep)))
        add("unicode_whitespace", cands)
    # Greek final sigma, dotted I, sharp s, Kelvin, Angstrom, fullwidth
    for group in GREEK_SETS + CASE_SETS:
        for r in range(2, len(group) + 1):
            add("unicode_case", group[:r])
        for _ in range(6):
            k = rng.randint(2, min(8, len(group) + 2))
            add("unicode_case", [rng.choice(group) for _ in range(k)])
    for kind, groups in (("canonical_equivalence", CANONICAL_SETS), ("grapheme_traps", GRAPHEME_SETS)):
        for group in groups:
            add(kind, group)
            for r in range(2, len(group)):
                add(kind, group[:r])
            for _ in range(8):
                k = rng.randint(2, min(8, len(group) + 2))
                cands = [rng.choice(group) for _ in range(k)]
                if rng.random() < 0.5:
                    cands.append(rng.choice(["tea time", "other answer", "yes"]))
                add(kind, cands[:8])
    # symmetric sets: every pair has the same F, scores tie exactly
    for _ in range(150):
        shared = rng.sample(CONTENT_VOCAB, rng.randint(1, 6))
        k = rng.randint(2, 6)
        extras = rng.sample([w for w in CONTENT_VOCAB if w not in shared], k)
        pos = rng.randint(0, len(shared))
        cands = [" ".join(shared[:pos] + [e] + shared[pos:]) for e in extras]
        add("symmetric_tie", cands)
    # summation order and ties
    order, tie = float_order_sets(rng, 120)
    for c in order:
        add("float_order", c)
    for c in tie:
        add("score_tie", c)
    # no agreement
    for _ in range(150):
        k = rng.randint(2, 5)
        r = rng.random()
        if r < 0.4:
            cands = [" ".join(rng.sample(CONTENT_VOCAB, rng.randint(1, 8))) for _ in range(k)]
        elif r < 0.7:
            cands = [rng.choice(INSTRUCTIONS) for _ in range(k - 1)] + ["日本語のテキスト"]
        else:
            cands = [rng.choice(PROSE) for _ in range(k - 1)] + [rng.choice(["", " ", "...", "\u3000"])]
        rng.shuffle(cands)
        add("no_agreement", cands)
    # empty, whitespace-only and punctuation-only candidates
    blanks = ["", " ", "\t\n", "\u3000", "\u0085", "\u001C", "...", "!?", "--", "\u200B", "\u2026", "\"\""]
    for _ in range(200):
        k = rng.randint(2, 8)
        n_blank = rng.randint(1, k)
        cands = [rng.choice(blanks) for _ in range(n_blank)]
        base = rng.choice(SHORT_ANSWERS)
        while len(cands) < k:
            cands.append(rng.choice(base))
        rng.shuffle(cands)
        add("empty_candidates", cands)
    for x in blanks:
        for y in blanks:
            add("empty_candidates", [x, y])
    # short answers as LMs give them
    for _ in range(300):
        g = rng.choice(SHORT_ANSWERS)
        k = rng.randint(2, 8)
        add("short_answers", [rng.choice(g) for _ in range(k)])
    # paragraphs
    for _ in range(300):
        base = paragraph(rng, rng.randint(2, 5))
        k = rng.randint(2, 8)
        cands = []
        for _c in range(k):
            r = rng.random()
            if r < 0.6:
                cands.append(surface(mutate(base.split(), rng.uniform(0.0, 0.5), rng), rng, punct=False))
            elif r < 0.75:
                cands.append(base + " " + rng.choice(PROSE))
            elif r < 0.9:
                cands.append(paragraph(rng, rng.randint(1, 4)))
            else:
                cands.append(variant_of(base, rng))
        add("paragraphs", cands)
    # ~200-token texts
    for _ in range(150):
        base = random_text(rng, rng.randint(150, 250))
        k = rng.randint(2, 8)
        cands = [surface(mutate(base, rng.uniform(0.02, 0.5), rng), rng) for _ in range(k)]
        add("long_texts", cands)
    # outputs that differ by inflection only (the stemmer matters)
    for _ in range(200):
        base = inflection_sentence(rng) if rng.random() < 0.5 else rng.choice(INSTRUCTIONS + PROSE)
        k = rng.randint(2, 6)
        add("inflection", [inflect(base, rng) for _ in range(k)])
    # lowest pairwise F right around the 0.01 threshold
    for c in near_min_sets(rng):
        add("near_min_agreement", c)
    return sets


def consensus_line(item):
    kind, cands = item
    obj = consensus(cands)
    obj["kind"] = kind
    return obj


# ---------------------------------------------------------------------------

def write_lines(path, lines):
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        for line in lines:
            fh.write(line)
            fh.write("\n")
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(max(1, args.jobs)) as pool:
        items = rouge_inputs()
        log(f"rouge pairs: scoring {len(items)} pairs")
        # the longest pairs first so the pool stays busy; output keeps input order
        order = sorted(range(len(items)), key=lambda i: -(len(items[i][1]) + len(items[i][2])))
        scored = pool.map(score_pair, [items[i] for i in order], chunksize=1)
        results = [None] * len(items)
        for i, obj in zip(order, scored):
            results[i] = obj
        lines = [json.dumps(obj, ensure_ascii=False) for obj in results]
        write_lines(args.out / "rouge_pairs.jsonl", lines)

        sets = consensus_inputs()
        log(f"consensus: {len(sets)} sets")
        objs = pool.map(consensus_line, sets, chunksize=8)
        write_lines(args.out / "consensus_sets.jsonl", [json.dumps(o, ensure_ascii=False) for o in objs])

    porter = porter_words()
    write_lines(args.out / "porter_words.tsv", porter)

    # summary
    kinds = {}
    for obj in results:
        kinds[obj["kind"]] = kinds.get(obj["kind"], 0) + 1
    near = {}
    x = 0.7
    for _ in range(4):
        x = math.nextafter(x, 0.0)
    for ulps in range(-4, 5):
        near[hx(x)] = (ulps, repr(x))
        x = math.nextafter(x, 1.0)
    for key in ("f", "f_stem"):
        counts = {}
        for o in results:
            if o[key] in near:
                counts[near[o[key]]] = counts.get(near[o[key]], 0) + 1
        log(f"{key} around 0.7: " + ", ".join(f"{v}: {n}" for (_u, v), n in sorted(counts.items())))
    log("rouge kinds: " + ", ".join(f"{k}={v}" for k, v in kinds.items()))
    ck, rules = {}, {}
    for o in objs:
        ck[o["kind"]] = ck.get(o["kind"], 0) + 1
        key = (o["rule"], o["discard"])
        rules[key] = rules.get(key, 0) + 1
    log("consensus kinds: " + ", ".join(f"{k}={v}" for k, v in ck.items()))
    log("consensus outcomes: " + ", ".join(f"{r}/{d}={v}" for (r, d), v in sorted(rules.items(), key=str)))
    log(f"porter words: {len(porter)}")
    for name in ("rouge_pairs.jsonl", "porter_words.tsv", "consensus_sets.jsonl"):
        p = args.out / name
        log(f"{name}: {p.stat().st_size} bytes, sha256 {hashlib.sha256(p.read_bytes()).hexdigest()}")


if __name__ == "__main__":
    main()
