#!/usr/bin/env bash
# Checks that a speed change changed no output: indexes each corpus in ../shared/corpora (BBC,
# PolNeAR's articles, html-news) with two newsdex binaries, prints `newsdex show ID --json` for
# every article of each, and compares the two outputs byte for byte; then compares the PolNeAR
# scorer's report (`../shared/tools/polnear_eval.py score`) of the two binaries.
#
#   benches/same_output.sh OLD_BIN NEW_BIN [WORK_DIR]
#
# Prints one line per comparison and exits non-zero when any differs. Takes a few minutes per
# binary on the 2-core machine (most of it in 20,000 `show` processes and the scorer). Not run
# by CI: it needs two builds, and it is a check for speed work, not a test of behaviour.
set -euo pipefail

old=$(realpath "$1")
new=$(realpath "$2")
work=${3:-target/bench-scratch/same-output}
shared=$(realpath "$(dirname "$0")/../../shared")
if [ ! -d "$shared/corpora" ]; then
    echo "same_output.sh: $shared/corpora is absent; nothing to compare" >&2
    exit 0
fi
mkdir -p "$work"
work=$(realpath "$work")

# dump BIN TAG: TAG-{bbc,pol,html}.json and TAG-score.txt in $work.
dump() {
    local bin=$1 tag=$2
    for c in bbc:"$shared/corpora/bbc" pol:"$shared/corpora/polnear-train/articles" \
        html:"$shared/corpora/html-news"; do
        local name=${c%%:*} dir=${c#*:} idx="$work/idx-$tag-${c%%:*}"
        rm -rf "$idx"
        "$bin" --index "$idx" index "$dir" --rebuild >"$work/$tag-$name.index.log" 2>&1
        # Article ids are file paths without their extension; documentation files are skipped.
        (cd "$dir" && find . -type f ! -name '*.md' ! -name '*.json' |
            sed 's|^\./||; s|\.[^./]*$||' | sort) | while read -r id; do
            echo "== $id"
            "$bin" --index "$idx" show "$id" --json 2>&1 || true
        done | sed "s#$idx#IDX#g" >"$work/$tag-$name.json"
    done
    python3 "$shared/tools/polnear_eval.py" score "$bin" "$shared/corpora/polnear-train" \
        >"$work/$tag-score.txt" 2>&1
}

dump "$old" old
dump "$new" new
status=0
for f in bbc.json pol.json html.json score.txt; do
    if cmp -s "$work/old-$f" "$work/new-$f"; then
        echo "same: $f ($(wc -c <"$work/new-$f") bytes)"
    else
        echo "DIFFERENT: $f (diff $work/old-$f $work/new-$f)"
        status=1
    fi
done
exit $status
