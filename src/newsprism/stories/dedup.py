"""Near-duplicate detection: wire copies and lightly edited reprints, found with MinHash LSH.

A story told by ten outlets is often one agency text printed ten times with a new headline or
a credit line. Those copies add no new account of the event, so `compare` should see them as
one voice; this module finds them in a stream without ever comparing all pairs.

An article becomes a set of word 5-gram shingles over its normalised headline and body, and a
128-permutation MinHash (datasketch's "affine32" scheme, one uint32 per permutation) estimates
the Jaccard similarity of two such sets. A `MinHashLSH` index proposes candidates; each is then
checked against its stored signature, so the threshold is applied to the estimated Jaccard
itself, not to the banding's looser notion of "similar".

The body is read without its site furniture (analyze/outlet_text.py: sign-up forms, copyright
lines). A crawl that caught only a site's sign-up form, and not the article, gives that form for
every page of the site: read whole, two such pages about two shootings were "copies", and each
copy followed its original into a story not its own (on gva-dev 37 of 64 copies found were of
another incident; without the furniture 3 of 28). Furniture also makes a copy printed by another
site look less like its original than it is.

Speed comes from hashing each word once (CRC-32, in C) and combining the five word hashes of
every shingle with numpy, instead of building and hashing a string per shingle; datasketch then
applies its permutations to the whole batch in one step.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsprism.analyze.outlet_text import reported_text
from newsprism.errors import NewsprismError
from newsprism.model import Article

NUM_PERM = 128
SHINGLE_WORDS = 5
DEFAULT_THRESHOLD = 0.8
SEED = 1

# One odd 64-bit multiplier per position in the shingle, so that "a b c d e" and "e d c b a"
# hash apart; the sum wraps modulo 2**64, which is the intended arithmetic.
_POSITION_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD],
    dtype=np.uint64,
)[:SHINGLE_WORDS]
_FOLD_SHIFT = np.uint64(32)
_INITIAL_ROWS = 1024
# (false positive, false negative) weights for datasketch's choice of bands. Every candidate
# is checked against its signature, so a false positive costs one 128-value comparison while a
# false negative loses a copy: at 0.8 the even default (9 bands of 13) misses a third of pairs
# at Jaccard 0.85, these weights (16 bands of 8) under 1%.
_LSH_WEIGHTS = (0.05, 0.95)

# ASCII punctuation, symbols and controls, guillemets, and the dashes, quotes and bullets of
# General Punctuation: the bulk of news punctuation, all categories P and S, blanked in one C
# pass. What is left of `[^\w\s]` afterwards goes through `_blank_rest` one run at a time.
_COMMON_PUNCTUATION = re.compile(r"[\x00-\x08\x0e-\x1b!-/:-@\[-`{-\x7f\u00ab\u00bb\u2010-\u2027]+")
_NOT_WORD = re.compile(r"[^\w\s]+")


class DuplicateIdError(NewsprismError, ValueError):
    """An article id was added to a `DuplicateIndex` twice.

    Raised rather than ignored because a caller that reuses ids would otherwise get a silent
    None ("not a duplicate") for an article the index has already answered for differently.
    """

    def __init__(self, article_id: str) -> None:
        super().__init__(f"article id {article_id!r} was already added to this duplicate index")
        self.article_id = article_id


def _blank_rest(match: re.Match[str]) -> str:
    # `\w` does not cover combining marks, yet in Devanagari, Arabic or Thai they are parts of
    # words: blanking them would cut words in pieces, so they stay. Invisible format characters
    # (soft hyphen, zero-width joiners) are dropped rather than blanked, for the same reason.
    kept = []
    for ch in match.group():
        category = unicodedata.category(ch)
        if category[0] == "M":
            kept.append(ch)
        elif category != "Cf":
            kept.append(" ")
    return "".join(kept)


def normalise_words(text: str) -> list[str]:
    """The words of `text` as dedup compares them: casefolded, NFKC, punctuation and symbols removed.

    Wire copies differ in curly versus straight quotes, dashes, ligatures and full-width
    characters far more often than in words; all of those vanish here. Punctuation becomes a
    space rather than nothing, so "well-known" and "well known" read the same.
    """
    folded = unicodedata.normalize("NFKC", text.casefold())
    return _NOT_WORD.sub(_blank_rest, _COMMON_PUNCTUATION.sub(" ", folded)).split()


def body_words(text: str) -> list[str]:
    """The words of an article's body as copies are compared on: without its site furniture
    (analyze/outlet_text.py), normalised (`normalise_words`)."""
    return normalise_words(reported_text(text))


def _encode(words: Sequence[str]) -> bytes:
    # surrogatepass: a JSON row may carry a lone surrogate, which must not stop the stream.
    return " ".join(words).encode("utf-8", "surrogatepass")


def _shingle_hashes(encoded: bytes) -> np.ndarray:
    """32-bit hashes of the word 5-grams of a space-joined normalised text (all words if fewer)."""
    if not encoded:
        return np.empty(0, dtype=np.uint32)
    words = encoded.split(b" ")
    word_hashes = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(words))
    count = len(words) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for position in range(width):
        combined += word_hashes[position : position + count] * _POSITION_MULTIPLIERS[position]
    # Fold the high half in: the low bits of a product depend only on the low bits of its factors.
    combined ^= combined >> _FOLD_SHIFT
    return combined.astype(np.uint32)


def _identity(value: int) -> int:
    # Shingles arrive already hashed to 32 bits; datasketch premixes them before permuting.
    return value


class DuplicateIndex:
    """An incremental index that tells each new article which earlier article it copies.

    `add` answers with the *root* of the copy: the earliest-added article among those it
    matches that is not itself a copy, so chains of light edits (B copies A, C copies B) all
    point at A. A stream is answered in order and earlier answers are final: when a new
    article matches two independent roots, it is assigned to the earlier one and the two roots
    are not merged.

    Exact copies (same normalised headline and body) are answered from a dict of text digests
    without computing a signature, and are not stored, so a feed repeating one wire story a
    hundred thousand times costs a dict lookup each and never grows an LSH bucket. For the same
    reason a copy whose signature equals that of an article already stored is not stored
    either: every later query would find that article in the same buckets.

    Memory per stored article: one row of `num_perm` uint32 (512 bytes at 128 permutations)
    plus datasketch's band keys; per article added, its id (to refuse a repeated id) and a
    16-byte text digest. Texts are never kept.
    """

    def __init__(
        self, threshold: float = DEFAULT_THRESHOLD, *, num_perm: int = NUM_PERM, seed: int = SEED
    ) -> None:
        # 1.0 is refused: datasketch cannot band for it, and exact copies need no MinHash anyway.
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"threshold must be strictly between 0 and 1, got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self._template = MinHash(num_perm=num_perm, seed=seed, hashfunc=_identity, scheme="affine32")
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=_LSH_WEIGHTS)
        self._min_agreeing = threshold * num_perm
        self._seen: set[str] = set()
        self._exact: dict[bytes, int] = {}  # text digest -> row of its root
        self._signatures = np.empty((_INITIAL_ROWS, num_perm), dtype=np.uint32)
        self._row_ids: list[str] = []
        self._row_roots = array("q")

    def __len__(self) -> int:
        """Articles added, copies and empty texts included."""
        return len(self._seen)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._seen

    @property
    def stored_signatures(self) -> int:
        """Articles whose signature is kept and indexed; exact copies and empty texts are not."""
        return len(self._row_ids)

    def add(self, article_id: str, text: str, *, title: str | None = None) -> str | None:
        """Index one article; return the id of the root article it near-duplicates, or None.

        `title`, when given, is shingled apart from `text`, so a new headline changes only the
        headline's shingles and not also the ones spanning headline and lead. Callers that
        only have one string may pass headline and body joined as `text`.

        An article with no words (empty, only punctuation, or only site furniture and no
        headline) is never a duplicate and never matched. Adding an id a second time raises
        `DuplicateIdError` and changes nothing.
        """
        if article_id in self._seen:
            raise DuplicateIdError(article_id)
        self._seen.add(article_id)
        encoded_title = _encode(normalise_words(title)) if title else b""
        encoded_text = _encode(body_words(text))
        if not encoded_title and not encoded_text:
            return None

        digest = hashlib.blake2b(encoded_title + b"\n" + encoded_text, digest_size=16).digest()
        exact_root = self._exact.get(digest)
        if exact_root is not None:
            return self._row_ids[exact_root]

        minhash = self._minhash(encoded_title, encoded_text)
        matches, identical = self._matches(minhash)
        root = min((self._row_roots[row] for row in matches), default=None)
        if identical and root is not None:
            self._exact[digest] = root
            return self._row_ids[root]

        row = self._store(article_id, minhash.hashvalues, root)
        self._lsh.insert(row, minhash, check_duplication=False)
        self._exact[digest] = self._row_roots[row]
        return None if root is None else self._row_ids[root]

    def _minhash(self, encoded_title: bytes, encoded_text: bytes) -> MinHash:
        shingles = np.concatenate([_shingle_hashes(encoded_title), _shingle_hashes(encoded_text)])
        minhash = self._template.copy()
        minhash.update_batch(shingles.tolist())
        return minhash

    def _matches(self, minhash: MinHash) -> tuple[list[int], bool]:
        """Stored rows whose estimated Jaccard reaches the threshold, and whether one is identical."""
        candidates = self._lsh.query(minhash)
        if not candidates:
            return [], False
        rows = np.fromiter(candidates, dtype=np.int64, count=len(candidates))
        agreeing = np.count_nonzero(self._signatures[rows] == minhash.hashvalues, axis=1)
        keep = agreeing >= self._min_agreeing
        return rows[keep].tolist(), bool((agreeing == self.num_perm).any())

    def _store(self, article_id: str, signature: np.ndarray, root: int | None) -> int:
        row = len(self._row_ids)
        if row == len(self._signatures):
            grown = np.empty((2 * row, self.num_perm), dtype=np.uint32)
            grown[:row] = self._signatures
            self._signatures = grown
        self._signatures[row] = signature
        self._row_ids.append(article_id)
        self._row_roots.append(row if root is None else root)
        return row


def find_duplicates(
    articles: Iterable[Article], threshold: float = DEFAULT_THRESHOLD
) -> Iterator[tuple[str, str | None]]:
    """Yield `(id, duplicate_of)` for each article in input order; `duplicate_of` is a root or None.

    Streams: memory grows with the number of distinct articles' signatures, not with the texts.
    Ids must be unique (`DuplicateIdError` otherwise).
    """
    index = DuplicateIndex(threshold)
    for article in articles:
        yield article.id, index.add(article.id, article.text, title=article.title)
