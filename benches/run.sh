#!/usr/bin/env bash
# Reproduces every figure in BENCHMARKS.md with one command, from the repository root or anywhere:
#
#   benches/run.sh            # 1x, 4x and 20x BBC (about 5, 20 and 100 MB of text)
#   NEWSDEX_BENCH_SIZES=1 benches/run.sh     # quicker: the 1x corpus only
#
# Needs the BBC corpus at ../shared/corpora/bbc (relative to the repository root) and these
# tools, which this script never installs:
#   hyperfine, rg (ripgrep), GNU time at /usr/bin/time, jq, sqlite3 (with FTS5)
#   Debian/Ubuntu: apt-get install -y hyperfine ripgrep time jq sqlite3
# and tantivy-cli, which benches/engines.sh installs with `cargo install tantivy-cli` when missing.
#
# Generated corpora, indexes and FTS5 databases are cached in target/bench-corpora/ (delete it,
# or set NEWSDEX_BENCH_REBUILD=1, after changing ingest or attribution). Raw results go to
# target/bench-results/, criterion's own to target/criterion/, the chart to benches/latency.svg;
# the last thing printed is target/bench-results/summary.md, the tables BENCHMARKS.md quotes.
# The HTTP load figures alone: `cargo bench --bench serve` (benches/serve.rs; 1x only).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v cargo >/dev/null || missing+=("cargo (https://rustup.rs)")
command -v hyperfine >/dev/null || missing+=("hyperfine (apt-get install -y hyperfine)")
command -v rg >/dev/null || missing+=("rg (apt-get install -y ripgrep)")
[ -x /usr/bin/time ] || missing+=("GNU time at /usr/bin/time (apt-get install -y time)")
command -v jq >/dev/null || missing+=("jq (apt-get install -y jq)")
command -v sqlite3 >/dev/null || missing+=("sqlite3 (apt-get install -y sqlite3)")
if [ ${#missing[@]} -gt 0 ]; then
    echo "benches/run.sh: missing tools; install them and run again:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
fi
if [ ! -d ../shared/corpora/bbc ]; then
    echo "benches/run.sh: the BBC corpus is not at ../shared/corpora/bbc; nothing to measure" >&2
    exit 1
fi

export NEWSDEX_BENCH_SIZES="${NEWSDEX_BENCH_SIZES:-1,4,20}"
IFS=',' read -r -a sizes <<<"$NEWSDEX_BENCH_SIZES"
out=target/bench-results
scratch=target/bench-scratch
mkdir -p "$out" "$scratch"
newsdex=target/release/newsdex
step() { printf '\n== %s\n' "$*" >&2; }
calc() { awk "BEGIN { print $1 }"; }

step "machine and commit"
{
    echo "commit: $(git log -1 --oneline 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src 2>/dev/null || echo ' (with uncommitted changes in src/)')"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc)"
    echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
    echo "rustc: $(rustc --version)"
    echo "os: $(uname -sr)"
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
} | tee "$out/machine.txt"

step "release build"
cargo build --release --quiet

step "corpora, indexes and FTS5 databases (cached in target/bench-corpora)"
# NEWSDEX_BENCH_REBUILD=1 makes every cache lookup rebuild, in every bench binary (and several
# times within one: index(k) rebuilds the corpus, fts5(k) the index). Honour it once here:
# clear the cache, let prepare rebuild it, and let the later benches reuse that build.
if [ "${NEWSDEX_BENCH_REBUILD:-}" = 1 ]; then
    rm -rf target/bench-corpora
    unset NEWSDEX_BENCH_REBUILD
fi
cargo bench --quiet --bench prepare | tee "$out/prepare.txt"

step "indexing with the CLI: wall time and peak memory (newsdex index --rebuild)"
for k in "${sizes[@]}"; do
    corpus="target/bench-corpora/bbc-${k}x"
    rm -rf "$scratch/index-${k}x"
    /usr/bin/time -v -o "$out/index-${k}x.time" \
        "$newsdex" index "$corpus" --index "$scratch/index-${k}x" --source "BBC News" --rebuild --json \
        >"$out/index-${k}x.json"
    bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
    echo "$bytes" >"$out/index-${k}x.bytes"
    rm -rf "$scratch/index-${k}x"
done

step "indexing side by side: newsdex, tantivy-cli and FTS5, taking turns (benches/engines.sh)"
benches/engines.sh

step "criterion: search, indexing, fts5 (target/criterion)"
cargo bench --bench search --bench indexing --bench fts5 2>&1 | tee "$out/criterion.txt"

step "per-query percentiles, newsdex and FTS5 interleaved, and the chart"
cargo bench --bench latency | tee "$out/latency.txt"

step "newsdex serve under load: the BBC mix over HTTP and in process, 1x (benches/serve.rs)"
cargo bench --bench serve | tee "$out/serve.txt"

step "newsdex bench --json (the built-in mix, then benches/bbc-queries.txt) at each size"
for k in "${sizes[@]}"; do
    "$newsdex" --index "target/bench-corpora/index-${k}x" bench --json --runs 200 --warmup 10 \
        >"$out/newsdex-bench-${k}x.json"
    "$newsdex" --index "target/bench-corpora/index-${k}x" bench --json --runs 500 --warmup 20 \
        --queries benches/bbc-queries.txt >"$out/newsdex-bench-bbc-${k}x.json"
done

step "end to end: whole processes (hyperfine)"
for k in "${sizes[@]}"; do
    hyperfine -N --warmup 5 --runs 50 --export-json "$out/e2e-${k}x.json" \
        -n "newsdex --version (process start)" "$newsdex --version" \
        -n "newsdex search \"prime minister\"" "$newsdex --index target/bench-corpora/index-${k}x search '\"prime minister\"'" \
        -n "rg -i \"prime minister\"" "rg -i 'prime minister' target/bench-corpora/bbc-${k}x"
done

step "summary"
{
    echo "# Results"
    echo
    echo '```'
    cat "$out/machine.txt"
    echo '```'
    echo
    echo "## Indexing with the CLI (newsdex index --rebuild --source \"BBC News\")"
    echo
    echo "| size | MB of text | articles | passages | wall s | MB/s | peak RSS MiB | CPU % |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for k in "${sizes[@]}"; do
        bytes=$(cat "$out/index-${k}x.bytes")
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$out/index-${k}x.time")
        rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$out/index-${k}x.time")
        cpu=$(awk -F': ' '/Percent of CPU/ {print $2}' "$out/index-${k}x.time")
        jq -r --arg k "$k" --arg bytes "$bytes" --arg wall "$wall" --arg rss "$rss" --arg cpu "$cpu" \
            '"| \($k)x | \($bytes | tonumber / 1e6 * 10 | round / 10) | \(.indexed) | \(.passages) | \($wall) | \($bytes | tonumber / 1e6 / ($wall | tonumber) * 100 | round / 100) | \($rss) | \($cpu) |"' \
            "$out/index-${k}x.json"
    done
    echo
    echo "## Indexing side by side (benches/engines.sh)"
    echo
    cat "$out/engines.md"
    echo
    echo "## Criterion medians (µs; indexing in MB/s)"
    echo
    echo "| benchmark | median |"
    echo "|---|---:|"
    find target/criterion -path '*/new/benchmark.json' | sort | while read -r meta; do
        dir=$(dirname "$meta")
        id=$(jq -r .full_id "$meta")
        group=$(jq -r .group_id "$meta")
        median=$(jq -r .median.point_estimate "$dir/estimates.json")
        case "$group" in
        search | fts5) printf '| %s | %.1f |\n' "$id" "$(calc "$median / 1000")" ;;
        indexing)
            bytes=$(jq -r '.throughput.Bytes // empty' "$meta")
            printf '| %s | %.1f s, %.2f MB/s |\n' "$id" "$(calc "$median / 1e9")" "$(calc "$bytes / ($median / 1e9) / 1e6")"
            ;;
        esac
    done
    echo
    echo "## FTS5 side by side (criterion medians, µs)"
    echo
    echo "| size | query | newsdex | FTS5 | FTS5 / newsdex |"
    echo "|---|---|---:|---:|---:|"
    for k in "${sizes[@]}"; do
        for q in phrase and; do
            n=$(jq -r .median.point_estimate "target/criterion/fts5/${q}_newsdex/${k}x/new/estimates.json" 2>/dev/null || echo)
            f=$(jq -r .median.point_estimate "target/criterion/fts5/${q}_fts5/${k}x/new/estimates.json" 2>/dev/null || echo)
            [ -n "$n" ] && [ -n "$f" ] &&
                printf '| %sx | %s | %.1f | %.1f | %.1fx |\n' "$k" "$q" "$(calc "$n / 1000")" "$(calc "$f / 1000")" "$(calc "$f / $n")"
        done
    done
    echo
    echo "## Per-query percentiles, interleaved runs (benches/latency.rs)"
    echo
    cat "$out/latency.md"
    echo
    for mix in "built-in mix:newsdex-bench:200" "benches/bbc-queries.txt:newsdex-bench-bbc:500"; do
        IFS=: read -r title file runs <<<"$mix"
        echo "## newsdex bench --json --runs $runs ($title)"
        echo
        echo "| size | query | hits | p50 µs | p95 µs | p99 µs | max µs |"
        echo "|---|---|---:|---:|---:|---:|---:|"
        for k in "${sizes[@]}"; do
            jq -r --arg k "$k" '.queries[] | "| \($k)x | `\(.name)` | \(.hits) | \(.p50_us | round) | \(.p95_us | round) | \(.p99_us | round) | \(.max_us | round) |"' "$out/$file-${k}x.json"
            jq -r --arg k "$k" '"| \($k)x | overall (\(.documents) passages) | | \(.overall.p50_us | round) | | \(.overall.p99_us | round) | \(.overall.qps | round) qps |"' "$out/$file-${k}x.json"
        done
        echo
    done
    echo
    echo "## newsdex serve under load (benches/serve.rs)"
    echo
    cat "$out/serve.md"
    echo
    echo "## End to end, whole processes (hyperfine, 50 runs, ms)"
    echo
    echo "| size | command | median | mean ± sd | min |"
    echo "|---|---|---:|---:|---:|"
    for k in "${sizes[@]}"; do
        jq -r --arg k "$k" '.results[] | "| \($k)x | `\(.command)` | \(.median * 1e4 | round / 10) | \(.mean * 1e4 | round / 10) ± \(.stddev * 1e4 | round / 10) | \(.min * 1e4 | round / 10) |"' "$out/e2e-${k}x.json"
    done
} >"$out/summary.md"
cat "$out/summary.md"
