"""XML read only when it declares nothing that could expand or reach out."""

from __future__ import annotations

import pytest

from newsprism.ingest.safe_xml import NotWellFormed, UnsafeXml, as_utf8, check_xml_is_safe, parse_xml


def test_plain_xml_parses() -> None:
    root = parse_xml(b"<?xml version='1.0'?><rss><channel><title>News</title></channel></rss>")
    assert root.tag == "rss" and root.findtext("channel/title") == "News"


def test_entity_declarations_and_internal_subsets_are_refused() -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>'
    with pytest.raises(UnsafeXml):
        check_xml_is_safe(bomb)
    with pytest.raises(UnsafeXml):
        parse_xml(b"<!DOCTYPE r [<!ELEMENT r ANY>]><r/>")


def test_broken_xml_is_a_failure_of_that_input() -> None:
    with pytest.raises(NotWellFormed):
        parse_xml(b"<rss><channel></rss>")


def test_a_declared_encoding_expat_cannot_read_is_recoded_to_utf8() -> None:
    data = "<?xml version='1.0' encoding='windows-1252'?><t>caf\u00e9</t>".encode("cp1252")
    assert parse_xml(as_utf8(data)).text == "caf\u00e9"
