#!/usr/bin/env python3
"""Python reference runner for `quorum bench rouge`.

Runs the Rouge-L workloads of a WORKLOAD.json with the Python packages the
project is measured against (rouge-score 0.1.2, and rapidfuzz as the fastest
reasonable Python alternative), and prints one JSON object on stdout with the
results and timings. Progress goes to stderr. See scripts/bench/README.md.

    python rouge_reference.py WORKLOAD.json
    python rouge_reference.py --self-test
    python rouge_reference.py --make-workload OUT.json [--stream N ...]
    python rouge_reference.py --variants WORKLOAD.json

Only needs: rouge-score, nltk, rapidfuzz, numpy (and the standard library).
"""

import argparse
import importlib.metadata
import json
import math
import platform
import random
import struct
import sys
import time

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import LCSseq
from rouge_score import rouge_scorer, tokenizers

perf = time.perf_counter

# Names accepted in "skip". The group names skip both halves of a group.
PARTS = ("pairs", "rouge_score_novelty", "rapidfuzz_novelty",
         "rouge_score_matrix", "rapidfuzz_matrix")
GROUPS = {"novelty": ("rouge_score_novelty", "rapidfuzz_novelty"),
          "matrix": ("rouge_score_matrix", "rapidfuzz_matrix")}

# Rows per cdist call in the rapidfuzz novelty filter (measured on a 10k
# stream: 128..384 within noise of each other, 512 ~10% and 1024 ~30%
# slower, the float32 block no longer fitting in cache; see README).
BLOCK = 256


class ReferenceMismatch(Exception):
    """The rapidfuzz path and rouge-score disagreed: the timings are void."""


def log(msg):
    print(f"[rouge_reference] {msg}", file=sys.stderr, flush=True)


def hex16(f):
    return struct.pack(">d", float(f)).hex()


def versions():
    out = {"python": platform.python_version()}
    for key, dist in (("rouge_score", "rouge-score"), ("nltk", "nltk"),
                      ("rapidfuzz", "rapidfuzz"), ("numpy", "numpy")):
        try:
            out[key] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[key] = "unknown"
    return out


# ---------------------------------------------------------------------------
# Shared pieces of the rapidfuzz path


class Encoder:
    """Maps each distinct token to one code point, so a token list becomes a
    str that rapidfuzz compares natively (measured fastest; see README).
    Surrogate code points are skipped; past the last code point (more than
    ~1.1M distinct tokens) it falls back to lists of ints."""

    def __init__(self):
        self.ids = {}
        self.as_str = True

    def _cp(self, i):
        return i if i < 0xD800 else i + 0x800

    def encode_all(self, token_lists):
        ids = self.ids
        setdefault = ids.setdefault
        if self.as_str:
            for toks in token_lists:
                for t in toks:
                    setdefault(t, len(ids))
            if len(ids) + 0x800 > 0x10FFFF:
                self.as_str = False
        if self.as_str:
            table = {t: chr(self._cp(i)) for t, i in ids.items()}
            return ["".join([table[t] for t in toks]) for toks in token_lists]
        return [[setdefault(t, len(ids)) for t in toks] for toks in token_lists]


def f_matrix(lcs, len_target, len_pred):
    """rouge-score's F for an array of LCS lengths, bit for bit:
    p = lcs/len_pred, r = lcs/len_target, F = 2*p*r/(p+r) evaluated left to
    right as Python does ((2*p)*r, then / (p+r)), 0 where p+r == 0.
    len_target broadcasts over rows, len_pred over columns (float64 arrays
    with 0 lengths replaced by 1: the LCS is 0 there anyway)."""
    lcs = lcs.astype(np.float64)
    p = lcs / len_pred
    r = lcs / len_target
    num = p * 2.0
    num *= r
    den = p + r
    zero = den == 0.0
    den[zero] = 1.0          # num is 0 there, so F = 0, as rouge-score
    num /= den
    return num


def safe_lengths(seqs):
    a = np.fromiter((len(s) for s in seqs), dtype=np.float64, count=len(seqs))
    a[a == 0] = 1.0
    return a


# ---------------------------------------------------------------------------
# Workload 1: agreement over pairs


def run_pairs(pairs):
    out = {}
    for stem, key in ((False, ""), (True, "_stem")):
        scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=stem)
        t0 = perf()
        fs = [scorer.score(p["a"], p["b"])["rougeL"].fmeasure for p in pairs]
        secs = perf() - t0
        out["f" + key] = [hex16(f) for f in fs]
        out["seconds" + key] = secs
        log(f"pairs stem={stem}: {len(pairs)} pairs in {secs:.3f} s")
    return {"f": out["f"], "f_stem": out["f_stem"],
            "seconds": out["seconds"], "seconds_stem": out["seconds_stem"]}


# ---------------------------------------------------------------------------
# Workload 2: novelty filter


def novelty_rouge_score(texts, threshold):
    """Self-Instruct's later code, single process, with early exit: tokenize
    once, then _score_lcs(new, kept) against each kept text."""
    tok = tokenizers.DefaultTokenizer(use_stemmer=False)
    score = rouge_scorer._score_lcs
    t0 = perf()
    toks = [tok.tokenize(t) for t in texts]
    t1 = perf()
    kept, kept_toks = [], []
    comparisons = 0
    for i, ti in enumerate(toks):
        novel = True
        for tj in kept_toks:
            comparisons += 1
            if score(ti, tj).fmeasure > threshold:
                novel = False
                break
        if novel:
            kept.append(i)
            kept_toks.append(ti)
    t2 = perf()
    return {"sample": len(texts), "kept": kept, "seconds": t2 - t0,
            "tokenize_seconds": t1 - t0, "comparisons": comparisons}


def _conflicts(rows, cols, len_rows, len_cols, threshold, prefilter):
    """The cells (row, col) of rows x cols whose rouge-score F is above the
    threshold, as two index arrays, plus the number of cells compared.

    Dense: cdist's LCS for every cell, then F for every cell (f_matrix).
    Prefilter: mathematically F = 2*lcs/(m+n), and the float formula is
    within a few ulps of it, so a cell can only be above t if
    lcs - a*n > a*m with a = (t - 1e-3)/2; that test runs in float32 over
    the whole block (two passes), and the exact float64 formula then runs
    on the few cells that pass it. The margin (5e-4 * (m+n)) dwarfs the
    float32 rounding at any length, so no cell above t is ever missed; the
    self-test checks both modes against each other and against
    _score_lcs."""
    if prefilter:
        lcs = process.cdist(rows, cols, scorer=LCSseq.similarity,
                            dtype=np.float32, workers=1)
        a = (threshold - 1e-3) / 2
        x = lcs - (len_cols * a).astype(np.float32)[None, :]
        r, c = np.nonzero(x > (len_rows * a).astype(np.float32)[:, None])
        f = f_matrix(lcs[r, c], len_rows[r], len_cols[c])
    else:
        lcs = process.cdist(rows, cols, scorer=LCSseq.similarity,
                            dtype=np.int32, workers=1)
        f = f_matrix(lcs, len_rows[:, None], len_cols[None, :])
        r, c = np.nonzero(f > threshold)
        return lcs.size, r, c
    over = f > threshold
    return lcs.size, r[over], c[over]


def _decide_block(nrows, pre_rows, within_rows, within_cols):
    """Decide the rows of one block in order. pre_rows: rows above the
    threshold against some text kept before the block. (within_rows[i],
    within_cols[i]): row above the threshold against that block row.
    Returns the kept block rows."""
    blocked = np.zeros(nrows, dtype=bool)
    blocked[pre_rows] = True
    earlier = {}
    for k, m in zip(within_rows.tolist(), within_cols.tolist()):
        if m < k:
            earlier.setdefault(k, []).append(m)
    kept_flag = [False] * nrows
    kept = []
    for k, b in enumerate(blocked.tolist()):
        if b:
            continue
        if k in earlier and any(kept_flag[m] for m in earlier[k]):
            continue
        kept_flag[k] = True
        kept.append(k)
    return kept


def _filter_pool(seqs, lens, threshold, block, prefilter):
    """Each block of rows is compared with the texts kept before the block
    plus the block itself (dropped texts are never compared again)."""
    n = len(seqs)
    kept, kept_seqs = [], []
    kept_lens = np.empty(0, dtype=np.float64)
    comparisons = 0
    for s in range(0, n, block):
        e = min(n, s + block)
        rows = seqs[s:e]
        npre = len(kept_seqs)
        cells, r, c = _conflicts(rows, kept_seqs + rows, lens[s:e],
                                 np.concatenate((kept_lens, lens[s:e])),
                                 threshold, prefilter)
        comparisons += cells
        pre = c < npre
        bk = _decide_block(e - s, r[pre], r[~pre], c[~pre] - npre)
        kept.extend(s + k for k in bk)
        kept_seqs.extend(rows[k] for k in bk)
        kept_lens = np.concatenate((kept_lens, lens[s:e][bk]))
    return kept, comparisons


def _filter_triangle(seqs, lens, threshold, block, prefilter):
    """Each block of rows is compared with every text before its end (the
    lower triangle, plus the block's own square); cells in columns of
    dropped texts are ignored."""
    n = len(seqs)
    kept = []
    kept_flag = np.zeros(n, dtype=bool)
    comparisons = 0
    for s in range(0, n, block):
        e = min(n, s + block)
        cells, r, c = _conflicts(seqs[s:e], seqs[:e], lens[s:e], lens[:e],
                                 threshold, prefilter)
        comparisons += cells
        pre = c < s
        pre_rows = r[pre][kept_flag[c[pre]]]
        bk = _decide_block(e - s, pre_rows, r[~pre], c[~pre] - s)
        kept.extend(s + k for k in bk)
        kept_flag[[s + k for k in bk]] = True
    return kept, comparisons


def novelty_rapidfuzz(texts, threshold, encoding="str", strategy="pool",
                      block=BLOCK, prefilter=True):
    tok = tokenizers.DefaultTokenizer(use_stemmer=False)
    t0 = perf()
    toks = [tok.tokenize(t) for t in texts]
    if encoding == "str":
        seqs = Encoder().encode_all(toks)
    elif encoding == "int":
        ids = {}
        seqs = [[ids.setdefault(t, len(ids)) for t in ts] for ts in toks]
    else:                      # "tokens": rapidfuzz hashes the str tokens
        seqs = toks
    lens = safe_lengths(seqs)
    t1 = perf()
    run = _filter_pool if strategy == "pool" else _filter_triangle
    kept, comparisons = run(seqs, lens, threshold, block, prefilter)
    t2 = perf()
    return {"kept": kept, "seconds": t2 - t0, "tokenize_seconds": t1 - t0,
            "comparisons": comparisons,
            "variant": f"{strategy}/{encoding}/block={block}/"
                       f"{'prefilter' if prefilter else 'dense'}"}


# ---------------------------------------------------------------------------
# Workload 3: the consensus matrix


def _matrix_rouge_score(toks):
    score = rouge_scorer._score_lcs
    k = len(toks)
    m = [[1.0] * k for _ in range(k)]
    for i in range(k):
        ti = toks[i]
        for j in range(i + 1, k):
            f = score(ti, toks[j]).fmeasure
            m[i][j] = f
            m[j][i] = f
    return m


def _encode_ints(toks):
    """Token lists -> lists of small ints (ids local to the call)."""
    ids = {}
    setdefault = ids.setdefault
    return [[setdefault(t, len(ids)) for t in ts] for ts in toks]


MATRIX_ENCODERS = {
    "int": _encode_ints,                            # measured fastest
    "str": lambda toks: Encoder().encode_all(toks),
    "tokens": lambda toks: toks,                    # rapidfuzz hashes them
}


def _matrix_rapidfuzz(seqs):
    lens = safe_lengths(seqs)
    lcs = process.cdist(seqs, seqs, scorer=LCSseq.similarity,
                        dtype=np.int32, workers=1)
    f = f_matrix(lcs, lens[:, None], lens[None, :])
    np.fill_diagonal(f, 1.0)
    return f


def _timed_repeats(fn, items, min_total=0.5, max_reps=1000):
    """Run fn over all items; repeat the whole pass until >= min_total s.
    Returns (seconds per item, results of the first pass)."""
    t0 = perf()
    first = [fn(x) for x in items]
    total = perf() - t0
    reps = 1
    if items and total < min_total:
        more = min(max_reps - 1, math.ceil(min_total / max(total, 1e-9)) - 1)
        t0 = perf()
        for _ in range(more):
            for x in items:
                fn(x)
        total += perf() - t0
        reps += more
    per = total / (reps * len(items)) if items else 0.0
    return per, first, reps


def run_matrix(matrices, do_rouge, do_rapid, encoding="int"):
    tok = tokenizers.DefaultTokenizer(use_stemmer=True)
    mtoks = [[tok.tokenize(t) for t in m] for m in matrices]   # untimed
    out = {"values": None, "rouge_score": None, "rapidfuzz": None}
    if do_rouge:
        per, values, reps = _timed_repeats(_matrix_rouge_score, mtoks)
        out["rouge_score"] = {"seconds_per_matrix": per}
        log(f"matrix rouge-score: {per * 1e6:.1f} us/matrix "
            f"({len(mtoks)} matrices x {reps})")
    else:
        values = [_matrix_rouge_score(t) for t in mtoks]
    out["values"] = [[[hex16(f) for f in row] for row in m] for m in values]
    if do_rapid:
        # The token -> id encoding runs inside the timed call, per matrix
        # (the rouge-score side starts from the same token lists); its
        # share is reported too.
        encode = MATRIX_ENCODERS[encoding]
        enc_time = [0.0]

        def fn(toks):
            t0 = perf()
            seqs = encode(toks)
            enc_time[0] += perf() - t0
            return _matrix_rapidfuzz(seqs)

        per, rf, reps = _timed_repeats(fn, mtoks)
        enc_per = enc_time[0] / (reps * len(mtoks)) if mtoks else 0.0
        out["rapidfuzz"] = {"seconds_per_matrix": per,
                            "encode_seconds_per_matrix": enc_per,
                            "variant": f"cdist/{encoding}"}
        log(f"matrix rapidfuzz: {per * 1e6:.1f} us/matrix, of which "
            f"encoding {enc_per * 1e6:.1f} us ({len(mtoks)} matrices x "
            f"{reps})")
        for mi, (a, b) in enumerate(zip(values, rf)):
            if [[hex16(x) for x in row] for row in a] != \
                    [[hex16(x) for x in row] for row in b.tolist()]:
                raise ReferenceMismatch(f"matrix {mi}: rapidfuzz F bits "
                                        "differ from rouge-score")
    return out


# ---------------------------------------------------------------------------
# Driver


def run_workload(w):
    skip = set()
    for name in w.get("skip", []) or []:
        if name in GROUPS:
            skip.update(GROUPS[name])
        elif name in PARTS:
            skip.add(name)
        else:
            log(f"warning: unknown part in skip: {name!r} "
                f"(known: {', '.join(PARTS + tuple(GROUPS))})")
    threshold = float(w.get("threshold", 0.7))
    stream = list(w.get("stream", []))
    sample = min(int(w.get("rouge_score_sample", 1000)), len(stream))

    result = {"versions": versions(), "pairs": None, "novelty": None,
              "matrix": None}

    if "pairs" not in skip:
        log(f"pairs: {len(w.get('pairs', []))}")
        result["pairs"] = run_pairs(w.get("pairs", []))

    nov = {"rapidfuzz": None, "rouge_score": None}
    if "rapidfuzz_novelty" not in skip:
        log(f"novelty rapidfuzz: {len(stream)} texts")
        nov["rapidfuzz"] = novelty_rapidfuzz(stream, threshold)
        r = nov["rapidfuzz"]
        log(f"novelty rapidfuzz: kept {len(r['kept'])}/{len(stream)} in "
            f"{r['seconds']:.3f} s (tokenize {r['tokenize_seconds']:.3f} s, "
            f"{r['comparisons']} comparisons)")
    if "rouge_score_novelty" not in skip:
        log(f"novelty rouge-score: first {sample} texts")
        nov["rouge_score"] = novelty_rouge_score(stream[:sample], threshold)
        r = nov["rouge_score"]
        log(f"novelty rouge-score: kept {len(r['kept'])}/{sample} in "
            f"{r['seconds']:.3f} s (tokenize {r['tokenize_seconds']:.3f} s, "
            f"{r['comparisons']} comparisons)")
    if nov["rapidfuzz"] is not None and nov["rouge_score"] is not None:
        # The filter only looks back, so its decisions on a prefix do not
        # depend on what follows: the kept sets must agree on the sample.
        rf = [i for i in nov["rapidfuzz"]["kept"] if i < sample]
        if rf != nov["rouge_score"]["kept"]:
            raise ReferenceMismatch("novelty: rapidfuzz kept set differs "
                                    "from rouge-score's on the sample")
    if nov["rapidfuzz"] is not None or nov["rouge_score"] is not None:
        result["novelty"] = nov

    do_rouge = "rouge_score_matrix" not in skip
    do_rapid = "rapidfuzz_matrix" not in skip
    if do_rouge or do_rapid:
        matrices = w.get("matrices", [])
        log(f"matrix: {len(matrices)} matrices")
        result["matrix"] = run_matrix(matrices, do_rouge, do_rapid)
    return result


# ---------------------------------------------------------------------------
# Synthetic workloads (self-test, and a stream to try things on)

VERBS = """Write Explain Describe Summarize Classify Generate Create List Identify
Translate Rewrite Compare Suggest Find Give Provide Convert Determine Analyze
Predict Outline Compose Edit Rank Design Evaluate Name Choose Extract Tell
Recommend Estimate Sort Detect Paraphrase Correct Brainstorm Plan Draft
Simplify""".split()
ADJS = """short formal friendly detailed simple creative persuasive funny
polite technical brief positive negative neutral historical scientific
personal professional informal catchy clear concise possible common main
different important healthy popular modern traditional local global""".split()
NOUNS = """email poem story summary list essay review tweet headline slogan
letter recipe plan paragraph sentence title question answer argument
explanation description report speech dialogue joke riddle advertisement
product movie book song article website customer employee student teacher
company city country planet animal plant computer phone recipe budget
schedule meeting interview vacation restaurant hotel museum game sport team
election policy law contract invoice resume password database algorithm
function program equation number word synonym antonym metaphor idea habit
goal strategy risk benefit problem solution reason example step rule
feature bug issue request complaint apology invitation announcement""".split()
PREPS = "for about of to with in from on using between".split()
DETS = "a the an this each every some three five".split()
CONNECT = """that which so that because while and but or if when""".split()
EXTRAS = ["café", "naïve", "résumé", "e-mail", "user's", "step-by-step",
          "COVID-19", "10%", "$20", "3.5", "well_known", "don't", "München",
          "東京", "AI", "U.S.", "co-worker", "2023", "x²"]


def _noun_phrase(rng):
    words = [rng.choice(DETS)]
    if rng.random() < 0.6:
        words.append(rng.choice(ADJS))
    words.append(rng.choice(NOUNS))
    return words


def _instruction(rng, lo=8, hi=30):
    target = rng.randint(lo, hi)
    words = [rng.choice(VERBS)] + _noun_phrase(rng)
    while len(words) < target:
        r = rng.random()
        if r < 0.55:
            words += [rng.choice(PREPS)] + _noun_phrase(rng)
        elif r < 0.85:
            words += [rng.choice(CONNECT)] + _noun_phrase(rng)
        else:
            words.append(rng.choice(EXTRAS))
    words = words[:target]
    text = " ".join(words)
    if rng.random() < 0.3:
        text = text.replace(" and ", ", and ", 1)
    return text + rng.choice([".", ".", ".", "?", ":", ""])


def _near_duplicate(rng, text, edits):
    words = text.split()
    for _ in range(edits):
        op = rng.random()
        pos = rng.randrange(len(words))
        if op < 0.6:
            words[pos] = rng.choice(NOUNS + ADJS)
        elif op < 0.8 and len(words) > 2:
            del words[pos]
        else:
            words.insert(pos, rng.choice(NOUNS + ADJS))
    return " ".join(words)


def make_stream(rng, n, dup_rate=0.1, lo=8, hi=30, oddities=False):
    stream = []
    for i in range(n):
        if stream and rng.random() < dup_rate:
            base = stream[rng.randrange(len(stream))]
            # One or two words edited; a few with three, which lands some
            # pairs right at the 0.7 boundary (e.g. 7 of 10 tokens).
            edits = rng.choice([1, 1, 2, 2, 3] if oddities else [1, 2])
            stream.append(_near_duplicate(rng, base, edits))
        elif oddities and rng.random() < 0.01:
            stream.append(rng.choice(["", "!!!", "…", "—", "¿?", "東京"]))
        else:
            stream.append(_instruction(rng, lo, hi))
    return stream


def _answer(rng, tokens):
    words = []
    while len(words) < tokens:
        words += _instruction(rng, 8, 20).split()
    return " ".join(words[:tokens])


def make_matrices(rng, count, tokens=200, size=8):
    matrices = []
    for _ in range(count):
        base = _answer(rng, tokens)
        cands = []
        for c in range(size):
            if c % 3 == 2:
                cands.append(_answer(rng, tokens))       # unrelated
            else:
                edits = rng.randint(0, max(1, tokens // 4))
                cands.append(_near_duplicate(rng, base, edits))
        matrices.append(cands)
    return matrices


def make_workload(seed=1, stream=10000, pairs=2000, matrices=100,
                  matrix_tokens=200, sample=1000, oddities=False):
    rng = random.Random(seed)
    s = make_stream(rng, stream, oddities=oddities)
    p = []
    for _ in range(pairs):
        a = _instruction(rng)
        b = _near_duplicate(rng, a, rng.randint(1, 6)) \
            if rng.random() < 0.5 else _instruction(rng)
        p.append({"a": a, "b": b})
    return {"pairs": p, "stream": s, "threshold": 0.7,
            "rouge_score_sample": sample,
            "matrices": make_matrices(rng, matrices, matrix_tokens)}


EDGES = ((8, 12, 7), (9, 11, 7), (18, 22, 14), (10, 10, 7))


def self_test():
    w = make_workload(seed=7, stream=400, pairs=300, matrices=6,
                      matrix_tokens=60, sample=400, oddities=True)
    # Texts whose F sits on the threshold: (len a, len b, LCS) where
    # 2*p*r/(p+r) is 0.7000000000000001 (dropped) but 2*lcs/(m+n) is 0.7,
    # and (10, 10, 7) where both are 0.7 (kept). Own words, so that they
    # meet nothing else in the stream.
    edge = []
    for k, (m, n, l) in enumerate(EDGES):
        a = [f"e{k}w{i}" for i in range(m)]
        b = a[:l] + [f"e{k}v{i}" for i in range(n - l)]
        edge += [" ".join(a), " ".join(b)]
    w["stream"] = edge + w["stream"]
    w["rouge_score_sample"] = len(w["stream"])
    # Pairs that are empty on one or both sides, and unicode.
    w["pairs"] += [{"a": "", "b": "x"}, {"a": "!!", "b": ""},
                   {"a": "Café crème", "b": "cafe creme"},
                   {"a": "running runs ran", "b": "run running"}]
    w["matrices"].append(["", "!!!", "a b", "b a", "a", "A b c", "x", ""])
    log("self-test: full run")
    out = run_workload(w)      # raises ReferenceMismatch on disagreement
    nov = out["novelty"]
    kept = nov["rouge_score"]["kept"]
    assert kept == nov["rapidfuzz"]["kept"], "kept sets differ"
    assert 0 < len(kept) < len(w["stream"]), "filter kept all or nothing"
    want_edge = [i for i in range(len(edge))
                 if i % 2 == 0 or EDGES[i // 2][:2] == (10, 10)]
    assert [i for i in kept if i < len(edge)] == want_edge, "edge cases"
    # Every variant of the rapidfuzz filter must agree too.
    for enc in ("str", "int", "tokens"):
        for strat in ("pool", "triangle"):
            for block in (1, 7, 64, 4096):
                for pf in (True, False):
                    r = novelty_rapidfuzz(w["stream"], 0.7, enc, strat,
                                          block, pf)
                    assert r["kept"] == kept, f"{r['variant']} differs"
    # The prefilter at other thresholds, against the dense path (whose F
    # bits are checked against _score_lcs below).
    for t in (-0.1, 0.0, 0.2, 0.5, 0.6, 0.75, 0.9, 1.0):
        dense = novelty_rapidfuzz(w["stream"], t, "str", "triangle", 64,
                                  False)["kept"]
        pf = novelty_rapidfuzz(w["stream"], t, "str", "pool", 64)["kept"]
        assert dense == pf, f"prefilter differs at threshold {t}"
    # Pairs: bits equal to a direct call of the package.
    for stem, key in ((False, "f"), (True, "f_stem")):
        sc = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=stem)
        want = [hex16(sc.score(p["a"], p["b"])["rougeL"].fmeasure)
                for p in w["pairs"]]
        assert out["pairs"][key] == want, f"pairs {key} differ"
    # F bits: the numpy path against _score_lcs over all ordered pairs of
    # the first 250 stream texts (near duplicates, empties, 0.7 edges).
    tok = tokenizers.DefaultTokenizer(use_stemmer=False)
    toks = [tok.tokenize(t) for t in w["stream"][:250]]
    seqs = Encoder().encode_all(toks)
    lens = safe_lengths(seqs)
    lcs = process.cdist(seqs, seqs, scorer=LCSseq.similarity,
                        dtype=np.int32, workers=1)
    f = f_matrix(lcs, lens[:, None], lens[None, :])
    boundary = 0
    for i, ti in enumerate(toks):
        for j, tj in enumerate(toks):
            want = rouge_scorer._score_lcs(ti, tj).fmeasure
            assert hex16(f[i, j]) == hex16(want), (i, j, f[i, j], want)
            boundary += abs(want - 0.7) < 1e-12
    # Exact 0.7 boundary cases, constructed: F(7 of 10, 10) and friends.
    for m, n, l in EDGES + ((20, 20, 14), (10, 30, 14), (3, 4, 0)):
        a = [f"w{i}" for i in range(m)]
        b = a[:l] + [f"v{i}" for i in range(n - l)]
        want = rouge_scorer._score_lcs(a, b).fmeasure
        s = Encoder().encode_all([a, b])
        got = f_matrix(process.cdist(s[:1], s[1:], scorer=LCSseq.similarity,
                                     dtype=np.int32),
                       safe_lengths(s[:1])[:, None],
                       safe_lengths(s[1:])[None, :])[0, 0]
        assert hex16(got) == hex16(want), (m, n, l, got, want)
    log(f"self-test: {len(kept)}/{len(w['stream'])} kept, "
        f"{boundary} ordered pairs at F = 0.7 +- 1e-12 checked bit for bit")
    json.dumps(out)            # the output must serialise
    print("self-test ok")


def compare_variants(w):
    """Time every rapidfuzz novelty variant on a workload's stream (and the
    matrix encodings); for choosing the defaults. Not part of the bench."""
    stream = w["stream"]
    threshold = float(w.get("threshold", 0.7))
    base = None
    runs = [("pool", enc, b, pf) for pf in (True, False)
            for enc in ("str", "int", "tokens") for b in (256, 512, 1024)
            if enc == "str" or b == 512]
    runs += [("triangle", "str", b, pf) for pf in (True, False)
             for b in (256, 512, 1024)]
    for strat, enc, block, pf in runs:
        for _ in range(2):
            r = novelty_rapidfuzz(stream, threshold, enc, strat, block, pf)
            base = base or r["kept"]
            assert r["kept"] == base, r["variant"]
            log(f"{r['variant']:>34}: {r['seconds']:7.3f} s "
                f"(tokenize+encode {r['tokenize_seconds']:.3f} s, "
                f"{r['comparisons']} cells, kept {len(r['kept'])})")
    tok = tokenizers.DefaultTokenizer(use_stemmer=True)
    mtoks = [[tok.tokenize(t) for t in m] for m in w.get("matrices", [])]
    for enc, encode in MATRIX_ENCODERS.items():
        for _ in range(2):
            per, _, _ = _timed_repeats(
                lambda t: _matrix_rapidfuzz(encode(t)), mtoks)
            log(f"{'matrix cdist/' + enc:>34}: {per * 1e6:7.1f} us/matrix")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("workload", nargs="?", help="WORKLOAD.json")
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--variants", metavar="WORKLOAD",
                    help="time the rapidfuzz variants on WORKLOAD.json")
    ap.add_argument("--make-workload", metavar="OUT",
                    help="write a synthetic WORKLOAD.json to OUT")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--stream", type=int, default=10000)
    ap.add_argument("--pairs", type=int, default=2000)
    ap.add_argument("--matrices", type=int, default=100)
    ap.add_argument("--matrix-tokens", type=int, default=200)
    ap.add_argument("--sample", type=int, default=1000)
    a = ap.parse_args(argv)
    try:
        if a.self_test:
            self_test()
            return 0
        if a.make_workload:
            w = make_workload(a.seed, a.stream, a.pairs, a.matrices,
                              a.matrix_tokens, a.sample)
            with open(a.make_workload, "w", encoding="utf-8") as fh:
                json.dump(w, fh, ensure_ascii=False)
            log(f"wrote {a.make_workload}")
            return 0
        if a.variants:
            with open(a.variants, encoding="utf-8") as fh:
                compare_variants(json.load(fh))
            return 0
        if not a.workload:
            ap.error("WORKLOAD.json is required")
        with open(a.workload, encoding="utf-8") as fh:
            w = json.load(fh)
        out = run_workload(w)
        json.dump(out, sys.stdout)
        sys.stdout.write("\n")
        return 0
    except ReferenceMismatch as e:
        log(f"error: {e}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
