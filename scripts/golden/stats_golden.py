#!/usr/bin/env python3
"""Golden values for QuorumCore's statistics, computed independently of the Swift code.

Wilson 95% score intervals come from scipy (scipy.stats.binomtest(...).proportion_ci with
method="wilson"); Cohen's kappa is computed with exact fractions from the confusion matrix
(Python's fractions and collections). Run:

    python3 scripts/golden/stats_golden.py

and paste the printed Swift literals into Tests/QuorumCoreTests/StatisticsGoldenTests.swift.
"""
from collections import Counter
from fractions import Fraction

from scipy.stats import binomtest, norm

WILSON_CASES = [(0, 1), (1, 1), (0, 10), (3, 10), (10, 10), (1, 100), (37, 250), (500, 1000), (7, 12345)]

# Pairs of nominal labels (curator, consensus): chosen candidate index or "edited/rejected".
KAPPA_CASES = {
    "perfect": [("0", "0"), ("1", "1"), ("2", "2"), ("1", "1")],
    "mixed": [("0", "0"), ("1", "1"), ("2", "1"), ("edited/rejected", "0"), ("1", "1"),
              ("0", "0"), ("2", "2"), ("edited/rejected", "2"), ("1", "0"), ("0", "0")],
    "worse_than_chance": [("0", "1"), ("1", "0"), ("0", "1"), ("1", "0")],
    "skewed": [("1", "1")] * 40 + [("edited/rejected", "1")] * 7 + [("0", "0")] * 3 + [("0", "1")] * 2,
}


def kappa(pairs):
    n = len(pairs)
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    observed = Fraction(sum(1 for a, b in pairs if a == b), n)
    chance = sum(Fraction(first[label], n) * Fraction(second[label], n) for label in first)
    return (observed - chance) / (1 - chance)


def main():
    print(f"// z = norm.ppf(0.975) = {float(norm.ppf(0.975))!r}")
    print("static let wilson: [(successes: Int, trials: Int, lower: Double, upper: Double)] = [")
    for k, n in WILSON_CASES:
        ci = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
        print(f"    ({k}, {n}, {float(ci.low)!r}, {float(ci.high)!r}),")
    print("]")
    print("static let kappa: [String: Double] = [")
    for name, pairs in KAPPA_CASES.items():
        print(f'    "{name}": {float(kappa(pairs))!r},')
    print("]")


if __name__ == "__main__":
    main()
