"""XML from strangers, refused when it could expand entities or reach outside the document.

A feed or an OPML list is untrusted input. XML lets a document declare entities: a few lines
can expand to gigabytes ("billion laughs"), and an external entity makes a parser read a local
file or a URL into the text. Feeds never need either, so a document that declares an entity, or
has a DOCTYPE with an internal subset (where such declarations live), is refused before any
parser sees it, by a scan of the prolog that expands nothing. A DOCTYPE that only names an
external DTD is allowed: RSS 0.91 feeds name Netscape's, and nothing here ever loads a DTD.
`parse_xml` then parses with defusedxml, which refuses the same things again inside expat, for
documents whose encoding the scan cannot read.
"""

from __future__ import annotations

import codecs
import re
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as defused_etree
from defusedxml import DefusedXmlException

from newsprism.ingest.encoding import BOMS, EMPTY
from newsprism.ingest.errors import IngestFailure

ENTITY_DECLARATION = "XML declares entities (refused: expanding them can exhaust memory or read local files)"
INTERNAL_SUBSET = "XML has a DOCTYPE with declarations of its own (refused: they can define entities)"
NOT_XML = "not XML"
# A root element starts with "<" and a name character; "<?" and "<!" open the prolog's parts, and
# comments and processing instructions are skipped whole, since they may hold anything.
_ROOT_OR_SKIPPED = re.compile(r"<[A-Za-z_:]|<!--|<\?")
_SKIPPED_END = {"<!--": "-->", "<?": "?>"}
_ENTITY = re.compile(r"<!ENTITY", re.IGNORECASE)
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


class UnsafeXml(IngestFailure):
    """A document refused for what it could make a parser do, not for being broken."""


class NotWellFormed(IngestFailure):
    """XML with a syntax error; a lenient reader (feedparser's) may still make sense of it."""


def check_xml_is_safe(data: bytes) -> None:
    """Raise UnsafeXml for a prolog that declares entities, IngestFailure for what is not XML."""
    text = _as_text(data).lstrip("\ufeff \t\r\n")
    if not text:
        raise IngestFailure(EMPTY)
    if not text.startswith("<"):
        raise IngestFailure(NOT_XML)
    prolog = _prolog(text)
    if _ENTITY.search(prolog):
        raise UnsafeXml(ENTITY_DECLARATION)
    if _DOCTYPE_SUBSET.search(prolog):
        raise UnsafeXml(INTERNAL_SUBSET)


_DECLARED = re.compile(rb"""^(\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
# What expat reads itself; any other declared encoding (Big5, GB2312, EUC-KR, Shift_JIS, ...) is
# transcoded first: expat refuses multi-byte legacy encodings outright.
_EXPAT_READS = frozenset({"utf-8", "ascii", "iso8859-1", "utf-16", "utf-16-le", "utf-16-be"})


def as_utf8(data: bytes) -> bytes:
    """The document in UTF-8 with its declaration saying so, where it declares an encoding the
    XML parser cannot read (Chinese, Japanese and Korean news sites still serve Big5, GB2312,
    EUC-KR and Shift_JIS); unchanged otherwise."""
    found = _DECLARED.match(data[:512])
    if found is None:
        return data
    if found.group(1):  # a UTF-8 byte-order mark outranks what the declaration says
        return data[: found.start(2)] + b"utf-8" + data[found.end(2) :]
    name = found.group(2).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise IngestFailure(f"XML declares an unknown encoding ({name})") from None
    if codec in _EXPAT_READS:
        return data
    # The declaration is ASCII, which these encodings write as ASCII: only what follows is decoded.
    rest = data[found.end(2) :].decode(codec, errors="replace")
    return data[: found.start(2)] + b"utf-8" + rest.encode("utf-8")


def parse_xml(data: bytes) -> Element:
    """The document's root element, parsed only after `check_xml_is_safe` has passed it.

    Raises UnsafeXml or IngestFailure as `check_xml_is_safe` does, and NotWellFormed for XML with a
    syntax error.
    """
    check_xml_is_safe(data)
    try:
        return defused_etree.fromstring(
            as_utf8(data), forbid_dtd=False, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as err:
        raise UnsafeXml(f"{ENTITY_DECLARATION} ({type(err).__name__})") from err
    except ParseError as err:
        raise NotWellFormed(f"not well-formed XML ({err})") from err
    except ValueError as err:  # expat's own refusals (an encoding it cannot read) end one input only
        raise IngestFailure(f"XML could not be read ({err})") from err


def _prolog(text: str) -> str:
    """Everything before the root element, where a DOCTYPE and its declarations must be."""
    position = 0
    while True:
        found = _ROOT_OR_SKIPPED.search(text, position)
        if found is None:
            return text
        end = _SKIPPED_END.get(found.group())
        if end is None:
            return text[: found.start()]
        closed = text.find(end, found.end())
        if closed < 0:
            return text
        position = closed + len(end)


def _as_text(data: bytes) -> str:
    """The bytes as characters, good enough to find markup: UTF-16/32 decoded, the rest as Latin-1.

    Latin-1 maps every byte to one character, so markup in any ASCII-compatible encoding (UTF-8,
    Windows code pages) is found where it is without guessing the encoding.
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if data[:2] == b"<\x00":
        return data.decode("utf-16-le", errors="replace")
    if data[:2] == b"\x00<":
        return data.decode("utf-16-be", errors="replace")
    return data.decode("latin-1")
