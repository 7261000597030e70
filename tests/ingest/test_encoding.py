"""Bytes -> text: encodings are detected, and non-text is rejected with a reason."""

from __future__ import annotations

import codecs
import logging
import struct
from pathlib import Path

import pytest

from newsprism.ingest import read_inputs
from newsprism.ingest.encoding import BINARY, EMPTY, decode_bytes
from newsprism.ingest.errors import IngestFailure
from newsprism.model import Article

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


@pytest.mark.parametrize("text", [FRENCH, RUSSIAN, "Hi"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_read(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding)) == text


def test_sixteen_bit_numbers_are_still_a_binary_file() -> None:
    numbers = struct.pack("<512H", *range(512))  # NULs in every other byte, as UTF-16 has
    assert reason_for(numbers) == BINARY


def test_utf8_with_a_few_bad_bytes_is_read_as_utf8_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    damaged = FRENCH.encode("utf-8").replace("fermé".encode(), b"ferm\xe9")  # one Latin-1 byte pasted in
    with caplog.at_level(logging.WARNING, logger="newsprism.ingest.encoding"):
        text = decode_bytes(damaged, "gare.txt")
    assert text == FRENCH.replace("fermé", "ferm\ufffd")  # not "cafÃ©": the valid UTF-8 stays right
    (message,) = [record.getMessage() for record in caplog.records]
    assert message == "gare.txt: read as UTF-8 with 1 invalid byte sequence replaced by U+FFFD"


def test_a_text_read_without_replacements_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsprism.ingest.encoding"):
        assert (
            decode_bytes("It\x92s over, don\x92t wait.".encode("latin-1"), "a.txt")
            == "It’s over, don’t wait."
        )
        assert decode_bytes(FRENCH.encode("cp1252"), "b.txt") == FRENCH
        assert decode_bytes(RUSSIAN.encode("utf-16-le"), "c.txt") == RUSSIAN
    assert caplog.records == []


def test_utf16_cut_to_an_odd_length_is_read_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="newsprism.ingest.encoding"):
        assert decode_bytes(FRENCH.encode("utf-16-le") + b"e", "cut.txt") == FRENCH + "\ufffd"
    (message,) = [record.getMessage() for record in caplog.records]
    assert message.startswith("cut.txt: read as UTF-16 LE with 1 invalid")


def test_a_file_read_with_replacements_is_named_in_the_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(("Café\n\n" + RUSSIAN + " ").encode("utf-8") + b"\xff\xfe end.")
    with caplog.at_level(logging.WARNING, logger="newsprism.ingest.encoding"):
        (article,) = read_inputs([str(path)])
    assert isinstance(article, Article) and article.title == "Café" and RUSSIAN in article.text
    (message,) = [record.getMessage() for record in caplog.records]
    assert message.startswith(f"{path}: read as UTF-8 with")
