#!/usr/bin/env bash
# Indexing side by side: newsdex, tantivy-cli and SQLite FTS5 build an index of the same k× BBC
# corpus, taking turns, and the medians are tabled. Run by benches/run.sh; alone:
#
#   benches/engines.sh                         # 1x, 4x and 20x, 3 rounds
#   NEWSDEX_BENCH_SIZES=1 NEWSDEX_BENCH_ROUNDS=5 benches/engines.sh
#   NEWSDEX_BASE_BIN=/path/to/old/newsdex benches/engines.sh   # adds that binary as a 4th contestant
#   NEWSDEX_BENCH_ENGINES="newsdex fts5" benches/engines.sh    # only these engines
#
# Needs the generated corpora (target/bench-corpora/bbc-Kx, made by `cargo bench --bench
# prepare`), target/release/newsdex (or NEWSDEX_BIN), GNU time, sqlite3 with FTS5 (the CLI's
# fsdir() and readfile() read the corpus) and tantivy-cli (`cargo install tantivy-cli` when
# missing; this script installs it then, as the issue asks).
#
# What each engine does (each timed as a whole process under /usr/bin/time -v):
# - newsdex: `newsdex index CORPUS --rebuild --source "BBC News"` from the raw files: reading,
#   dates, boilerplate, passages, attribution, and its index (stemmed, exact and pair fields,
#   facets, stored passages), merged into one segment.
# - tantivy-cli: `tantivy index` of the same articles as JSON lines {title, body} prepared
#   beforehand (not timed): both fields en_stem with positions, stored; its own defaults
#   otherwise.
# - FTS5: `INSERT INTO t SELECT title, body FROM raw` into fts5(title, body, tokenize='porter
#   unicode61') in one transaction, text stored, from a database of the articles prepared
#   beforehand (attached, not timed), then `optimize`d (one b-tree per term, as newsdex and
#   tantivy-cli end with one segment).
# Sizes are of the finished index folder or database file. Results: target/bench-results/
# engines-*.time and engines.md.
set -euo pipefail
cd "$(dirname "$0")/.."

IFS=',' read -r -a sizes <<<"${NEWSDEX_BENCH_SIZES:-1,4,20}"
rounds="${NEWSDEX_BENCH_ROUNDS:-3}"
newsdex="${NEWSDEX_BIN:-target/release/newsdex}"
base="${NEWSDEX_BASE_BIN:-}"
out=target/bench-results
scratch=target/bench-scratch/engines
mkdir -p "$out" "$scratch"

engines=(newsdex tantivy-cli fts5)
[ -n "$base" ] && engines=(newsdex-base newsdex tantivy-cli fts5)
# NEWSDEX_BENCH_ENGINES="newsdex fts5" runs only those (e.g. while tantivy-cli is not built yet).
[ -n "${NEWSDEX_BENCH_ENGINES:-}" ] && read -r -a engines <<<"$NEWSDEX_BENCH_ENGINES"

if [[ " ${engines[*]} " == *" tantivy-cli "* ]] && ! command -v tantivy >/dev/null; then
    echo "benches/engines.sh: installing tantivy-cli (cargo install tantivy-cli)" >&2
    cargo install tantivy-cli
fi
command -v sqlite3 >/dev/null || { echo "benches/engines.sh: needs sqlite3 (apt-get install -y sqlite3)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "benches/engines.sh: needs GNU time at /usr/bin/time" >&2; exit 1; }

# tantivy-cli's schema: title and body, en_stem, positions, stored (what `tantivy new` asks).
tantivy_meta='{"index_settings":{"docstore_compression":"lz4","docstore_blocksize":16384},"segments":[],"schema":[
{"name":"title","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"en_stem"},"stored":true,"fast":false}},
{"name":"body","type":"text","options":{"indexing":{"record":"position","fieldnorms":true,"tokenizer":"en_stem"},"stored":true,"fast":false}}],"opstamp":0}'

# The inputs the other two engines get ready-made: one row per article, its first line the title.
prepare_inputs() {
    local k=$1
    local corpus="target/bench-corpora/bbc-${k}x" dir="$scratch/input-${k}x"
    [ -f "$dir/complete" ] && return
    rm -rf "$dir" && mkdir -p "$dir"
    sqlite3 "$dir/raw.sqlite" <<SQL
CREATE TABLE raw(title TEXT, body TEXT);
INSERT INTO raw
  SELECT substr(t, 1, instr(t, char(10)) - 1), substr(t, instr(t, char(10)) + 1)
  FROM (SELECT CAST(readfile(name) AS TEXT) AS t FROM fsdir('$corpus')
        WHERE name LIKE '%.txt' ORDER BY name);
SQL
    sqlite3 -batch -noheader "$dir/raw.sqlite" \
        "SELECT json_object('title', title, 'body', body) FROM raw" >"$dir/articles.jsonl"
    touch "$dir/complete"
}

# One timed build: run ENGINE K ROUND.
run() {
    local engine=$1 k=$2 round=$3
    local corpus="target/bench-corpora/bbc-${k}x"
    local target="$scratch/$engine-${k}x" time_file="$out/engines-$engine-${k}x-$round.time"
    rm -rf "$target"
    case "$engine" in
    newsdex | newsdex-base)
        local bin=$newsdex
        [ "$engine" = newsdex-base ] && bin=$base
        /usr/bin/time -v -o "$time_file" "$bin" index "$corpus" --index "$target" \
            --source "BBC News" --rebuild >/dev/null 2>&1
        ;;
    tantivy-cli)
        mkdir -p "$target" && printf '%s' "$tantivy_meta" >"$target/meta.json"
        /usr/bin/time -v -o "$time_file" tantivy index -i "$target" \
            -f "$scratch/input-${k}x/articles.jsonl" >/dev/null 2>&1
        ;;
    fts5)
        mkdir -p "$target"
        /usr/bin/time -v -o "$time_file" sqlite3 "$target/fts5.sqlite" "
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            ATTACH '$scratch/input-${k}x/raw.sqlite' AS r;
            CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'porter unicode61');
            BEGIN; INSERT INTO t SELECT title, body FROM r.raw; COMMIT;
            INSERT INTO t(t) VALUES ('optimize');" >/dev/null
        ;;
    esac
    du -sb "$target" | cut -f1 >"$out/engines-$engine-${k}x-$round.size"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { # field FILE NAME: a /usr/bin/time -v figure, wall clock in seconds
    case "$2" in
    wall) awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$1" ;;
    cpu) awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$1" ;;
    rss) awk -F': ' '/Maximum resident set size/ {print $2 / 1024}' "$1" ;;
    esac
}

# NEWSDEX_BENCH_REPORT_ONLY=1 tables the last run's figures again without running anything.
for k in "${sizes[@]}"; do
    [ "${NEWSDEX_BENCH_REPORT_ONLY:-}" = 1 ] && break
    prepare_inputs "$k"
    for round in $(seq 1 "$rounds"); do
        for engine in "${engines[@]}"; do
            echo "engines: ${k}x round $round: $engine" >&2
            run "$engine" "$k" "$round"
        done
    done
done

{
    echo "| size | engine | wall s | MB/s | CPU s | CPU s per MB | peak RSS MiB | index MB | wall / tantivy-cli | size / FTS5 |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for k in "${sizes[@]}"; do
        mb=$(find "target/bench-corpora/bbc-${k}x" -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s / 1e6}')
        med() { for r in $(seq 1 "$rounds"); do field "$out/engines-$1-${k}x-$r.time" "$2"; done | median; }
        size_med() { for r in $(seq 1 "$rounds"); do cat "$out/engines-$1-${k}x-$r.size"; done | median; }
        tantivy_wall=0 fts5_size=0
        [[ " ${engines[*]} " == *" tantivy-cli "* ]] && tantivy_wall=$(med tantivy-cli wall)
        [[ " ${engines[*]} " == *" fts5 "* ]] && fts5_size=$(size_med fts5)
        for engine in "${engines[@]}"; do
            wall=$(med "$engine" wall) cpu=$(med "$engine" cpu) rss=$(med "$engine" rss) size=$(size_med "$engine")
            awk -v k="$k" -v e="$engine" -v mb="$mb" -v w="$wall" -v c="$cpu" -v r="$rss" -v s="$size" \
                -v tw="$tantivy_wall" -v fs="$fts5_size" 'BEGIN {
                rt = (tw > 0) ? sprintf("%.2f×", w / tw) : "–"
                rs = (fs > 0) ? sprintf("%.2f×", s / fs) : "–"
                printf "| %sx (%.1f MB) | %s | %.2f | %.2f | %.2f | %.3f | %.0f | %.1f | %s | %s |\n",
                    k, mb, e, w, mb / w, c, c / mb, r, s / 1e6, rt, rs }'
        done
    done
    echo
    echo "Medians of $rounds rounds; engines take turns within each round. Machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
} | tee "$out/engines.md"
