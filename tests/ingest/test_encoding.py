"""Bytes -> text: encodings are detected, and non-text is rejected with a reason."""

from __future__ import annotations

import codecs

import pytest

from newsprism.ingest.encoding import BINARY, EMPTY, decode_bytes
from newsprism.ingest.errors import IngestFailure

FRENCH = "Le café de la gare a fermé ses portes après une longue décennie, dit-elle à la presse."
RUSSIAN = "Президент заявил, что переговоры продолжатся на следующей неделе в Стамбуле."


def reason_for(data: bytes) -> str:
    with pytest.raises(IngestFailure) as caught:
        decode_bytes(data)
    return caught.value.reason


def test_utf8_is_read_and_its_byte_order_mark_dropped() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + FRENCH.encode("utf-8")) == FRENCH


def test_utf16_with_byte_order_mark_is_read() -> None:
    assert decode_bytes(FRENCH.encode("utf-16")) == FRENCH


def test_windows_1252_text_is_read_with_the_detected_encoding() -> None:
    assert decode_bytes(FRENCH.encode("cp1252")) == FRENCH


def test_short_latin1_text_is_not_read_as_an_exotic_code_page() -> None:
    assert decode_bytes("Über café".encode("latin-1")) == "Über café"


def test_cyrillic_code_page_text_is_read() -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251")) == RUSSIAN


def test_newlines_are_normalised_and_text_is_nfc() -> None:
    decomposed = "Cafe\u0301 one\r\nline two\rline three"
    assert decode_bytes(decomposed.encode("utf-8")) == "Café one\nline two\nline three"


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", codecs.BOM_UTF8 + b" \n"])
def test_empty_or_blank_file_is_rejected_as_empty(data: bytes) -> None:
    assert reason_for(data) == EMPTY


def test_bytes_with_nul_are_a_binary_file() -> None:
    assert reason_for(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))) == BINARY


def test_bytes_full_of_control_characters_are_a_binary_file() -> None:
    noise = bytes((i * 37 + 11) % 255 + 1 for i in range(4000))  # no NUL, many C0 controls
    assert reason_for(noise) == BINARY


def test_bytes_no_encoding_explains_are_rejected_with_a_reason() -> None:
    assert "no text encoding" in reason_for(bytes(range(0x80, 0x100)) * 4)
