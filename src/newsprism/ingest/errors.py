"""How ingest reports a bad input without stopping the batch.

Readers yield `IngestError` values instead of raising, so one unreadable file among ten
thousand costs one line of output, not the run. Inside a reader, `IngestFailure` is the
one exception used to abandon a single input; the reader's caller turns it into an
`IngestError` that names that input.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.errors import NewsprismError


@dataclass(frozen=True, slots=True)
class IngestError:
    """One input that could not be read: a path, `path:line` for a JSON line, or `<stdin>:line`."""

    input: str
    reason: str

    def __str__(self) -> str:
        # One line whatever the reason holds, so a log of errors stays greppable.
        return f"{self.input}: {' '.join(self.reason.split())}"


class IngestFailure(NewsprismError):
    """Raised inside a reader to give up on one input; never escapes the ingest package."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def at(self, input_name: str) -> IngestError:
        return IngestError(input_name, self.reason)
