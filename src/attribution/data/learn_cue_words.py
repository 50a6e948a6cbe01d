#!/usr/bin/env python3
"""Rebuilds cue_words.txt: the verb forms PolNeAR's annotators most often mark as cues.

Usage (from the repository root, with the corpus beside the checkout):

    python3 src/attribution/data/learn_cue_words.py ../shared/corpora/polnear-train \
        > src/attribution/data/cue_words.txt

The "model" is a count, not an optimiser: for every lower-case word form, how often it
lies inside a gold Cue span (`gold.jsonl`, every bucket) against how often it occurs in the
split's article texts at all. A form is kept when it is a cue at least MIN_CUES times and
in at least MIN_SHARE of its occurrences, and when it looks like a finite verb or a
progressive participle (ends in `-s`, `-ed` or `-ing`), the only forms the main-clause
sieve reads. Learn only from
`polnear-train`: the seed and BBC gold files stay unseen, and the other PolNeAR splits
stay held out. Standard library only.
"""

import collections
import glob
import json
import os
import re
import sys

MIN_CUES = 3
MIN_SHARE = 0.3
WORD = re.compile(r"[A-Za-z]+")


def main(split):
    cues = collections.Counter()
    with open(os.path.join(split, "gold.jsonl"), encoding="utf-8") as gold:
        for line in gold:
            row = json.loads(line)
            cues.update(w.lower() for w in WORD.findall(row["cue"]))
    occurrences = collections.Counter()
    for path in glob.glob(os.path.join(split, "articles", "*.txt")):
        with open(path, encoding="utf-8") as article:
            occurrences.update(w.lower() for w in WORD.findall(article.read()))
    kept = sorted(
        word
        for word, n in cues.items()
        if n >= MIN_CUES
        and occurrences[word]
        and n / occurrences[word] >= MIN_SHARE
        and word.endswith(("s", "ed", "ing"))
    )
    print("# Verb forms that PolNeAR's annotators mark as attribution cues in at least")
    print(f"# {MIN_SHARE:.0%} of their occurrences and at least {MIN_CUES} times: the acts and views")
    print("# news attributes to a person (\"bemoaned\", \"touted\", \"offered\"). Finite forms")
    print("# and -ing participles only. Learned from PolNeAR v1.0.0 train (Newell, Margolin and")
    print("# Ruths, LREC 2018) by learn_cue_words.py beside this file; rebuild with the command in")
    print("# its doc.")
    line = []
    for word in kept:
        if sum(len(w) + 1 for w in line) + len(word) > 90:
            print(" ".join(line))
            line = []
        line.append(word)
    if line:
        print(" ".join(line))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: learn_cue_words.py PATH/TO/polnear-train")
    main(sys.argv[1])
