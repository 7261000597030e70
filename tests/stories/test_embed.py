"""Lead vectors: bfloat16 where the CPU has it (or the settings say), and vectors that agree with float32."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsprism.settings import Settings, settings_from
from newsprism.stories import embed as lead_embed

LEADS = [
    "Magnitude 6.1 quake shakes southern Peru\nA magnitude 6.1 earthquake struck near Arequipa on Monday.",
    "Millbrook police arrest man after deadly bakery attack\nDorian Vance, 34, was taken into custody.",
    "Council approves budget for new tram line\nThe city council voted 31 to 12 for the tram budget.",
]


def test_the_settings_override_the_cpu_check() -> None:
    assert lead_embed.use_bfloat16(settings_from({"NEWSPRISM_BF16": "1"})) is True
    assert lead_embed.use_bfloat16(settings_from({"NEWSPRISM_BF16": "0"})) is False
    assert lead_embed.use_bfloat16(settings_from({"NEWSPRISM_BF16": "false"})) is False


@pytest.mark.skipif(not Path("/proc/cpuinfo").exists(), reason="the check reads Linux's /proc/cpuinfo")
def test_the_cpu_check_reads_the_bfloat16_flags() -> None:
    flags = Path("/proc/cpuinfo").read_text(encoding="ascii", errors="replace")
    native = " avx512_bf16" in flags or " amx_bf16" in flags
    assert lead_embed.use_bfloat16(Settings()) is native
    assert lead_embed.use_bfloat16(Settings(device="cuda")) is False


def test_bfloat16_vectors_agree_with_float32() -> None:
    full = lead_embed.embed_leads(LEADS, bfloat16=False)
    half = lead_embed.embed_leads(LEADS, bfloat16=True)
    half = half / np.linalg.norm(half, axis=1, keepdims=True)
    agreement = (full * half).sum(axis=1)
    assert agreement.min() > 0.999
    # The three leads stay as far apart as they were.
    assert np.allclose(full @ full.T, half @ half.T, atol=0.01)
