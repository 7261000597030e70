"""Bytes -> text: the encoding is detected, never assumed.

News archives mix UTF-8 with Windows code pages, and a folder of articles often holds a stray
PDF or image. Every reader goes through `decode_bytes`, so a file is either read with the
encoding it was written in or rejected with a reason a user can act on ("binary file, not
text", "empty file"), never silently turned into mojibake.

Two kinds of text look like something else. UTF-16 written without a byte order mark (some
Windows tools do) is full of NUL bytes, as a binary file is, but in every other byte: its
encoding is told by where the NULs fall. A UTF-8 text with a few bad bytes (a truncated copy, a
line pasted from another file) is not valid UTF-8, and a code-page guess would turn every one of
its accented letters into mojibake to explain those few bytes: when most of its non-ASCII
characters are valid UTF-8, it is read as UTF-8 with the bad bytes replaced by U+FFFD. Either way
a text read with replacements is logged as a warning naming the input (the same channel as the
analysis length warning), since a replacement loses a character.
"""

from __future__ import annotations

import codecs
import errno
import logging
import os
import stat
import unicodedata
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from newsprism.ingest.errors import IngestFailure
from newsprism.settings import MAX_INPUT_ENV, MB, settings_from_env

# Longest BOMs first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls that never occur in text; tab, newlines, form feed and ESC are left out.
_CONTROL_BYTES = frozenset(set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B})
_SNIFF_BYTES = 8192
_MAX_CONTROL_RATIO = 0.01
# Below this share of ASCII letters a text is in a non-Latin script (Cyrillic, Greek, ...).
_LATIN_TEXT_ASCII_SHARE = 0.5
_ASCII_LETTERS = bytes(range(0x41, 0x5B)) + bytes(range(0x61, 0x7B))
_HIGH_BYTES = bytes(range(0x80, 0x100))
# UTF-16 without a BOM: at least this share of its high bytes are NUL (the ASCII in it: spaces and
# punctuation even in Cyrillic or Greek text), and almost none of its low bytes.
_UTF16_MIN_NUL_SHARE = 0.1
_UTF16_MAX_OTHER_NUL_SHARE = 0.02
_REPLACEMENT = "\ufffd"
_ENCODED_REPLACEMENT = _REPLACEMENT.encode("utf-8")

log = logging.getLogger(__name__)

EMPTY = "empty file"
BINARY = "binary file, not text"


NOT_REGULAR = "not a regular file (a device, pipe, socket or directory): only files are read"


def open_regular(path: str | Path) -> BinaryIO:
    """A regular file opened for reading; IngestFailure for anything else.

    The type is checked before opening (opening a pipe would wait for a writer; a link to
    /dev/zero would never end) and again on the open file, in case it was swapped meanwhile.
    """
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise IngestFailure(os.strerror(errno.EISDIR))
        if not stat.S_ISREG(mode):
            raise IngestFailure(NOT_REGULAR)
        handle = open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    except OSError as err:
        raise IngestFailure(err.strerror or str(err)) from err
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise IngestFailure(NOT_REGULAR)
    return handle


def read_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """A regular file's bytes, at most `limit`; an IngestFailure carrying the reason (the operating
    system's, not a file, too large) otherwise.

    The default limit is the settings' `max_input_bytes` (NEWSPRISM_MAX_INPUT_MB), for a file read
    whole (a text, an HTML page, a feed, an OPML list); archives and JSON Lines stream and are
    bounded per record instead.
    """
    limit = settings_from_env().max_input_bytes if limit is None else limit
    with open_regular(path) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as err:
            raise IngestFailure(err.strerror or str(err)) from err
    if len(data) > limit:
        raise IngestFailure(f"larger than {limit / MB:g} MB, the limit for one input ({MAX_INPUT_ENV})")
    return data


def looks_binary(data: bytes) -> bool:
    """True for bytes no text encoding without a BOM produces: NULs, or many C0 controls.

    UTF-16 without a BOM has NULs too; `decode_bytes` tells it apart (`utf16_without_bom`) first.
    """
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    return _too_many_controls(sample)


def _too_many_controls(sample: bytes | str) -> bool:
    controls = sum(1 for unit in sample if (unit if isinstance(unit, int) else ord(unit)) in _CONTROL_BYTES)
    return controls > max(2, len(sample) * _MAX_CONTROL_RATIO)


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for text in UTF-16 without a byte order mark, else None.

    The ASCII characters of such a text (spaces and punctuation, even in a non-Latin script) have
    a NUL high byte, so one position of each pair holds many NULs and the other almost none; a
    binary file has NULs in both, or decodes to control characters. CJK text without ASCII is not
    told this way, and is left to the other checks.
    """
    sample = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2]
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    even, odd = sample[0::2].count(0) / pairs, sample[1::2].count(0) / pairs
    if odd >= _UTF16_MIN_NUL_SHARE and even <= _UTF16_MAX_OTHER_NUL_SHARE:
        encoding = "utf-16-le"  # the low byte comes first: NULs fall in odd positions
    elif even >= _UTF16_MIN_NUL_SHARE and odd <= _UTF16_MAX_OTHER_NUL_SHARE:
        encoding = "utf-16-be"
    else:
        return None
    if _too_many_controls(sample.decode(encoding, "replace")):
        return None  # binary that happens to have NULs in every other byte (16-bit numbers)
    return encoding


def decode_bytes(data: bytes, name: str | None = None) -> str:
    """Decode a whole text file, with newlines normalised to \\n and the text in NFC.

    Raises IngestFailure for an empty, binary or undecodable file. `name` (the file, or a page's
    URL or record) is what the warning names when bad bytes had to be replaced.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _finish(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError as err:
                raise IngestFailure(f"invalid {encoding} text after its byte order mark") from err
    if not data.strip():
        raise IngestFailure(EMPTY)
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        return _finish(_decode_replacing(data, utf16, name))
    if looks_binary(data):
        raise IngestFailure(BINARY)
    try:
        return _finish(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if mostly_utf8(data):
        return _finish(_decode_replacing(data, "utf-8", name))
    return _finish(_decode_detected(data))


def mostly_utf8(data: bytes) -> bool:
    """True when most non-ASCII characters of `data` are valid UTF-8, the rest bad bytes.

    A text in a legacy code page almost never forms a valid UTF-8 sequence (an accented letter
    followed by ASCII is not one), so at least as many valid sequences as bad ones say UTF-8.
    """
    text = data.decode("utf-8", "replace")
    bad = text.count(_REPLACEMENT) - data.count(_ENCODED_REPLACEMENT)
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return 0 < bad <= non_ascii - bad


def _decode_replacing(data: bytes, encoding: str, name: str | None) -> str:
    """`data` in `encoding`, bad bytes replaced by U+FFFD, with a warning when there were any."""
    text = data.decode(encoding, "replace")
    bad = text.count(_REPLACEMENT) - data.decode(encoding, "ignore").count(_REPLACEMENT)
    if bad:
        log.warning(
            "%s: read as %s with %d invalid byte sequence%s replaced by U+FFFD",
            name or "text",
            encoding.upper().replace("-LE", " LE").replace("-BE", " BE"),
            bad,
            "" if bad == 1 else "s",
        )
    return text


def normalize_text(text: str) -> str:
    """Newlines to \\n and NFC, so offsets mean the same thing whatever the source."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _finish(text: str) -> str:
    text = normalize_text(text)
    if not text.strip():
        raise IngestFailure(EMPTY)
    return text


def _decode_detected(data: bytes) -> str:
    best = from_bytes(data).best()
    if best is None:
        raise IngestFailure("not UTF-8 and no text encoding could be detected")
    text = str(best)
    # Detection on a short Western text with a few accented letters often lands on an exotic
    # code page; Windows-1252 reads such a text right whenever its letters are mostly ASCII.
    if not _mostly_latin(text) and _ascii_letter_share(data) >= _LATIN_TEXT_ASCII_SHARE:
        try:
            fallback = data.decode("cp1252")
        except UnicodeDecodeError:
            return text
        if _mostly_latin(fallback):
            return fallback
    return text


def _mostly_latin(text: str) -> bool:
    """True when the non-ASCII letters of `text` are Latin letters (é, ß, ł), as in a Western text."""
    latin = other = 0
    for char in text:
        if char.isascii() or not char.isalpha():
            continue
        if unicodedata.name(char, "").startswith("LATIN"):
            latin += 1
        else:
            other += 1
    return latin >= other


def _ascii_letter_share(data: bytes) -> float:
    # bytes.translate counts in C; a Python loop over a large file would dominate ingest.
    ascii_letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    return ascii_letters / max(1, ascii_letters + high)
