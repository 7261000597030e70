"""A gzip file read as the file of its unpacked bytes: forward in flat memory, seekable back.

A `.warc.gz` made by running `gzip` on a `.warc` is one gzip stream, not a member per record, so
warcio cannot read it a record at a time. Its records are all there, in order: `GzipStream`
unpacks the file as it is read and looks like a seekable file of the unpacked bytes, so the
archive reader parses it as it would a plain archive.

Memory stays flat whatever the file unpacks to (a gzip bomb included): bytes are unpacked a
block at a time, and only the last few megabytes are kept. The archive reader seeks back after
damage (to resume just after the damaged record's start, or at a record its scan found): within
those megabytes a seek is free; further back it restores a saved decompressor
(`zlib.Decompress.copy`, about 40 KB) and unpacks forward from there, so it costs about the
distance sought, not the whole file. Older states are dropped to keep memory flat; a seek before
the oldest one kept starts again from the beginning of the file.

Damage is never raised: a file cut short, compressed data that fails to unpack, or bytes after
the gzip data that are not gzip end the stream early, and `problem` says which, for the reader
to report once.
"""

from __future__ import annotations

import zlib
from collections import deque
from dataclasses import dataclass
from typing import IO, Any

GZIP_MAGIC = b"\x1f\x8b"
_GZIP_WBITS = 16 + zlib.MAX_WBITS  # a gzip header and trailer, not a bare zlib stream
_RAW_BLOCK = 64 * 1024
_UNPACKED_BLOCK = 256 * 1024  # the most unpacked bytes one step produces (a bomb's ratio is ~1000)
CHECKPOINT_EVERY = 1024 * 1024
MAX_CHECKPOINTS = 64
"""Saved decompressor states kept: a seek back of up to this many megabytes costs about its own
length; each state holds a 32 KB window."""
LOOKBACK = 2 * 1024 * 1024
"""Unpacked bytes kept behind the newest: a seek back within them (a resync's scan goes 1 MB
ahead) is free. The window holds at most twice this."""

CUT_SHORT = "the file ends inside its gzip data (cut short)"


@dataclass(frozen=True, slots=True)
class _Checkpoint:
    position: int  # unpacked bytes produced before this state
    raw_position: int  # where the file is read on from
    inflater: Any  # zlib's Decompress object has no public type name


class GzipStream:
    """The unpacked bytes of a gzip file (one member, or several one after another), read forward."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.problem: str | None = None
        self._checkpoints: deque[_Checkpoint] = deque(maxlen=MAX_CHECKPOINTS)
        self._restore(None)
        self._position = 0

    def tell(self) -> int:
        return self._position

    def read(self, size: int = -1) -> bytes:
        """Up to `size` unpacked bytes (all the rest for a negative size); b"" at the end."""
        parts: list[bytes] = []
        wanted = size if size >= 0 else None
        while wanted is None or wanted > 0:
            if self._position >= self._produced:
                if not self._refill():
                    break
                continue
            at = self._position - self._window_start
            end = len(self._window) if wanted is None else min(len(self._window), at + wanted)
            parts.append(bytes(self._window[at:end]))
            self._position += end - at
            if wanted is not None:
                wanted -= end - at
        return b"".join(parts)

    def seek(self, position: int, whence: int = 0) -> int:
        """Move to unpacked byte `position` (from the start only: the archive reader needs no more).

        A position past the end is where the next read starts, and finds nothing, as with a file.
        """
        if whence != 0 or position < 0:
            raise ValueError("GzipStream seeks to an absolute, non-negative position only")
        if position < self._window_start:
            self._restore(self._checkpoint_at_or_before(position))
        self._position = position
        return position

    def _checkpoint_at_or_before(self, position: int) -> _Checkpoint | None:
        best = None
        for checkpoint in self._checkpoints:
            if checkpoint.position > position:
                break
            best = checkpoint
        return best

    def _restore(self, checkpoint: _Checkpoint | None) -> None:
        if checkpoint is None:
            self.raw.seek(0)
            self._inflater = zlib.decompressobj(_GZIP_WBITS)
            self._window_start = 0
        else:
            self.raw.seek(checkpoint.raw_position)
            self._inflater = checkpoint.inflater.copy()  # the saved one stays usable for a later seek
            self._window_start = checkpoint.position
        self._window = bytearray()
        self._ended = False

    @property
    def _produced(self) -> int:
        return self._window_start + len(self._window)

    def _refill(self) -> bool:
        """Unpack the next block onto the window; False at the end of the stream."""
        while not self._ended:
            block = self._unpack_step()
            if block:
                if len(self._window) + len(block) > 2 * LOOKBACK:
                    # Trimmed by half at a time, so each byte is moved once, not once per block.
                    keep = max(0, LOOKBACK - len(block))
                    drop = len(self._window) - keep
                    del self._window[:drop]
                    self._window_start += drop
                self._window += block
                self._save_checkpoint()
                return True
        return False

    def _unpack_step(self) -> bytes:
        """One step of unpacking; may give b"" without being at the end (a member's header only)."""
        inflater = self._inflater
        if inflater.eof:  # a member ended: another may follow (`cat a.gz b.gz` is valid gzip)
            rest = inflater.unused_data
            if len(rest) < len(GZIP_MAGIC):
                rest += self.raw.read(_RAW_BLOCK)
            if not rest:
                self._ended = True
                return b""
            if not rest.startswith(GZIP_MAGIC):
                return self._end("bytes after the end of the gzip data are not gzip data; they are not read")
            self._inflater = inflater = zlib.decompressobj(_GZIP_WBITS)
            data = rest
        else:
            data = inflater.unconsumed_tail or self.raw.read(_RAW_BLOCK)
        try:
            block: bytes = inflater.decompress(data, _UNPACKED_BLOCK)
        except zlib.error as err:
            where = self.raw.tell()
            return self._end(
                f"gzip data damaged before byte {where} of the file ({err}); the rest is not read"
            )
        if not data and not block and not inflater.eof:
            return self._end(CUT_SHORT)
        return block

    def _end(self, problem: str) -> bytes:
        self.problem = self.problem or problem
        self._ended = True
        return b""

    def _save_checkpoint(self) -> None:
        last = self._checkpoints[-1].position if self._checkpoints else 0
        if self._produced - last >= CHECKPOINT_EVERY:
            self._checkpoints.append(_Checkpoint(self._produced, self.raw.tell(), self._inflater.copy()))
