"""The outlet registry: one spelling per newsroom, whatever the article wrote."""

from __future__ import annotations

from newsprism.lang.outlets import outlet_name


def test_outlet_name_normalisation():
    assert outlet_name("the Guardian") == "The Guardian"
    assert outlet_name("AP") == "Associated Press"
    assert outlet_name("The Boston Herald's") == "Boston Herald"
