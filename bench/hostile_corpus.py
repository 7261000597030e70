"""Good articles mixed with every hostile input we know of, through `analyze`, `cluster` and `ingest`.

Issue 17's promise, checked end to end in real subprocesses: a hostile input costs one line on
stderr and nothing else. The corpus is written fresh into a temporary folder: `--good` news-like
articles (bench/corpus.py's templates, as .txt, .md, a JSON Lines file, an RSS feed and a WARC)
beside these hostile inputs, all built here:

- a text of 1.2 million characters (analyzed up to the limit, with a warning; it is stored);
- a link to /dev/zero named .txt, to /dev/urandom named .rss, a FIFO named .txt (refused unread);
- a .warc.gz whose gzip member unpacks to 200 MB of one header "line", between two good pages;
- Markdown front matter with a YAML alias bomb, and front matter over its size limit;
- JSON lines nested 100,000 deep, malformed, and 17 MB long, between good lines;
- an ftp:// input, an XML entity bomb, a feed with an undefined entity and no entries, a Big5
  feed (read: it is good), a WARC with no HTML page, random bytes named .txt, a Markdown title
  with <script>;
- and inputs that are good but awkward: an ARC crawl, a WARC gzipped whole, UTF-16 without a
  byte order mark, UTF-8 with one bad byte.

For each command it checks: exit status 1, every good article in the output (or the archive),
exactly one `error:` line per bad input, and reports the peak resident memory of the process
(wait4's ru_maxrss) beside the same command's peak on the good inputs alone.

    python bench/hostile_corpus.py [--good 40] [--max-extra-mb 300]

Exit status 0 when every check holds. Linux only (FIFOs, /dev/zero, wait4).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from corpus import synthetic_articles
from newsprism.ingest import read_inputs
from newsprism.ingest.errors import IngestError
from newsprism.model import Article
from newsprism.store.db import open_store

NEWSPRISM = [sys.executable, "-m", "newsprism.cli"]


@dataclass(frozen=True, slots=True)
class Corpus:
    good: list[str]  # paths of inputs holding only good articles
    bad: list[str]  # paths of hostile inputs (each must cost exactly one error line)
    mixed: list[str]  # paths holding good articles and bad records (one error line per bad record)
    bad_records: int  # error lines expected from `mixed`


def _txt(article: Article) -> str:
    return f"{article.title}\n\n{article.text}\n"


def _rss(items: list[Article], encoding: str = "utf-8") -> bytes:
    entries = "".join(
        f"<item><title>{escape(a.title or '')}</title><link>https://news.example/{a.id}</link>"
        f"<pubDate>Wed, 14 May 2025 10:00:00 GMT</pubDate><description>{escape(a.text)}</description></item>"
        for a in items
    )
    head = f'<?xml version="1.0" encoding="{encoding}"?>'
    return (head + f"<rss version='2.0'><channel><title>Bench Wire</title>{entries}</channel></rss>").encode(
        encoding
    )


def _warc_record(kind: str, uri: str, payload: bytes, content_type: str) -> bytes:
    header = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-05-14T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{random.Random(uri + kind).getrandbits(128):032x}>\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode()
    return gzip.compress(header + payload + b"\r\n\r\n")


def _page(article: Article) -> bytes:
    html = (
        f"<!doctype html><html><head><title>{escape(article.title or '')}</title></head><body><article>"
        f"<h1>{escape(article.title or '')}</h1>"
        + "".join(f"<p>{escape(p)}</p>" for p in article.text.split("\n") if p.strip())
        + "</article></body></html>"
    ).encode()
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html


def _arc(pages: list[Article]) -> bytes:
    """An ARC v1 file (the Internet Archive's format before WARC): its filedesc record, then pages."""

    def record(url: str, block: bytes, content_type: str) -> bytes:
        return f"{url} 93.184.216.34 20250515063000 {content_type} {len(block)}\n".encode() + block + b"\n"

    head = b"1 0 Bench\nURL IP-address Archive-date Content-type Archive-length\n"
    return record("filedesc://old-crawl.arc", head, "text/plain") + b"".join(
        record(f"https://news.example/arc/{a.id}", _page(a), "text/html") for a in pages
    )


def _bomb_member() -> bytes:
    """A gzip member unpacking to 200 MB of one header line, written without holding 200 MB."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(b"WARC/1.0\r\nWARC-Type: response\r\nX-Pad: ")]
    chunk = b"x" * (1024 * 1024)
    parts += [packer.compress(chunk) for _ in range(200)]
    parts.append(packer.flush())
    return b"".join(parts)


def build(folder: Path, n_good: int) -> Corpus:
    """Write the mixed corpus into `folder`."""
    articles = list(synthetic_articles(n_good, seed=17))
    good: list[str] = []
    quarter = max(1, n_good // 4)
    for a in articles[:quarter]:
        good.append(str(_write(folder / f"{a.id}.txt", _txt(a))))
    for a in articles[quarter : 2 * quarter]:
        front = f"---\ntitle: {json.dumps(a.title)}\nsource: {json.dumps(a.source)}\n"
        front += f"published: {a.published}\n---\n"
        good.append(str(_write(folder / f"{a.id}.md", front + a.text + "\n")))
    good.append(str(_write(folder / "wire.rss", _rss(articles[2 * quarter : 3 * quarter]))))
    warc_pages = articles[3 * quarter :]
    good.append(
        str(
            _write(
                folder / "crawl.warc.gz",
                b"".join(
                    _warc_record("response", f"https://news.example/{a.id}", _page(a), "application/http")
                    for a in warc_pages
                ),
            )
        )
    )
    good.append(
        str(
            _write(
                folder / "big5.rss",
                _rss(
                    [
                        Article(
                            id="b5",
                            title="港口大橋因維修關閉",
                            text="市議會週一投票決定關閉港口大橋進行維修。",
                        )
                    ],
                    "big5",
                ),
            )
        )
    )
    good.append(
        str(_write(folder / "script-title.md", "---\ntitle: '<script>alert(1)</script> Harbour vote'\n---\n"
                   "The harbour council voted on Monday to close the old bridge for six weeks of repairs.\n"))
    )  # fmt: skip
    # Formats a user hands over as they come: an ARC crawl, a WARC gzipped whole, UTF-16 without a
    # byte order mark, UTF-8 with one bad byte (read as UTF-8, with a warning).
    arc_pages = list(synthetic_articles(2, seed=41))
    good.append(str(_write(folder / "old-crawl.arc", _arc(arc_pages))))
    whole = b"".join(
        gzip.decompress(
            _warc_record("response", f"https://news.example/w{a.id}", _page(a), "application/http")
        )
        for a in synthetic_articles(2, seed=43)
    )
    good.append(str(_write(folder / "gzipped-whole.warc.gz", gzip.compress(whole))))
    good.append(
        str(_write(folder / "windows.txt", _txt(next(synthetic_articles(1, seed=47))).encode("utf-16-le")))
    )
    broken = _txt(next(synthetic_articles(1, seed=53))).replace(" the ", " the café ", 3).encode()
    good.append(str(_write(folder / "one-bad-byte.txt", broken.replace(b"caf\xc3\xa9", b"caf\xe9", 1))))
    huge = "The council met again on Monday to discuss the harbour budget in great detail. " * 15_200
    good.append(str(_write(folder / "huge.txt", "Harbour budget, in full\n\n" + huge)))

    bad: list[str] = []
    # Two devices: links to one target are one input (read_inputs reads a file once, however named).
    for name, device in (("zero.txt", "/dev/zero"), ("random.rss", "/dev/urandom")):
        (folder / name).symlink_to(device)
        bad.append(str(folder / name))
    os.mkfifo(folder / "pipe.txt")
    bad.append(str(folder / "pipe.txt"))
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]" for n in range(8)]
    body = "The council voted on Monday.\n"
    bad.append(str(_write(folder / "alias.md", "---\ntitle: Bomb\n" + "\n".join(levels) + "\n---\n" + body)))
    bad.append(
        str(_write(folder / "big-front.md", "---\ntitle: Big\nnote: " + "y" * 70_000 + "\n---\n" + body))
    )
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bad.append(
        str(_write(folder / "laughs.rss", f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "ha">{laughs}]>'
                   "<rss><channel><title>&l9;</title></channel></rss>"))
    )  # fmt: skip
    bad.append(
        str(_write(folder / "entity.rss", "<rss version='2.0'><channel><title>Caf&eacute;&nbsp;news</title>"
                   "</channel></rss>"))
    )  # fmt: skip
    bad.append(
        str(_write(folder / "requests.warc.gz", _warc_record("request", "https://news.example/x",
                                                             b"GET / HTTP/1.1\r\n\r\n", "application/http")))
    )  # fmt: skip
    bad.append(str(_write(folder / "noise.txt", random.Random(5).randbytes(20_000))))
    bad.append("ftp://files.example/news/today.txt")

    # Inputs with good articles and bad records side by side.
    extra = list(synthetic_articles(6, seed=29))
    lines = [
        json.dumps({"id": a.id, "title": a.title, "text": a.text, "source": a.source}) for a in extra[:3]
    ]
    lines.insert(1, "[" * 100_000 + "]" * 100_000)
    lines.insert(2, '{"id": "broken", "text": "unterminated')
    lines.insert(3, json.dumps({"id": "long", "text": "z" * (17 * 1024 * 1024)}))
    mixed = [str(_write(folder / "rows.jsonl", "\n".join(lines) + "\n"))]
    pages = [
        _warc_record("response", f"https://news.example/{a.id}", _page(a), "application/http")
        for a in extra[3:]
    ]
    mixed.append(str(_write(folder / "bomb.warc.gz", pages[0] + _bomb_member() + b"".join(pages[1:]))))
    return Corpus(good=good, bad=bad, mixed=mixed, bad_records=4)


def _write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def good_ids(corpus: Corpus) -> set[str]:
    """The ids of every good article, read in-process from the good and mixed inputs."""
    ids: set[str] = set()
    for item in read_inputs([*corpus.good, *corpus.mixed], fetch=None):
        if not isinstance(item, IngestError):
            ids.add(item.id)
    return ids


@dataclass(frozen=True, slots=True)
class Run:
    status: int
    peak_mb: float
    stderr: list[str]


def run(args: list[str]) -> Run:
    """Run newsprism with `args`; its exit status, its own peak RSS (wait4), its stderr lines."""
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen([*NEWSPRISM, *args], stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").splitlines()
    return Run(proc.returncode, usage.ru_maxrss / 1024, [line for line in lines if line.strip()])


def output_ids(path: Path) -> set[str]:
    return {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--good", type=int, default=40, help="good synthetic articles (default 40)")
    parser.add_argument("--max-extra-mb", type=float, default=300, help="allowed peak over the clean run")
    options = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        corpus = build(folder, options.good)
        expected = good_ids(corpus)
        hostile = [*corpus.good, *corpus.bad, *corpus.mixed]
        clean = corpus.good
        n_errors = len(corpus.bad) + corpus.bad_records
        print(
            f"{len(expected)} good articles, {len(corpus.bad)} hostile files, "
            f"{corpus.bad_records} bad records in files with good ones"
        )
        print(f"{'command':8} {'status':>6} {'errors':>6} {'good kept':>10} {'peak MB':>8} {'clean MB':>9}")
        for command in ("analyze", "cluster", "ingest"):
            outs = {}
            runs = {}
            for label, inputs in (("hostile", hostile), ("clean", clean)):
                out = Path(tmp) / f"{command}-{label}"
                target = ["--db", f"{out}.db"] if command == "ingest" else ["-o", f"{out}.jsonl"]
                runs[label] = run([command, *inputs, *target, "--offline"])
                outs[label] = out
            result = runs["hostile"]
            if command == "ingest":
                with open_store(f"{outs['hostile']}.db") as store:
                    kept = {row.article.id for row in store.replay_rows()}
            else:
                kept = output_ids(Path(f"{outs['hostile']}.jsonl"))
            errors = [line for line in result.stderr if line.startswith("error:")]
            extra = result.peak_mb - runs["clean"].peak_mb
            print(
                f"{command:8} {result.status:>6} {len(errors):>6} "
                f"{len(kept & expected):>4}/{len(expected):<5} "
                f"{result.peak_mb:>8.0f} {runs['clean'].peak_mb:>9.0f}"
            )
            checks = {
                "exit status 1": result.status == 1,
                f"one error line per bad input ({n_errors})": len(errors) == n_errors,
                "every good article kept": expected <= kept,
                f"peak within {options.max_extra_mb:.0f} MB of the clean run": extra < options.max_extra_mb,
                "clean run exits 0": runs["clean"].status == 0,
            }
            for name, held in checks.items():
                if not held:
                    ok = False
                    print(f"  FAILED: {name}")
            if not ok:
                print("\n".join(f"  | {line[:200]}" for line in result.stderr))
    print("all checks hold" if ok else "some checks failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
