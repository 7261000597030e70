"""Quality of quote and reported-speech extraction against PolNeAR attributions.

Runs the project's own spaCy pass and entity extractor over every gold article, writes the
predictions as JSON lines to bench/out/quotes_polnear.jsonl, and scores them with the shared
scorer twice: direct quotations only (`--direct`), and all attributions.

    python bench/quotes_polnear.py [GOLD] [--limit N] [--cache FILE]

`--cache` keeps the parsed documents on disk (a spaCy DocBin) so that tuning the rules does not
re-parse the corpus each time. Exits 0 with a message when the gold file is absent, because the
evaluation data lives outside the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin

from newsprism.analyze.quotes import extract_quotes
from newsprism.analyze.sentences import SentenceIndex
from newsprism.lang.nlp import load_nlp
from newsprism.model import Entity, Mention

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"
DEFAULT_SCORER = ROOT.parent / "shared" / "tools" / "score.py"
OUT = ROOT / "bench" / "out" / "quotes_polnear.jsonl"


def entity_reader() -> Callable[[Doc, SentenceIndex], list[Entity]]:
    """The project's entity extractor, or a stand-in built from spaCy's spans while it is missing."""
    try:
        from newsprism.analyze.entities import extract_entities
    except ImportError:
        return spacy_entities
    return extract_entities


def spacy_entities(doc: Doc, sentences: SentenceIndex) -> list[Entity]:
    by_name: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        key = (ent.text, ent.label_)
        if key not in by_name:
            by_name[key] = Entity(id=f"e{len(by_name)}", name=ent.text, type=ent.label_, key=ent.text.lower())
        mention = Mention(ent.text, ent.start_char, ent.end_char, sentences.of_span(ent))
        by_name[key].mentions.append(mention)
    return list(by_name.values())


def parsed(texts: list[str], cache: Path | None) -> Iterator[Doc]:
    nlp = load_nlp()
    if cache and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) >= len(texts):
            yield from docs[: len(texts)]
            return
    store = DocBin() if cache else None
    for doc in nlp.pipe(texts, batch_size=32):
        if store is not None:
            store.add(doc)
        yield doc
    if cache and store is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        store.to_disk(cache)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--cache", type=Path, default=None, help="DocBin file to keep parses in")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    args = ap.parse_args()
    if not args.gold.exists():
        print(f"skipped: gold file {args.gold} not found")
        return 0
    with args.gold.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    read_entities = entity_reader()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    spent = 0.0
    with OUT.open("w", encoding="utf-8") as out:
        for row, doc in zip(rows, parsed([r["text"] for r in rows], args.cache), strict=True):
            sentences = SentenceIndex(doc)
            entities = read_entities(doc, sentences)
            t0 = time.perf_counter()
            quotes = extract_quotes(doc, sentences, entities)
            spent += time.perf_counter() - t0
            preds = [
                {"speaker": q.speaker, "text": q.text, "start": q.start, "end": q.end, "direct": q.direct}
                for q in quotes
            ]
            out.write(json.dumps({"id": row["id"], "quotes": preds}) + "\n")
    print(f"{len(rows)} articles, extract_quotes {1000 * spent / max(len(rows), 1):.2f} ms/article")
    if not args.scorer.exists():
        print(f"scorer {args.scorer} not found; predictions in {OUT}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        gold = args.gold
        if args.limit:
            # The scorer counts every gold article, so a partial run scores against its own rows;
            # the copy lives in a temporary folder, never beside the project's outputs.
            gold = Path(tmp) / "gold.jsonl"
            gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        for label, extra in (("direct", ["--direct"]), ("all", [])):
            cmd = [sys.executable, str(args.scorer), "quotes", str(gold), str(OUT), *extra]
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            print(f"{label:6s} {res.stdout.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
