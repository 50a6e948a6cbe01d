#!/usr/bin/env python3
"""Publication dates of real web pages: newsdex against the gold dates, and htmldate beside it.

Indexes each folder of ../shared/corpora/html-news (mediacloud, default) into a temporary index
with the release binary, reads every page's date with `newsdex show ID --json`, and prints for
each folder:
  coverage  the share of pages that got a date at all,
  accuracy  the share of all pages whose date is the gold day exactly (htmldate's measure),
  precision the share of dated pages whose date is right.
When the Python package `htmldate` is importable, its extensive and fast modes are run on the
same pages and printed beside newsdex (htmldate is only a yardstick; newsdex stays pure Rust).

Usage: python3 benches/html_dates.py [CORPUS_DIR]   ($NEWSDEX_BIN picks another binary,
$HTML_DATES_MISSES=1 lists newsdex's wrong and missing dates page by page)
The pages are third-party copyright: read from shared/ only, never copied into the repository.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "corpora", "html-news")
BINARY = os.environ.get("NEWSDEX_BIN", os.path.join(ROOT, "target", "release", "newsdex"))


def newsdex_dates(folder, gold):
    with tempfile.TemporaryDirectory() as index:
        start = time.time()
        run = subprocess.run([BINARY, "index", folder, "--index", index, "--no-manifest"],
                             capture_output=True, text=True)
        seconds = time.time() - start
        if run.returncode != 0:
            sys.exit(f"newsdex index failed: {run.stderr}")
        size = sum(os.path.getsize(os.path.join(folder, name)) for name in gold)
        print(f"  newsdex indexed {len(gold)} pages, {size / 1e6:.1f} MB in {seconds:.1f} s "
              f"({size / 1e6 / seconds:.1f} MB/s, attribution and indexing included)")
        dates = {}
        for name in gold:
            page_id = os.path.splitext(name)[0]
            show = subprocess.run([BINARY, "show", page_id, "--json", "--index", index],
                                  capture_output=True, text=True)
            if show.returncode == 0:
                dates[name] = json.loads(show.stdout).get("date")
            else:
                dates[name] = None
        return dates


def htmldate_dates(folder, gold, extensive):
    from htmldate import find_date
    dates = {}
    for name in gold:
        with open(os.path.join(folder, name), "rb") as f:
            html = f.read()
        try:
            dates[name] = find_date(html, original_date=True, extensive_search=extensive)
        except Exception:  # htmldate may raise on odd pages; that is a miss
            dates[name] = None
    return dates


def score(label, dates, gold):
    if os.environ.get("HTML_DATES_MISSES") and label == "newsdex":
        for name in sorted(gold):
            if dates.get(name) != gold[name]["date"]:
                print(f"    miss {name}: got {dates.get(name)}, gold {gold[name]['date']}")
    total = len(gold)
    dated = sum(1 for name in gold if dates.get(name))
    right = sum(1 for name in gold if dates.get(name) == gold[name]["date"])
    precision = right / dated if dated else 0.0
    print(f"  {label:<22} coverage {dated / total:.3f}  accuracy {right / total:.3f}  "
          f"precision {precision:.3f}  ({right}/{total} right, {dated} dated)")


def main():
    if not os.path.exists(BINARY):
        sys.exit("build the release binary first: cargo build --release")
    try:
        import htmldate  # noqa: F401
        have_htmldate = True
    except ImportError:
        have_htmldate = False
        print("(htmldate not importable: pip install htmldate to compare)")
    for sub in ("mediacloud", "default"):
        folder = os.path.join(CORPUS, sub)
        gold_path = os.path.join(folder, "gold.json")
        if not os.path.exists(gold_path):
            print(f"{sub}: absent, skipped")
            continue
        with open(gold_path) as f:
            gold = json.load(f)
        print(f"{sub}: {len(gold)} pages")
        score("newsdex", newsdex_dates(folder, gold), gold)
        if have_htmldate:
            score("htmldate extensive", htmldate_dates(folder, gold, True), gold)
            score("htmldate fast", htmldate_dates(folder, gold, False), gold)


if __name__ == "__main__":
    main()
