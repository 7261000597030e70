"""Bytes -> text: the encoding is detected, never assumed.

News archives mix UTF-8 with Windows code pages, and a folder of articles often holds a stray
PDF or image. Every reader goes through `decode_bytes`, so a file is either read with the
encoding it was written in or rejected with a reason a user can act on ("binary file, not
text", "empty file"), never silently turned into mojibake.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import unicodedata
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from newsprism.ingest.errors import IngestFailure

# Longest BOMs first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
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

EMPTY = "empty file"
BINARY = "binary file, not text"


DEFAULT_MAX_INPUT_MB = 64


def max_input_bytes() -> int:
    """The most bytes read from one local input file that is read whole (a text, an HTML page, a
    feed, an OPML list): NEWSPRISM_MAX_INPUT_MB, else 64 MB. Archives and JSON Lines stream and are
    bounded per record instead."""
    raw = os.environ.get("NEWSPRISM_MAX_INPUT_MB", "")
    megabytes = int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_INPUT_MB
    return megabytes * 1024 * 1024


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
    """A regular file's bytes, at most `limit` (max_input_bytes()); an IngestFailure carrying
    the reason (the operating system's, not a file, too large) otherwise."""
    limit = max_input_bytes() if limit is None else limit
    with open_regular(path) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as err:
            raise IngestFailure(err.strerror or str(err)) from err
    if len(data) > limit:
        raise IngestFailure(
            f"larger than {limit / (1024 * 1024):g} MB, the limit for one input (NEWSPRISM_MAX_INPUT_MB)"
        )
    return data


def looks_binary(data: bytes) -> bool:
    """True for bytes no text encoding without a BOM produces: NULs, or many C0 controls."""
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return controls > max(2, len(sample) * _MAX_CONTROL_RATIO)


def decode_bytes(data: bytes) -> str:
    """Decode a whole text file, with newlines normalised to \\n and the text in NFC.

    Raises IngestFailure for an empty, binary or undecodable file.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError as err:
                raise IngestFailure(f"invalid {encoding} text after its byte order mark") from err
    if not data.strip():
        raise IngestFailure(EMPTY)
    if looks_binary(data):
        raise IngestFailure(BINARY)
    try:
        return _finish(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _finish(_decode_detected(data))


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
