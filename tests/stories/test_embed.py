"""Lead vectors: bfloat16 where the CPU has it, and vectors that agree with float32."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.stories import embed as lead_embed

LEADS = [
    "Magnitude 6.1 quake shakes southern Peru\nA magnitude 6.1 earthquake struck near Arequipa on Monday.",
    "Millbrook police arrest man after deadly bakery attack\nDorian Vance, 34, was taken into custody.",
    "Council approves budget for new tram line\nThe city council voted 31 to 12 for the tram budget.",
]


@pytest.fixture
def choice(monkeypatch: pytest.MonkeyPatch):
    """Set NEWSPRISM_BF16 and forget the cached decision before and after."""

    def set_to(value: str | None) -> bool:
        if value is None:
            monkeypatch.delenv("NEWSPRISM_BF16", raising=False)
        else:
            monkeypatch.setenv("NEWSPRISM_BF16", value)
        lead_embed.use_bfloat16.cache_clear()
        return lead_embed.use_bfloat16()

    yield set_to
    lead_embed.use_bfloat16.cache_clear()


def test_the_environment_overrides_the_cpu_check(choice) -> None:
    assert choice("1") is True
    assert choice("0") is False
    assert choice("false") is False


@pytest.mark.skipif(not Path("/proc/cpuinfo").exists(), reason="the check reads Linux's /proc/cpuinfo")
def test_the_cpu_check_reads_the_bfloat16_flags(choice, monkeypatch: pytest.MonkeyPatch) -> None:
    flags = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace")
    native = " avx512_bf16" in flags or " amx_bf16" in flags
    assert choice(None) is native
    monkeypatch.setenv("NEWSPRISM_DEVICE", "cuda")
    assert choice(None) is False


def test_bfloat16_vectors_agree_with_float32(choice) -> None:
    choice("0")
    full = lead_embed.embed_leads(LEADS)
    choice("1")
    half = lead_embed.embed_leads(LEADS)
    half = half / np.linalg.norm(half, axis=1, keepdims=True)
    agreement = (full * half).sum(axis=1)
    assert agreement.min() > 0.999
    # The three leads stay as far apart as they were.
    assert np.allclose(full @ full.T, half @ half.T, atol=0.01)
